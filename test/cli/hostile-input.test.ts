import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCliCaptured } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { typeErrors } from '../helpers/typecheck.js';

const BIN = join(REPO_ROOT, 'bin', 'schema-gen.js');
const NO_STACK = /\n\s+at .*\.(ts|js):\d+/;

async function writeJson(dir: string, path: string, json: unknown): Promise<void> {
  await mkdir(join(dir, path, '..'), { recursive: true });
  await writeFile(join(dir, path), JSON.stringify(json, null, 2));
}

describe('names that are members of every object', () => {
  it('files named constructor.json, __proto__.json, toString.json and such titles and keys generate normally', async () => {
    await withTempDir(async (dir) => {
      // A computed key: `__proto__: …` in an object literal would set the prototype instead.
      await writeJson(dir, 'schemas/constructor.json', { type: 'object', properties: { constructor: { type: 'string' }, ['__proto__']: { type: 'number' } } });
      await writeJson(dir, 'schemas/__proto__.json', { type: 'string', enum: ['__proto__', 'constructor'] });
      await writeJson(dir, 'schemas/toString.json', { type: 'integer' });
      await writeJson(dir, 'schemas/titled.json', {
        title: 'hasOwnProperty',
        type: 'object',
        properties: { a: { $ref: '#/components/schemas/constructor' }, b: { $ref: '__proto__.json' }, c: { $ref: '#/$defs/valueOf' } },
        $defs: { valueOf: { const: 'toString' } },
      });
      await writeFile(join(dir, 'schema-gen.config.json'), JSON.stringify({ names: { 'schemas/toString.json': 'Count' } }));
      const run = await runCliCaptured([], dir);
      expect(run.stderr).not.toContain('internal error');
      expect(run.code).toBe(0);
      const types = (await readdir(join(dir, 'generated', 'types'))).sort();
      expect(types).toEqual(['Constructor.d.ts', 'Count.d.ts', 'HasOwnProperty.d.ts', 'Proto.d.ts', 'ValueOf.d.ts']);
      expect(await readFile(join(dir, 'generated', 'types', 'HasOwnProperty.d.ts'), 'utf8')).toContain('a?: Constructor;\n  b?: Proto;\n  c?: ValueOf;');
      expect(await readFile(join(dir, 'generated', 'types', 'Constructor.d.ts'), 'utf8')).toMatch(/constructor\?: string \| Object\["constructor"\];\n\s+(__proto__|"__proto__")\?: number;/);
      expect(typeErrors([join(dir, 'generated', 'index.d.ts')])).toEqual([]);
      const { validateConstructor, validateProto } = (await import(pathToFileURL(join(dir, 'generated', 'index.js')).href)) as Record<string, (data: unknown) => boolean>;
      expect(validateConstructor!(JSON.parse('{"constructor": "x", "__proto__": 1}'))).toBe(true);
      expect(validateConstructor!(JSON.parse('{"__proto__": "not a number"}'))).toBe(false);
      expect(validateProto!('constructor')).toBe(true);
      expect(validateProto!('toString')).toBe(false);
    });
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('config key %s is an unknown setting at its line and column (exit 2)', async (key) => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'schema-gen.config.json'), `{\n  "inputs": ["schemas"],\n  "${key}": {}\n}\n`);
      const run = await runCliCaptured([], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`error in schema-gen.config.json:3:3 at /${key}: unknown setting "${key}"`);
      expect(run.stderr).not.toMatch(NO_STACK);
    });
  });

  it('the same keys in a YAML config', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'schema-gen.config.yaml'), 'inputs: [schemas]\n__proto__: 1\ntoString: 2\n');
      const run = await runCliCaptured([], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('error in schema-gen.config.yaml:2:1 at /__proto__: unknown setting "__proto__"');
      expect(run.stderr).toContain('error in schema-gen.config.yaml:3:1 at /toString: unknown setting "toString"');
    });
  });
});

describe('terminal safety: schema text never reaches the terminal as control characters', () => {
  const RETITLE = '\u001b]0;pwned\u0007';
  const CLEAR = '\u001b[2J';
  const C1_CSI = '\u009b2J';

  /** The real CLI, without colours (our own escape codes), so any ESC in stderr came from a schema. */
  const cli = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });

  it('errors and warnings quoting a title, ref, keyword or enum show escapes instead', async () => {
    await withTempDir(async (dir) => {
      await writeJson(dir, 'schemas/a.json', {
        title: `A${RETITLE}`,
        description: `Clears${CLEAR}`,
        type: 'object',
        properties: {
          x: { $ref: `#/components/schemas/Nope${RETITLE}${CLEAR}` },
          y: { type: 'string', enum: [`v${CLEAR}`], [`minLenght${CLEAR}`]: 3 },
          z: { type: `string${RETITLE}` },
        },
      });
      await writeJson(dir, 'schemas/b.json', { title: `A${RETITLE}`, type: 'string' });
      const run = cli([], dir);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('error in schemas/a.json');
      expect(run.stderr).toContain('Nope\\u001b]0;pwned\\u0007\\u001b[2J');
      expect(run.stderr).toContain('minLenght\\u001b[2J');
      expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    });
  });

  it('a successful run with such titles, descriptions, enums and file names prints nothing raw either', async () => {
    await withTempDir(async (dir) => {
      await writeJson(dir, `schemas/odd${CLEAR}.json`, { title: `T${RETITLE}`, description: `${CLEAR}${C1_CSI}`, enum: [RETITLE, CLEAR, C1_CSI] });
      await writeJson(dir, `schemas/sub${RETITLE}/odd${CLEAR}.json`, { title: `T${RETITLE}`, type: 'string' });
      const run = cli(['--verbose', '--types-only'], dir);
      expect(run.status).toBe(0);
      expect(run.stderr).toContain('name clash settled: schemas/odd\\u001b[2J.json');
      expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    });
  });

  it('--json escapes them too (JSON leaves DEL and C1 controls raw; we do not), and still parses', async () => {
    await withTempDir(async (dir) => {
      await writeJson(dir, 'schemas/a.json', { title: 'A', properties: { x: { $ref: `#/components/schemas/N${C1_CSI}\u007f${RETITLE}` } } });
      const run = cli(['--json'], dir);
      expect(run.status).toBe(2);
      expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      const report = JSON.parse(run.stdout) as { diagnostics: { message: string }[] };
      expect(report.diagnostics[0]!.message).toContain(`N${C1_CSI}\u007f${RETITLE}`);
    });
  });
});

describe('--templates', () => {
  it('a folder that does not exist is an error naming it (exit 2); nothing is written', async () => {
    await withTempDir(async (dir) => {
      await writeJson(dir, 'schemas/a.json', { title: 'A', type: 'string' });
      const run = await runCliCaptured(['--templates', 'missing/'], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('error: the templates folder "missing/" does not exist');
      expect(await readdir(dir)).toEqual(['schemas']);
    });
  });

  it('so is a file, and a missing folder named by the config file', async () => {
    await withTempDir(async (dir) => {
      await writeJson(dir, 'schemas/a.json', { title: 'A', type: 'string' });
      await writeFile(join(dir, 'not-a-folder'), '');
      const file = await runCliCaptured(['--templates', 'not-a-folder'], dir);
      expect(file.code).toBe(2);
      expect(file.stderr).toContain('the templates folder "not-a-folder" is not a folder');
      await writeFile(join(dir, 'schema-gen.config.json'), JSON.stringify({ templates: 'tpl' }));
      const configured = await runCliCaptured([], dir);
      expect(configured.code).toBe(2);
      expect(configured.stderr).toContain('the templates folder "tpl" does not exist');
    });
  });
});
