import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '../../../src/index.js';
import { toolFingerprint } from '../../../src/up-to-date/tool-fingerprint.js';
import { readTree } from '../../helpers/read-tree.js';
import { withTempDir } from '../../helpers/temp-dir.js';
import { targetCache } from '../../helpers/target-cache.js';

/**
 * Four schemas: A inlines a property of B (a ref to an unnamed schema), C calls B's
 * validator (a ref to a named schema), D stands alone. So an edit of B's property
 * changes A's and B's modules, and nothing else.
 */
async function writeSchemas(dir: string, inner: Record<string, unknown> = { type: 'string', minLength: 1, description: 'Inner.' }): Promise<void> {
  await mkdir(join(dir, 'schemas'), { recursive: true });
  const files: Record<string, unknown> = {
    'a.json': { title: 'A', type: 'object', properties: { x: { $ref: 'b.json#/properties/inner' } } },
    'b.json': { title: 'B', type: 'object', properties: { inner } },
    'c.json': { title: 'C', type: 'object', properties: { b: { $ref: 'b.json' } } },
    'd.json': { title: 'D', type: 'integer', minimum: 3 },
  };
  for (const [file, schema] of Object.entries(files)) await writeFile(join(dir, 'schemas', file), JSON.stringify(schema, null, 2));
}

const memoFile = (dir: string) => targetCache(dir, 'validator-keys.json');
const modulesFile = (dir: string) => targetCache(dir, 'validators.json');
const validatorsWritten = (written: string[]) => written.filter((f) => f.startsWith('validators/'));

describe('the key memo file (node_modules/.cache/schema-gen/targets/<output folder>/validator-keys.json)', () => {
  it('lets an annotation edit reuse every module, and a keyword edit recompile exactly the modules that include it', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'node_modules'));
      await writeSchemas(dir);
      expect((await generate({ cwd: dir })).validatorsReused).toBe(0);
      const memo = JSON.parse(await readFile(memoFile(dir), 'utf8')) as { tool: string; preparedHashes: object; documentFacts: object };
      expect(memo.tool).toBe(toolFingerprint());
      expect([Object.keys(memo.preparedHashes).length, Object.keys(memo.documentFacts).length]).toEqual([4, 4]);

      await writeSchemas(dir, { type: 'string', minLength: 1, description: 'Inner, described again.' });
      const described = await generate({ cwd: dir });
      expect([described.status, described.validatorsReused]).toEqual(['written', 4]);
      expect(validatorsWritten(described.written)).toEqual([]);

      await writeSchemas(dir, { type: 'string', minLength: 2, description: 'Inner, described again.' });
      const edited = await generate({ cwd: dir });
      expect(edited.validatorsReused).toBe(2);
      expect(validatorsWritten(edited.written)).toEqual(['validators/A.js', 'validators/B.js']);

      // The same bytes as a run that knows nothing.
      await generate({ cwd: dir, outDir: 'cold', cache: false });
      expect(await readTree(join(dir, 'cold'))).toEqual(await readTree(join(dir, 'generated')));
    }));

  it('is written only when it changed, never by --check, and not at all without the cache', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'node_modules'));
      await writeSchemas(dir);
      await generate({ cwd: dir, outDir: 'uncached', cache: false });
      expect([existsSync(memoFile(dir)), existsSync(modulesFile(dir))]).toEqual([false, false]);

      await generate({ cwd: dir });
      const first = await stat(memoFile(dir));
      // A run that used exactly what the memo held (the output folder removed: the whole pipeline runs) leaves it alone.
      await rm(join(dir, 'generated'), { recursive: true });
      expect((await generate({ cwd: dir })).validatorsReused).toBe(4);
      expect((await stat(memoFile(dir))).mtimeMs).toBe(first.mtimeMs);

      // An edit gives the memo a new entry, but --check writes nothing.
      await writeSchemas(dir, { type: 'string', minLength: 1, description: 'Checked.' });
      const checked = await generate({ cwd: dir, check: true });
      expect(checked.status).toBe('stale');
      expect((await stat(memoFile(dir))).mtimeMs).toBe(first.mtimeMs);
      const modules = await stat(modulesFile(dir));

      // The same edit, written: the memo changes, the modules do not.
      expect((await generate({ cwd: dir })).validatorsReused).toBe(4);
      expect((await stat(memoFile(dir))).mtimeMs).not.toBe(first.mtimeMs);
      expect((await stat(modulesFile(dir))).mtimeMs).toBe(modules.mtimeMs);
    }));

  it.each([
    ['it is damaged', () => '{ "format": "schema-gen validator keys 1", '],
    ['another build of schema-gen wrote it', (text: string) => text.replace(/"tool":"[0-9a-f]+"/, '"tool":"another build"')],
    ['its hashes were tampered with', (text: string) => text.replace(/("preparedHashes":\{"[0-9a-f]{64}":")[0-9a-f]{64}/, `$1${'0'.repeat(64)}`)],
  ])('only costs time when %s: the run is right, and leaves a memo of its own', (_, damage) =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'node_modules'));
      await writeSchemas(dir);
      await generate({ cwd: dir });
      await writeFile(memoFile(dir), damage(await readFile(memoFile(dir), 'utf8')));
      await writeSchemas(dir, { type: 'string', minLength: 2, description: 'After the damage.' });
      const report = await generate({ cwd: dir });
      expect(report.status).toBe('written');
      await generate({ cwd: dir, outDir: 'cold', cache: false });
      expect(await readTree(join(dir, 'cold'))).toEqual(await readTree(join(dir, 'generated')));
      expect(JSON.parse(await readFile(memoFile(dir), 'utf8'))).toMatchObject({ format: 'schema-gen validator keys 1', tool: toolFingerprint() });
    }),
  );
});
