import { cp, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from '../../src/index.js';
import { FIXTURES } from '../helpers/paths.js';
import { readTree } from '../helpers/read-tree.js';
import { withTempDir } from '../helpers/temp-dir.js';

describe('output stability', () => {
  it('adding one schema changes only its own files, the index and the manifest', () =>
    withTempDir(async (dir) => {
      await cp(join(FIXTURES, 'admin-initiate-auth-response', 'input'), join(dir, 'schemas'), { recursive: true });
      await generate({ cwd: dir });
      const before = await readTree(join(dir, 'generated'));

      // A new schema that uses existing ones (and sorts between them).
      await writeFile(
        join(dir, 'schemas', 'device-type.json'),
        JSON.stringify({ title: 'DeviceType', type: 'object', properties: { DeviceKey: { $ref: '#/components/schemas/DeviceKeyType' }, LastSeen: { $ref: '#/components/schemas/IntegerType' } } }),
      );
      await generate({ cwd: dir });
      const after = await readTree(join(dir, 'generated'));

      const changed = [...after.keys()].filter((path) => before.get(path) !== after.get(path)).sort();
      expect(changed).toEqual(['.schema-gen-manifest.json', 'index.d.ts', 'index.js', 'types/DeviceType.d.ts', 'validators/DeviceType.d.ts', 'validators/DeviceType.js']);
      expect([...before.keys()].filter((path) => !after.has(path))).toEqual([]);
    }));

  it('does not depend on the order inputs are given in', () =>
    withTempDir(async (dir) => {
      await cp(join(FIXTURES, 'admin-initiate-auth-response', 'input'), join(dir, 'schemas'), { recursive: true });
      const files = (await readdir(join(dir, 'schemas'))).map((f) => `schemas/${f}`).sort();
      await generate({ cwd: dir, inputs: files, outDir: 'forward' });
      await generate({ cwd: dir, inputs: [...files].reverse(), outDir: 'backward' });
      expect(await readTree(join(dir, 'backward'))).toEqual(await readTree(join(dir, 'forward')));
    }));
});
