import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { documentsCheckedSoFar } from '../../src/resolve/schema-problems.js';
import { runCliCaptured } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/paths.js';
import { withTempDir } from '../helpers/temp-dir.js';

interface TargetReport {
  status: string;
  validatorsReused: number;
  typeCount: number;
}

/**
 * Each run memo (compiled validators, their keys, clean documents, YAML parses) keeps only
 * what its last run used; kept per output folder, the targets of a config do not evict
 * each other's. (They did when there was one file of each for the whole project: with two
 * targets, an edit recompiled every validator of the edited target.)
 */
describe('run memos are kept per output folder', () => {
  it('two targets run one after another: after an edit in one, its other validators still come from the cache', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'node_modules'));
      await cp(join(FIXTURES, 'admin-initiate-auth-response', 'input'), join(dir, 'auth'), { recursive: true });
      await mkdir(join(dir, 'pets'));
      await writeFile(
        join(dir, 'pets', 'pet-type.json'),
        JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'PetType', type: 'object', properties: { Name: { type: 'string', minLength: 1 } } }, null, 2),
      );
      await writeFile(join(dir, 'schema-gen.config.json'), JSON.stringify({ targets: { auth: { inputs: ['auth'], out: 'gen-auth' }, pets: { inputs: ['pets'], out: 'gen-pets' } } }));
      const run = async () => {
        const result = await runCliCaptured(['--json'], dir);
        expect(result.code).toBe(0);
        return (JSON.parse(result.stdout) as { targets: Record<string, TargetReport> }).targets;
      };
      const first = await run();
      expect([first.auth!.validatorsReused, first.pets!.validatorsReused]).toEqual([0, 0]);

      const session = join(dir, 'auth', 'session-type.json');
      await writeFile(session, (await readFile(session, 'utf8')).replace('"minLength": 20', '"minLength": 21'));
      const checkedBefore = documentsCheckedSoFar();
      const afterEdit = await run();
      expect(afterEdit.auth!.status).toBe('written');
      // Only what the edited schema reaches is compiled again; the rest of the target's validators are reused.
      expect(afterEdit.auth!.validatorsReused).toBeGreaterThan(0);
      expect(afterEdit.auth!.validatorsReused).toBeLessThan(afterEdit.auth!.typeCount);
      // And only the edited document is checked against its meta-schema again.
      expect(documentsCheckedSoFar() - checkedBefore).toBe(1);
      expect(afterEdit.pets!.status).toBe('up-to-date');

      await writeFile(join(dir, 'pets', 'pet-type.json'), (await readFile(join(dir, 'pets', 'pet-type.json'), 'utf8')).replace('"minLength": 1', '"minLength": 2'));
      const petsEdited = await run();
      expect([petsEdited.auth!.status, petsEdited.pets!.status, petsEdited.pets!.validatorsReused]).toEqual(['up-to-date', 'written', 0]);
    }));
});
