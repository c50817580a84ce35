import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate, type Report } from '../../src/index.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { runCliCaptured } from '../helpers/cli.js';
import { withTempDir } from '../helpers/temp-dir.js';

/** Write `files` into `dir`/schemas and generate (types only: what is tested is the load stage). */
async function gen(dir: string, files: Record<string, string>, options: Parameters<typeof generate>[0] = {}): Promise<Report> {
  await mkdir(join(dir, 'schemas'), { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, 'schemas', name), text);
  return generate({ cwd: dir, outDir: 'out', typesOnly: true, ...options });
}

const errors = (report: Report) => report.diagnostics.filter((d) => d.severity === 'error');

/** The classic shape: nine anchors, each a list of nine aliases of the one before (9^9 values). */
const BILLION_LAUGHS = [
  'title: Laughs',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
].join('\n');

describe('YAML aliases', () => {
  it('the billion-laughs bomb (~400 bytes) is refused at load, at the alias that crosses the limit', () =>
    withTempDir(async (dir) => {
      expect(BILLION_LAUGHS.length).toBeLessThan(450);
      const report = await gen(dir, { 'laughs.yaml': BILLION_LAUGHS });
      expect(errors(report)).toEqual([
        expect.objectContaining({
          code: 'alias-expansion',
          file: 'schemas/laughs.yaml',
          message: expect.stringContaining(`YAML aliases (*name) expand to more than ${DEFAULT_LIMITS.maxAliasExpansion} values`),
          pointer: expect.stringMatching(/^\/[a-i]\/\d/),
          line: expect.any(Number),
        }),
      ]);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    }));

  it('anchors used the ordinary way load, and the limit can be lowered', () =>
    withTempDir(async (dir) => {
      const yaml = 'title: Shared\ntype: object\nproperties:\n  a: &text {type: string, maxLength: 10}\n  b: *text\n  c: *text\n';
      expect(errors(await gen(dir, { 'shared.yaml': yaml }))).toEqual([]);
      const lowered = await gen(dir, {}, { limits: { maxAliasExpansion: 3 } });
      expect(errors(lowered)).toEqual([
        expect.objectContaining({ code: 'alias-expansion', file: 'schemas/shared.yaml', pointer: '/properties/c', line: 6, message: expect.stringContaining('more than 3 values') }),
      ]);
    }));
});

describe('nesting', () => {
  const depth = 100_000;
  it.each([
    ['JSON arrays', 'deep.json', `${'['.repeat(depth)}${']'.repeat(depth)}`, 1, DEFAULT_LIMITS.maxDepth + 1],
    ['a JSON schema of nested nots', 'not.json', `${'{"not":'.repeat(depth)}{}${'}'.repeat(depth)}`, 1, 7 * DEFAULT_LIMITS.maxDepth + 1],
    ['YAML block sequences', 'deep.yaml', `${'- '.repeat(depth)}x\n`, 1, undefined],
    ['YAML flow collections', 'flow.yaml', `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`, 1, undefined],
    ['YAML block mappings', 'block.yaml', Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + '\n', DEFAULT_LIMITS.maxDepth + 1, undefined],
  ])('%s 100,000 levels deep: exit 2 at the place the limit is crossed, no stack overflow', (_, name, text, line, column) =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      await writeFile(join(dir, 'schemas', name), text);
      const run = await runCliCaptured(['schemas', '-o', 'out', '--types-only'], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^error in schemas/${name}:${line}:${column ?? '\\d+'}(:| at )`, 'm'));
      expect(run.stderr).toContain(`nest more than ${DEFAULT_LIMITS.maxDepth} levels deep`);
      expect(run.stderr).not.toMatch(/internal error|call stack/);
    }),
  );

  it('the JSON diagnostic carries the start of the pointer, and maxDepth can be lowered', () =>
    withTempDir(async (dir) => {
      const nested = JSON.stringify({ title: 'N', type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'array', items: { type: 'string' } } } } } }, null, 2);
      expect(errors(await gen(dir, { 'n.json': nested }))).toEqual([]);
      const report = await gen(dir, {}, { limits: { maxDepth: 4 } });
      expect(errors(report)).toEqual([
        expect.objectContaining({
          code: 'too-deep',
          file: 'schemas/n.json',
          pointer: '/properties/a/properties/b',
          line: 8,
          column: 14,
          message: 'objects and arrays nest more than 4 levels deep (the maxDepth limit)',
        }),
      ]);
    }));
});

describe('one YAML document per file', () => {
  it('a schema file with two documents is an error at the second', () =>
    withTempDir(async (dir) => {
      const report = await gen(dir, { 'two.yaml': '# two schemas\ntitle: A\ntype: string\n---\ntitle: B\n' });
      expect(errors(report)).toEqual([expect.objectContaining({ code: 'multiple-documents', file: 'schemas/two.yaml', line: 4, column: 1 })]);
      expect(errors(report)[0]!.message).toBe('holds more than one YAML document (separated by ---); a schema or config file holds exactly one');
    }));

  it('so is a config file, and the CLI exits 2', () =>
    withTempDir(async (dir) => {
      await gen(dir, { 'a.json': '{"title": "A"}' });
      await writeFile(join(dir, 'schema-gen.config.yaml'), 'inputs: [schemas]\n---\nout: elsewhere\n');
      const run = await runCliCaptured([], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('error in schema-gen.config.yaml:2:1: holds more than one YAML document');
    }));
});

describe('file sizes', () => {
  it('a file over maxFileBytes is refused without being read; the default is far above real documents', () =>
    withTempDir(async (dir) => {
      const big = JSON.stringify({ title: 'Big', description: 'x'.repeat(2000) });
      expect(errors(await gen(dir, { 'big.json': big }))).toEqual([]);
      const report = await gen(dir, {}, { limits: { maxFileBytes: 1024 } });
      expect(errors(report)).toEqual([expect.objectContaining({ code: 'refused-input', file: 'schemas/big.json', message: 'schema not read: it is larger than 1 KiB (the maxFileBytes limit)' })]);
      expect(DEFAULT_LIMITS.maxFileBytes).toBeGreaterThan(40 * 1024 * 1024);
    }));
});

describe('the limits setting', () => {
  it('wrong values are bad options (API) and config errors (CLI), never an internal error', () =>
    withTempDir(async (dir) => {
      const report = await gen(dir, { 'a.json': '{"title": "A"}' }, { limits: { maxDepth: 0, maxNesting: 3 } as never });
      expect(errors(report).map((d) => [d.code, d.message])).toEqual([
        ['bad-option', 'limit "maxDepth" must be a positive integer'],
        ['bad-option', 'unknown limit "maxNesting" (known: maxFileBytes, maxRemoteBytes, maxDepth, maxAliasExpansion)'],
      ]);
      await writeFile(join(dir, 'schema-gen.config.json'), '{\n  "limits": { "maxDepth": "deep" }\n}\n');
      const run = await runCliCaptured([], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('error in schema-gen.config.json:2:15 at /limits/maxDepth: "maxDepth" must be an integer');
    }));

  it('the config file sets them', () =>
    withTempDir(async (dir) => {
      await gen(dir, { 'a.json': JSON.stringify({ title: 'A', type: 'object', properties: { b: { type: 'object', properties: { c: {} } } } }) });
      await writeFile(join(dir, 'schema-gen.config.json'), JSON.stringify({ limits: { maxDepth: 3 } }));
      const run = await runCliCaptured(['--types-only'], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('error in schemas/a.json:1:78 at /properties/b/properties: objects and arrays nest more than 3 levels deep');
    }));
});
