import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { localCacheFile, readLocalCache, readLocalCacheAhead, readLocalCacheBytes, writeLocalCache, targetCacheFile, writeLocalCacheIfChanged } from '../../src/paths/local-cache.js';
import { withTempDir } from '../helpers/temp-dir.js';

describe('the local cache', () => {
  it('lives in node_modules/.cache/schema-gen, and only where node_modules exists', async () => {
    await withTempDir(async (dir) => {
      expect(localCacheFile(dir, 'validators.json')).toBeUndefined();
      expect(targetCacheFile(dir, '/out', 'runs.json')).toBeUndefined();
      await mkdir(join(dir, 'node_modules'));
      expect(localCacheFile(dir, 'validators.json')).toBe(join(dir, 'node_modules', '.cache', 'schema-gen', 'validators.json'));
      // One folder per output folder, named by a hash of its real path.
      expect(targetCacheFile(dir, '/a/out', 'runs.json')).toMatch(/\/targets\/[0-9a-f]{32}\/runs\.json$/);
      expect(targetCacheFile(dir, '/a/out', 'runs.json')).not.toBe(targetCacheFile(dir, '/b/out', 'runs.json'));
    });
  });

  it('writes atomically: writes at once from one process each land whole, and no temporary file is left', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'cache', 'memo.json');
      expect(await readLocalCache(file)).toBeUndefined();
      const texts = Array.from({ length: 8 }, (_, i) => JSON.stringify({ run: i, padding: 'x'.repeat(100_000) }));
      await Promise.all(texts.map((text) => writeLocalCache(file, text)));
      expect(texts).toContain(await readLocalCache(file));
      expect(await readdir(join(dir, 'cache'))).toEqual(['memo.json']);
    });
  });

  it('a write that cannot land throws and leaves no temporary file behind', async () => {
    await withTempDir(async (dir) => {
      // A folder where the file should be: the rename fails.
      const file = join(dir, 'memo.json');
      await mkdir(file);
      await writeFile(join(file, 'inside'), '');
      await expect(writeLocalCache(file, '{}')).rejects.toThrow();
      expect((await readdir(dir)).sort()).toEqual(['memo.json']);
      expect(await readFile(join(file, 'inside'), 'utf8')).toBe('');
    });
  });

  it('a read started ahead answers the next read of its file once; a write, a read "now" or the next run drops it', async () => {
    await withTempDir(async (dir) => {
      const [a, b, c] = ['a.json', 'b.bin', 'c.json'].map((name) => join(dir, name));
      await writeFile(a!, 'first a');
      await writeFile(b!, 'first b');
      await writeFile(c!, 'first c');
      readLocalCacheAhead([a, b, c, undefined, join(dir, 'absent.json')]);
      // Let the reads land, then change the files: what was read ahead answers once, the file as it is after.
      await new Promise((settle) => setTimeout(settle, 50));
      await writeFile(a!, 'second a');
      await writeFile(b!, 'second b');
      expect(await readLocalCache(a!)).toBe('first a');
      expect(await readLocalCache(a!)).toBe('second a');
      expect((await readLocalCacheBytes(b!))?.toString()).toBe('first b');
      expect(await readLocalCache(join(dir, 'absent.json'))).toBeUndefined();
      // Our own write drops the read started before it.
      await mkdir(join(dir, 'node_modules'));
      readLocalCacheAhead([c]);
      await new Promise((settle) => setTimeout(settle, 50));
      await writeLocalCache(c!, 'written');
      expect(await readLocalCache(c!)).toBe('written');
      // A write compares with the file as it is now, never with a read started ahead; the next run's reads replace this run's.
      readLocalCacheAhead([a]);
      await new Promise((settle) => setTimeout(settle, 50));
      await writeFile(a!, 'third a');
      expect(await writeLocalCacheIfChanged(a!, 'third a')).toBe(false);
      expect(await readLocalCache(a!)).toBe('third a');
      expect(await writeLocalCacheIfChanged(a!, 'fourth a')).toBe(true);
      expect(await readLocalCache(a!)).toBe('fourth a');
      readLocalCacheAhead([c]);
      await new Promise((settle) => setTimeout(settle, 50));
      readLocalCacheAhead([]);
      await writeFile(c!, 'fourth c');
      expect(await readLocalCache(c!)).toBe('fourth c');
    });
  });
});
