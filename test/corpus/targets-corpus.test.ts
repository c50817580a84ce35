import { existsSync } from 'node:fs';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCliCaptured } from '../helpers/cli.js';
import { CORPUS_SCHEMAS, describeCorpus, IDENTITY_POOLS_OPENAPI, USER_POOLS_OPENAPI } from '../helpers/corpus.js';
import { withTempDir } from '../helpers/temp-dir.js';

/** The corpus's two families as two targets of one config, each with its own OpenAPI components. */
async function twoFamilies(dir: string): Promise<void> {
  const family = (prefix: string, components: string) => ({ inputs: [join(CORPUS_SCHEMAS, `${prefix}-*.json`)], components: [components], out: `packages/${prefix}/generated`, typesOnly: true });
  await writeFile(
    join(dir, 'schema-gen.config.json'),
    JSON.stringify({ targets: { 'user-pools': family('user-pools', USER_POOLS_OPENAPI), 'identity-pools': family('identity-pools', IDENTITY_POOLS_OPENAPI) } }, null, 2),
  );
}

const typesIn = async (dir: string) => (await readdir(join(dir, 'types'))).filter((f) => f.endsWith('.d.ts'));

describeCorpus('the Cognito corpus as two targets of one config', () => {
  it('one command generates both families into their own folders; --target runs one; --check reports per target', async () => {
    await withTempDir(async (dir) => {
      await twoFamilies(dir);
      const userPools = join(dir, 'packages', 'user-pools', 'generated');
      const identityPools = join(dir, 'packages', 'identity-pools', 'generated');

      const run = await runCliCaptured(['-q'], dir);
      expect(run.stderr).not.toContain('error');
      expect(run.code).toBe(0);
      const [userTypes, identityTypes] = [await typesIn(userPools), await typesIn(identityPools)];
      // Each family alone: the titles both families use keep their own names, in each folder.
      expect(userTypes).toContain('DateType.d.ts');
      expect(identityTypes).toContain('DateType.d.ts');
      expect(userTypes.some((t) => t.startsWith('UserPools'))).toBe(false);
      expect(userTypes.length).toBeGreaterThan(identityTypes.length);

      await rm(identityPools, { recursive: true });
      const one = await runCliCaptured(['--target', 'identity-pools', '--json'], dir);
      expect(one.code).toBe(0);
      expect(Object.keys((JSON.parse(one.stdout) as { targets: object }).targets)).toEqual(['identity-pools']);
      expect(await typesIn(identityPools)).toEqual(identityTypes);

      const current = await runCliCaptured(['--check'], dir);
      expect(current.code).toBe(0);
      expect(current.stderr).toContain('schema-gen: 2 targets: user-pools up to date, identity-pools up to date');

      await rm(join(userPools, 'types', 'DateType.d.ts'));
      const stale = await runCliCaptured(['--check'], dir);
      expect(stale.code).toBe(1);
      expect(stale.stderr).toContain('schema-gen [user-pools]: packages/user-pools/generated/ is stale: 1 file(s) to write, 0 to remove.');
      expect(stale.stderr).toContain('schema-gen: 2 targets: user-pools stale, identity-pools up to date');
      expect(existsSync(join(userPools, 'types', 'DateType.d.ts'))).toBe(false);
    });
  });
});
