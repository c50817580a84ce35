import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findConfigFile } from '../../src/config/find-config.js';
import { withTempDir } from '../helpers/temp-dir.js';

describe('the config is found from the working folder upward, to the repository root', () => {
  it('finds the nearest config above the working folder (a monorepo root from a package)', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'repo', '.git'), { recursive: true });
      await mkdir(join(dir, 'repo', 'packages', 'api', 'src'), { recursive: true });
      await writeFile(join(dir, 'repo', 'schema-gen.config.yaml'), 'inputs: [schemas]\n');
      // A package.json without the key is not a config: the search goes on above it.
      await writeFile(join(dir, 'repo', 'packages', 'api', 'package.json'), '{"name": "api"}');
      expect(findConfigFile(join(dir, 'repo', 'packages', 'api', 'src'))).toEqual({ path: join(dir, 'repo', 'schema-gen.config.yaml') });
    });
  });

  it("stops at the folder holding .git (a folder, or a worktree's file): a config above the repository does not apply", async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'schema-gen.config.json'), '{}');
      await mkdir(join(dir, 'repo', 'sub'), { recursive: true });
      await writeFile(join(dir, 'repo', '.git'), 'gitdir: elsewhere\n');
      expect(findConfigFile(join(dir, 'repo', 'sub'))).toBeUndefined();
      expect(findConfigFile(dir)).toEqual({ path: join(dir, 'schema-gen.config.json') });
    });
  });

  it('a package.json "schema-gen" key is a config; two configs in one folder are ambiguous, not guessed', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, '.git'));
      await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'x', 'schema-gen': { inputs: ['api'] } }));
      expect(findConfigFile(dir)).toEqual({ path: join(dir, 'package.json') });
      await writeFile(join(dir, 'schema-gen.config.mjs'), 'export default {};\n');
      expect(findConfigFile(dir)).toEqual({ ambiguous: [join(dir, 'schema-gen.config.mjs'), join(dir, 'package.json')] });
    });
  });
});
