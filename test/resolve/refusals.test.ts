import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate, type Report } from '../../src/index.js';
import { runCliCaptured } from '../helpers/cli.js';
import { recordNetworkAttempts } from '../helpers/no-network.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { encodedClimbTo, expectSecretNowhere, plantSecret, type PlantedSecret } from '../helpers/secret.js';
import { withTempDir } from '../helpers/temp-dir.js';

type Validator = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string }[] | null };

/** Write `files` (objects as pretty JSON, strings as they are) under `dir`, then generate `schemas/` → `out/`. */
async function gen(dir: string, files: Record<string, unknown>): Promise<Report> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return generate({ cwd: dir, inputs: ['schemas'], outDir: 'out' });
}
/** `{title, type, properties}` pretty-printed puts the `$ref` of the n-th one-key property on line 3 + 3n. */
const object = (title: string, properties: Record<string, unknown>) => ({ title, type: 'object', properties });
const refLine = (n: number) => 3 + 3 * n;

/** The run failed, wrote nothing, and said why at each `$ref`. */
function expectFailure(dir: string, report: Report, expected: { code: string; file: string; pointer: string; line: number; message?: RegExp }[]): void {
  expect(report.status).toBe('failed');
  expect(report.written).toEqual([]);
  expect(existsSync(join(dir, 'out'))).toBe(false);
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  expect(errors).toHaveLength(expected.length);
  for (const e of expected) {
    expect(errors).toContainEqual(
      expect.objectContaining({ code: e.code, file: e.file, pointer: e.pointer, line: e.line, column: 7, ...(e.message ? { message: expect.stringMatching(e.message) } : {}) }),
    );
  }
  for (const d of errors) expect(d.pointer).toMatch(/\/\$ref$/);
}

describe('refused refs', () => {
  it('file: URLs, to an input or anywhere else', () =>
    withTempDir(async (dir) => {
      const other = pathToFileURL(join(dir, 'schemas', 'other.json')).href;
      const report = await gen(dir, {
        'schemas/a.json': object('A', { input: { $ref: other }, passwd: { $ref: 'file:///etc/passwd' }, upper: { $ref: 'FILE:///etc/hosts#/x' } }),
        'schemas/other.json': { title: 'Other', type: 'string' },
      });
      expectFailure(dir, report, [
        { code: 'refused-ref', file: 'schemas/a.json', pointer: '/properties/input/$ref', line: refLine(1), message: /file: URLs are refused/ },
        { code: 'refused-ref', file: 'schemas/a.json', pointer: '/properties/passwd/$ref', line: refLine(2), message: /file: URLs are refused/ },
        { code: 'refused-ref', file: 'schemas/a.json', pointer: '/properties/upper/$ref', line: refLine(3), message: /file: URLs are refused/ },
      ]);
    }));

  it('a relative ref that leaves the input folder, even to a file that exists (also via sub/../.. and %2E%2E)', () =>
    withTempDir(async (dir) => {
      const report = await gen(dir, {
        'schemas/b.json': object('B', { o: { $ref: '../outside.json' }, p: { $ref: 'sub/../../outside.json#/properties' }, q: { $ref: '%2E%2E/outside.json' } }),
        'schemas/sub/keep.json': { title: 'Keep', type: 'string' },
        'outside.json': { title: 'Outside', type: 'object', properties: { secret: { type: 'string' } } },
      });
      expectFailure(dir, report, [
        { code: 'refused-ref', file: 'schemas/b.json', pointer: '/properties/o/$ref', line: refLine(1), message: /leaves the input folders/ },
        { code: 'refused-ref', file: 'schemas/b.json', pointer: '/properties/p/$ref', line: refLine(2), message: /leaves the input folders/ },
        { code: 'refused-ref', file: 'schemas/b.json', pointer: '/properties/q/$ref', line: refLine(3), message: /leaves the input folders/ },
      ]);
      expect(report.diagnostics.map((d) => d.hint)).toContain('refs may only reach regular files under the inputs and the --components documents');
    }));

  it('an https:// ref to a document no input holds is refused, and nothing is fetched', () =>
    withTempDir(async (dir) => {
      let report: Report | undefined;
      const attempts = await recordNetworkAttempts(async () => {
        report = await gen(dir, { 'schemas/c.json': object('C', { h: { $ref: 'https://example.com/nothere.json' }, k: { $ref: 'http://example.com/x.json#/$defs/k' } }) });
      });
      expect(attempts).toEqual([]);
      expectFailure(dir, report!, [
        { code: 'refused-ref', file: 'schemas/c.json', pointer: '/properties/h/$ref', line: refLine(1), message: /is remote.*not fetched/ },
        { code: 'refused-ref', file: 'schemas/c.json', pointer: '/properties/k/$ref', line: refLine(2), message: /is remote/ },
      ]);
    }));

  it('in a YAML file, the diagnostic gives the YAML line', () =>
    withTempDir(async (dir) => {
      const report = await gen(dir, { 'schemas/y.yaml': 'title: Y\ntype: object\nproperties:\n  ok:\n    type: string\n  bad:\n    $ref: ../outside.yaml\n', 'outside.yaml': 'type: string\n' });
      expect(report.status).toBe('failed');
      expect(report.diagnostics).toEqual([expect.objectContaining({ code: 'refused-ref', file: 'schemas/y.yaml', pointer: '/properties/bad/$ref', line: 7 })]);
    }));

  it('the CLI exits 2 and names file:line:column and pointer', () =>
    withTempDir(async (dir) => {
      await gen(dir, { 'schemas/b.json': object('B', { o: { $ref: '../outside.json' } }), 'outside.json': { type: 'string' } });
      const run = await runCliCaptured(['schemas', '-o', 'out'], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('error in schemas/b.json:6:7 at /properties/o/$ref: "../outside.json" leaves the input folders');
      expect(existsSync(join(dir, 'out'))).toBe(false);
    }));
});

describe('pointer tokens naming prototype members', () => {
  const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort();

  it('#/__proto__/…, #/properties/constructor, #/toString … resolve to nothing, and pollute nothing', () =>
    withTempDir(async (dir) => {
      const before = prototypeNames();
      const refs = [
        '#/__proto__/polluted',
        '#/__proto__',
        '#/properties/constructor',
        '#/toString',
        '#/constructor/prototype',
        '#/properties/hasOwnProperty',
        '#/$defs/x/__proto__',
        '#/$defs/x/type/length',
        '#/$defs/__proto__',
        '#/components/schemas/constructor',
      ];
      const properties = Object.fromEntries(refs.map((ref, i) => [`p${i}`, { $ref: ref }]));
      const report = await gen(dir, { 'schemas/d.json': { ...object('D', properties), $defs: { x: { type: 'string' } } } });
      expectFailure(
        dir,
        report,
        refs.map((ref, i) => ({ code: 'unresolved-ref', file: 'schemas/d.json', pointer: `/properties/p${i}/$ref`, line: refLine(i + 1) })),
      );
      expect(report.diagnostics[0]!.message).toContain('"#/__proto__/polluted" points at nothing');
      expect(prototypeNames()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).type).toBeUndefined();
    }));

  it('own keys named __proto__ and constructor (as JSON.parse makes them) are ordinary targets', () =>
    withTempDir(async (dir) => {
      const before = prototypeNames();
      const text =
        '{"title": "P", "type": "object", "properties": {"__proto__": {"type": "string", "polluted": 1}, "constructor": {"type": "integer"}, "a": {"$ref": "#/properties/__proto__"}, "b": {"$ref": "#/properties/constructor"}}}';
      const report = await gen(dir, { 'schemas/p.json': text });
      // The property schema's `polluted` key is data here; it is reported as an unknown keyword, not an error.
      expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(report.diagnostics.map((d) => d.code)).toEqual(['unknown-keyword']);
      expect(await readFile(join(dir, 'out', 'types', 'P.d.ts'), 'utf8')).toMatch(/a\?: string;\s+b\?: number;/);
      expect(prototypeNames()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }));

  // ajv reads `data.constructor`, so a `constructor` property rejected every object, `{}` included
  // (fixed by the own-property reads of src/emit/validators/steps/own-properties.ts).
  it('validators read only own properties: inherited names are neither checked nor "present"', () =>
    withTempDir(async (dir) => {
      const report = await gen(dir, { 'schemas/p.json': { ...object('P', { constructor: { type: 'integer' }, name: { type: 'string' } }), required: ['toString'] } });
      expect(report.diagnostics).toEqual([]);
      const { validateP } = (await import(pathToFileURL(join(dir, 'out', 'validators', 'P.js')).href)) as { validateP: Validator };
      expect(validateP({ name: 'x', toString: 's' })).toBe(true);
      expect(validateP(JSON.parse('{"constructor": 1, "toString": 2}'))).toBe(true);
      expect(validateP(JSON.parse('{"constructor": "x", "toString": 2}'))).toBe(false);
      expect(validateP({ name: 'x' })).toBe(false); // `toString` is inherited, not present
      expect(validateP.errors).toEqual([expect.objectContaining({ keyword: 'required' })]);
    }));
});

/**
 * Issue 8's reproductions: each names a secret outside the project (a JSON file, and
 * an account list that is not JSON), in the ways that used to read it. Each must exit
 * 2 at the `$ref`, and the secret's token must appear in no output, message or file.
 */
describe('refs that try to read files outside the roots', () => {
  type Case = { ref: (s: PlantedSecret) => string; args?: string[]; setup?: (s: PlantedSecret) => Promise<void>; code: string; message: RegExp };
  const mapVendor = ['--map-uri', 'https://vendor.example/schemas/=vendor'];
  const vendorFolder = async (s: PlantedSecret) => mkdir(join(s.project, 'vendor'));
  const cases: Record<string, Case> = {
    'the built-in meta-schema URL climbing with ..%2F (JSON secret)': {
      ref: (s) => `https://json-schema.org/draft/2020-12/${encodedClimbTo(s.json)}`,
      code: 'unresolved-ref',
      message: /is not a meta-schema schema-gen holds \(they are served from memory, never fetched\)/,
    },
    'the built-in meta-schema URL climbing with ..%2F (a file that is not JSON)': {
      ref: (s) => `https://json-schema.org/draft/2020-12/${encodedClimbTo(s.text)}`,
      code: 'unresolved-ref',
      message: /is not a meta-schema schema-gen holds/,
    },
    'the built-in meta-schema URL climbing with double-encoded ..%252F': {
      ref: (s) => `https://json-schema.org/draft/2020-12/${encodedClimbTo(s.json, 30, '%252F')}`,
      code: 'unresolved-ref',
      message: /is not a meta-schema schema-gen holds/,
    },
    'a draft-07 meta-schema URL climbing with ..%2F': {
      ref: (s) => `http://json-schema.org/draft-07/${encodedClimbTo(s.json)}`,
      code: 'unresolved-ref',
      message: /is not a meta-schema schema-gen holds/,
    },
    'a --map-uri prefix climbing with ..%2F': {
      ref: (s) => `https://vendor.example/schemas/${encodedClimbTo(s.json)}`,
      args: mapVendor,
      setup: vendorFolder,
      code: 'refused-ref',
      message: /holds an encoded "\/", "\\" or NUL, which no file name below the mapped folder has/,
    },
    'a --map-uri prefix climbing with double-encoded ..%252F (one decoding: a file name below the folder)': {
      ref: (s) => `https://vendor.example/schemas/${encodedClimbTo(s.text, 30, '%252F')}`,
      args: mapVendor,
      setup: vendorFolder,
      code: 'unresolved-ref',
      message: /is mapped to a local file that does not exist/,
    },
    'a --map-uri folder holding a symlink to the secret': {
      ref: () => 'https://vendor.example/schemas/leak.json',
      args: mapVendor,
      setup: async (s) => {
        await vendorFolder(s);
        await symlink(s.json, join(s.project, 'vendor', 'leak.json'));
      },
      code: 'refused-ref',
      message: /is reached through a symbolic link that leads outside the folder mapped to https:\/\/vendor\.example\/schemas\//,
    },
    'a relative path to the secret': { ref: () => '../../private/secret.json', code: 'refused-ref', message: /leaves the input folders/ },
    'a relative path to the file that is not JSON': { ref: () => '../../private/passwd', code: 'refused-ref', message: /leaves the input folders/ },
    'a symlink in the input folder to the file that is not JSON': {
      ref: () => 'innocent',
      setup: (s) => symlink(s.text, join(s.project, 'schemas', 'innocent')),
      code: 'refused-ref',
      message: /is reached through a symbolic link that leads outside the input folders/,
    },
    'an encoded separator in a relative path (..%2F)': { ref: (s) => encodedClimbTo(s.json, 4), code: 'refused-ref', message: /holds an encoded "\/", "\\" or NUL; file refs are plain paths/ },
    'a network path (//host/x)': { ref: () => '//fileserver/share/secret.json', code: 'refused-ref', message: /names the network host "fileserver"; only local files are read/ },
    'a Windows share (\\\\host\\share)': { ref: () => '\\\\fileserver\\share\\secret.json', code: 'refused-ref', message: /names the network host "fileserver"/ },
    'a file: URL': { ref: (s) => pathToFileURL(s.json).href, code: 'refused-ref', message: /file: URLs are refused/ },
  };

  it.each(Object.entries(cases))('%s: exit 2 at the $ref, and the secret is nowhere', (_, c) =>
    withTempDir(async (dir) => {
      const secret = await plantSecret(dir);
      await c.setup?.(secret);
      const ref = c.ref(secret);
      await writeFile(join(secret.project, 'schemas', 'a.json'), JSON.stringify(object('A', { x: { $ref: ref } }), null, 2));
      const report = await generate({ cwd: secret.project, inputs: ['schemas'], outDir: 'out', ...(c.args ? { uriMap: { [c.args[1]!.split('=')[0]!]: c.args[1]!.split('=')[1]! } } : {}) });
      expect(report.diagnostics).toEqual([
        expect.objectContaining({ code: c.code, file: 'schemas/a.json', pointer: '/properties/x/$ref', line: refLine(1), column: 7, message: expect.stringMatching(c.message) }),
      ]);
      const run = await runCliCaptured(['schemas', '-o', 'out', ...(c.args ?? [])], secret.project);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`error in schemas/a.json:6:7 at /properties/x/$ref: ${JSON.stringify(ref).replace(/\\\\/g, '\\')}`);
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(existsSync(join(secret.project, 'out'))).toBe(false);
      await expectSecretNowhere(secret, dir, [run.stdout, run.stderr, JSON.stringify(report)]);
    }),
  );
});

/**
 * A FIFO would block the read forever and a device like /dev/zero never ends: both are
 * refused before they are opened. Run as a child process, so that a regression fails
 * this test (killed after a minute) instead of hanging the test runner.
 */
describe('refs to files that are not regular files', () => {
  it('a FIFO named by a ref or through a map, a device through a map or a symlink: exit 2 at each $ref, without waiting', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      await mkdir(join(dir, 'vendor'));
      expect(spawnSync('mkfifo', [join(dir, 'schemas', 'pipe')]).status).toBe(0);
      expect(spawnSync('mkfifo', [join(dir, 'vendor', 'pipe.json')]).status).toBe(0);
      await symlink('/dev/zero', join(dir, 'schemas', 'zero'));
      const refs = { fifo: 'pipe', mappedFifo: 'https://vendor.example/pipe', mappedDevice: 'https://devices.example/zero', linkedDevice: 'zero' };
      await writeFile(join(dir, 'schemas', 'a.json'), JSON.stringify(object('A', Object.fromEntries(Object.entries(refs).map(([key, $ref]) => [key, { $ref }]))), null, 2));
      const maps = ['--map-uri', 'https://vendor.example/=vendor', '--map-uri', 'https://devices.example/=/dev'];
      const run = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'schema-gen.js'), 'schemas', '-o', 'out', ...maps], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      expect(run.error).toBeUndefined();
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('error in schemas/a.json:6:7 at /properties/fifo/$ref: "pipe" is not a regular file (a FIFO)');
      expect(run.stderr).toContain('error in schemas/a.json:9:7 at /properties/mappedFifo/$ref: "https://vendor.example/pipe" is not a regular file (a FIFO)');
      expect(run.stderr).toContain('error in schemas/a.json:12:7 at /properties/mappedDevice/$ref: "https://devices.example/zero" is not a regular file (a device)');
      expect(run.stderr).toContain('error in schemas/a.json:15:7 at /properties/linkedDevice/$ref: "zero" is reached through a symbolic link that leads outside the input folders');
      expect(run.stderr).toContain('schema-gen: 4 errors; nothing was written');
    }));
});
