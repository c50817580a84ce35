import { cp, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cacheKey, MemoryValidatorCache } from '../../../src/emit/validators/cache.js';
import { generate } from '../../../src/index.js';
import { FIXTURES } from '../../helpers/paths.js';
import { readTree } from '../../helpers/read-tree.js';
import { withTempDir } from '../../helpers/temp-dir.js';
import { targetCache } from '../../helpers/target-cache.js';

describe('validator cache', () => {
  it('keys no two lists of parts alike, whatever characters the parts hold', () => {
    const hash = 'a'.repeat(64);
    // A pointer (from a schema's keys) may hold NUL: it must not shift into the next part.
    expect(cacheKey(['Name', `/x\u0000${hash}`, hash])).not.toBe(cacheKey(['Name', '/x', hash, hash]));
    expect(cacheKey(['a\u0000', 'b'])).not.toBe(cacheKey(['a', '\u0000b']));
    expect(cacheKey(['a', 'b'])).not.toBe(cacheKey(['a', 'b', '']));
    expect(cacheKey(['a', 'b'])).toBe(cacheKey(['a', 'b']));
  });

  it('reuses unchanged modules, recompiles what an edit touches, and writes the same bytes as a cold run', () =>
    withTempDir(async (dir) => {
      await cp(join(FIXTURES, 'admin-initiate-auth-response', 'input'), join(dir, 'schemas'), { recursive: true });
      const cache = new MemoryValidatorCache();
      expect((await generate({ cwd: dir, cache })).validatorsReused).toBe(0);
      expect((await generate({ cwd: dir, cache })).validatorsReused).toBe(10);

      const file = join(dir, 'schemas', 'session-type.json');
      await writeFile(file, (await readFile(file, 'utf8')).replace('"minLength": 20', '"minLength": 21'));
      const edited = await generate({ cwd: dir, cache });
      expect(edited.validatorsReused).toBe(9);
      // index.js holds every validator too (one block each: see test/render/index-module.test.ts).
      expect(edited.written).toEqual(['.schema-gen-manifest.json', 'index.js', 'types/SessionType.d.ts', 'validators/SessionType.js']);

      // Annotations play no part in a validator: a new description changes the type's doc comment and compiles nothing.
      await writeFile(file, (await readFile(file, 'utf8')).replace(/"description": "[^"]*"/, '"description": "Edited, and only here."'));
      const described = await generate({ cwd: dir, cache });
      expect(described.validatorsReused).toBe(10);
      expect(described.written).toEqual(['.schema-gen-manifest.json', 'types/SessionType.d.ts']);

      await generate({ cwd: dir, outDir: 'cold', cache: false });
      expect(await readTree(join(dir, 'cold'))).toEqual(await readTree(join(dir, 'generated')));
    }));

  it('never reuses a module compiled in another dialect (the same text read as draft-07, then as 2020-12)', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      await writeFile(join(dir, 'schemas', 'pair.json'), JSON.stringify({ title: 'Pair', type: 'array', items: [{ type: 'string' }], additionalItems: false }));
      const cache = new MemoryValidatorCache();
      const verdict = async () =>
        ((await import(`${pathToFileURL(join(dir, 'generated', 'validators', 'Pair.js')).href}?${Math.random()}`)) as { validatePair: (d: unknown) => boolean }).validatePair(['a', 'b']);
      expect((await generate({ cwd: dir, cache, defaultDialect: 'draft-07' })).validatorsReused).toBe(0);
      expect(await verdict()).toBe(false);
      // Read as 2020-12, `items` holds one schema: the same text is another schema (refused by its meta-schema), never the cached module.
      const as2020 = await generate({ cwd: dir, cache, defaultDialect: '2020-12' });
      expect(as2020.status).toBe('failed');
      expect(as2020.validatorsReused).toBe(0);
      await writeFile(join(dir, 'schemas', 'pair.json'), JSON.stringify({ title: 'Pair', type: 'array', items: { type: 'string' }, maxItems: 1 }));
      expect((await generate({ cwd: dir, cache, defaultDialect: 'draft-07' })).validatorsReused).toBe(0);
      const again = await generate({ cwd: dir, cache, defaultDialect: '2019-09' });
      expect(again.validatorsReused).toBe(0);
      expect((await generate({ cwd: dir, cache, defaultDialect: '2019-09' })).validatorsReused).toBe(1);
    }));

  it('keeps compiled modules in node_modules/.cache/schema-gen/targets/<output folder>/ between runs', () =>
    withTempDir(async (dir) => {
      await cp(join(FIXTURES, 'admin-initiate-auth-response', 'input'), join(dir, 'schemas'), { recursive: true });
      await mkdir(join(dir, 'node_modules'));
      expect((await generate({ cwd: dir })).validatorsReused).toBe(0);
      expect(Object.keys(JSON.parse(await readFile(targetCache(dir, 'validators.json'), 'utf8')))).toHaveLength(10);
      expect((await generate({ cwd: dir })).validatorsReused).toBe(10);
      // Written only when it changed: a run that used exactly what it held leaves it alone.
      const cacheFile = targetCache(dir, 'validators.json');
      const before = await stat(cacheFile);
      const file = join(dir, 'schemas', 'session-type.json');
      await writeFile(file, (await readFile(file, 'utf8')).replace(/"description": "[^"]*"/, '"description": "Edited."'));
      const described = await generate({ cwd: dir });
      expect([described.status, described.validatorsReused]).toEqual(['written', 10]);
      expect((await stat(cacheFile)).mtimeMs).toBe(before.mtimeMs);
      // A damaged cache file only costs time.
      await writeFile(cacheFile, '{ not json');
      await writeFile(file, (await readFile(file, 'utf8')).replace(/"description": "[^"]*"/, '"description": "Edited again."'));
      const afterDamage = await generate({ cwd: dir });
      expect(afterDamage.validatorsReused).toBe(0);
      expect(afterDamage.status).toBe('written');
    }));
});
