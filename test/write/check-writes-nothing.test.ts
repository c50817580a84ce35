import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from '../../src/index.js';
import { runCliCaptured } from '../helpers/cli.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { snapshotTree } from '../helpers/tree-snapshot.js';
import { V1, V1_ARGS, V2_ARGS, writeTwoVersionProject } from '../helpers/two-versions.js';

describe('--check writes nothing', () => {
  it('not the validator cache, not the output folder, not even when it is missing', () =>
    withTempDir(async (dir) => {
      await writeTwoVersionProject(dir);
      await mkdir(join(dir, 'node_modules')); // where the validator cache would go
      const before = snapshotTree(dir);
      const missing = await runCliCaptured(['schemas-v2', '--check'], dir);
      expect(missing.code).toBe(1);
      expect(snapshotTree(dir)).toEqual(before);

      expect(
        (
          await runCliCaptured(
            V2_ARGS.filter((a) => a !== '--no-cache'),
            dir,
          )
        ).code,
      ).toBe(0);
      await rm(join(dir, 'node_modules', '.cache'), { recursive: true });
      const written = snapshotTree(dir);
      const upToDate = await runCliCaptured(['schemas-v2', '--check'], dir);
      expect(upToDate.code).toBe(0);
      expect(snapshotTree(dir)).toEqual(written);
    }));

  it('is stale when the manifest differs, or a file it lists and no schema produces is still there', () =>
    withTempDir(async (dir) => {
      await writeTwoVersionProject(dir);
      await generate({ cwd: dir, ...V1 });
      await rm(join(dir, 'generated', '.schema-gen-manifest.json'));
      const noManifest = await runCliCaptured([...V1_ARGS, '--check'], dir);
      expect(noManifest.code).toBe(1);
      expect(noManifest.stdout).toMatch(/\+\+\+ b\/generated\/\.schema-gen-manifest\.json/);

      await generate({ cwd: dir, ...V1 });
      await rm(join(dir, 'schemas-v1', 'b.json'));
      const leftover = await runCliCaptured([...V1_ARGS, '--check'], dir);
      expect(leftover.code).toBe(1);
      expect(leftover.stdout).toMatch(/--- a\/generated\/types\/B\.d\.ts\s*\n\+\+\+ \/dev\/null/);
      expect(leftover.stderr).toContain('generated/ is stale: 2 file(s) to write, 1 to remove');
    }));
});
