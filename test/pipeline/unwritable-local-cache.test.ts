import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from '../../src/index.js';
import { FIXTURES } from '../helpers/paths.js';
import { readTree } from '../helpers/read-tree.js';
import { withTempDir } from '../helpers/temp-dir.js';

// Every local cache (validators, keys, clean documents, YAML parses, render traces, run
// messages) is a speed-up whose write may fail: the run goes on, and writes what it would without.
describe('a local cache that cannot be written', () => {
  it('changes nothing but time: each run writes what a run without caches writes', () =>
    withTempDir(async (dir) => {
      await cp(join(FIXTURES, 'admin-initiate-auth-response', 'input'), join(dir, 'schemas'), { recursive: true });
      await writeFile(join(dir, 'schemas', 'region-type.yaml'), 'title: RegionType\ntype: string\ndescription: <p>An AWS <code>Region</code>.</p>\n');
      await mkdir(join(dir, 'node_modules'));
      // A file where the cache folder belongs: every cache write fails (ENOTDIR), even as root.
      await writeFile(join(dir, 'node_modules', '.cache'), 'not a folder\n');
      const options = { cwd: dir, inputs: ['schemas'] };
      const expectSameAsUncached = async () => {
        const uncached = await generate({ ...options, outDir: 'uncached', cache: false });
        expect(uncached.status).not.toBe('failed');
        expect(await readTree(join(dir, 'out'))).toEqual(await readTree(join(dir, 'uncached')));
      };

      const first = await generate({ ...options, outDir: 'out' });
      expect([first.status, first.diagnostics.filter((d) => d.severity === 'error')]).toEqual(['written', []]);
      await expectSameAsUncached();

      const session = join(dir, 'schemas', 'session-type.json');
      await writeFile(session, (await readFile(session, 'utf8')).replace(/"description": "[^"]*"/, '"description": "Edited."'));
      const second = await generate({ ...options, outDir: 'out' });
      expect([second.status, second.written]).toEqual(['written', ['.schema-gen-manifest.json', 'types/SessionType.d.ts']]);
      await expectSameAsUncached();

      const third = await generate({ ...options, outDir: 'out' });
      expect(third.status).toBe('up-to-date');
      expect(await readFile(join(dir, 'node_modules', '.cache'), 'utf8')).toBe('not a folder\n');
    }));
});
