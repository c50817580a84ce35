import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate, type Report } from '../../src/index.js';
import { runCliCaptured } from '../helpers/cli.js';
import { recordNetworkAttempts } from '../helpers/no-network.js';
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
    expect(errors).toContainEqual(expect.objectContaining({ code: e.code, file: e.file, pointer: e.pointer, line: e.line, column: 7, ...(e.message ? { message: expect.stringMatching(e.message) } : {}) }));
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
      const refs = ['#/__proto__/polluted', '#/__proto__', '#/properties/constructor', '#/toString', '#/constructor/prototype', '#/properties/hasOwnProperty', '#/$defs/x/__proto__', '#/$defs/x/type/length', '#/$defs/__proto__', '#/components/schemas/constructor'];
      const properties = Object.fromEntries(refs.map((ref, i) => [`p${i}`, { $ref: ref }]));
      const report = await gen(dir, { 'schemas/d.json': { ...object('D', properties), $defs: { x: { type: 'string' } } } });
      expectFailure(dir, report, refs.map((ref, i) => ({ code: 'unresolved-ref', file: 'schemas/d.json', pointer: `/properties/p${i}/$ref`, line: refLine(i + 1) })));
      expect(report.diagnostics[0]!.message).toContain('"#/__proto__/polluted" points at nothing');
      expect(prototypeNames()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).type).toBeUndefined();
    }));

  it('own keys named __proto__ and constructor (as JSON.parse makes them) are ordinary targets', () =>
    withTempDir(async (dir) => {
      const before = prototypeNames();
      const text = '{"title": "P", "type": "object", "properties": {"__proto__": {"type": "string", "polluted": 1}, "constructor": {"type": "integer"}, "a": {"$ref": "#/properties/__proto__"}, "b": {"$ref": "#/properties/constructor"}}}';
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
