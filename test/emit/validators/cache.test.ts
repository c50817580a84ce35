import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MemoryValidatorCache } from '../../../src/emit/validators/cache.js';
import { generate } from '../../../src/index.js';
import { FIXTURES } from '../../helpers/paths.js';
import { readTree } from '../../helpers/read-tree.js';
import { withTempDir } from '../../helpers/temp-dir.js';

describe('validator cache', () => {
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
      expect(edited.written).toEqual(['.schema-gen-manifest.json', 'types/SessionType.d.ts', 'validators/SessionType.js']);

      await generate({ cwd: dir, outDir: 'cold', cache: false });
      expect(await readTree(join(dir, 'cold'))).toEqual(await readTree(join(dir, 'generated')));
    }));

  it('keeps compiled modules in node_modules/.cache/schema-gen between runs', () =>
    withTempDir(async (dir) => {
      await cp(join(FIXTURES, 'admin-initiate-auth-response', 'input'), join(dir, 'schemas'), { recursive: true });
      await mkdir(join(dir, 'node_modules'));
      expect((await generate({ cwd: dir })).validatorsReused).toBe(0);
      expect(Object.keys(JSON.parse(await readFile(join(dir, 'node_modules', '.cache', 'schema-gen', 'validators.json'), 'utf8')))).toHaveLength(10);
      expect((await generate({ cwd: dir })).validatorsReused).toBe(10);
      // A damaged cache file only costs time.
      await writeFile(join(dir, 'node_modules', '.cache', 'schema-gen', 'validators.json'), '{ not json');
      const afterDamage = await generate({ cwd: dir });
      expect(afterDamage.validatorsReused).toBe(0);
      expect(afterDamage.status).toBe('up-to-date');
    }));
});
