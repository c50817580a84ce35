import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCliChild } from '../helpers/child-cli.js';
import { readTree } from '../helpers/read-tree.js';
import { withTempDir } from '../helpers/temp-dir.js';

/**
 * Issue 8, item 9: an output folder the system will not let us write was exit 70. Real
 * folders, not simulated errors: /sys refuses new entries (EPERM) on any Linux; a
 * read-only tmpfs (EROFS) needs the right to mount, which CI's sandbox has as root.
 */
async function project(dir: string, schemas: Record<string, unknown>): Promise<void> {
  await mkdir(join(dir, 'schemas'), { recursive: true });
  for (const [name, schema] of Object.entries(schemas)) await writeFile(join(dir, 'schemas', name), JSON.stringify(schema));
}

function tryMountTmpfs(at: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'none', at], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('an output folder that cannot be written', () => {
  it('a folder the system refuses to create (/sys): exit 2 naming it, no stack trace', () =>
    withTempDir(async (dir) => {
      await project(dir, { 'a.json': { title: 'A', type: 'string' } });
      const run = await runCliChild(['--out', '/sys/kernel/schema-gen-test-output'], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('error in /sys/kernel/schema-gen-test-output: could not write the output folder');
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    }));

  it('a read-only file system: exit 2, and the earlier output is byte-identical', () =>
    withTempDir(async (dir) => {
      const mountPoint = join(dir, 'mnt');
      await mkdir(mountPoint);
      if (!tryMountTmpfs(mountPoint)) {
        console.warn('\n*** read-only file system test SKIPPED: this sandbox may not mount a tmpfs (the /sys test above still ran) ***\n');
        return;
      }
      try {
        await project(dir, { 'a.json': { title: 'A', type: 'string' } });
        expect((await runCliChild(['--out', 'mnt/gen'], dir)).code).toBe(0);
        const before = await readTree(join(mountPoint, 'gen'));
        execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
        await writeFile(join(dir, 'schemas', 'b.json'), JSON.stringify({ title: 'B', type: 'number' }));
        const run = await runCliChild(['--out', 'mnt/gen'], dir);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('could not write the output folder: the file system is read-only');
        expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
        expect(await readTree(join(mountPoint, 'gen'))).toEqual(before);
      } finally {
        execFileSync('umount', [mountPoint]);
      }
    }));
});
