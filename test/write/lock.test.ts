import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from '../../src/index.js';
import { acquireLock } from '../../src/write/lock.js';
import { outputLayout } from '../../src/write/layout.js';
import { runCliChild, startCli } from '../helpers/child-cli.js';
import { runCliCaptured } from '../helpers/cli.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { debrisIn, snapshotTree } from '../helpers/tree-snapshot.js';
import { V1, V1_ARGS, V2, V2_ARGS, writeTwoVersionProject } from '../helpers/two-versions.js';

/** The output of v1 and of v2, each written alone into a fresh folder. */
async function references(root: string, template: string) {
  const outputs: Record<string, string>[] = [];
  for (const [name, options] of [
    ['ref-v1', V1],
    ['ref-v2', V2],
  ] as const) {
    const dir = join(root, name);
    await cp(template, dir, { recursive: true });
    await generate({ cwd: dir, ...options });
    outputs.push(snapshotTree(join(dir, 'generated')));
  }
  return outputs;
}

/** Every file the manifest lists hashes to what it says, and it lists every file but itself. */
async function expectConsistentManifest(out: string) {
  const manifest = JSON.parse(await readFile(join(out, '.schema-gen-manifest.json'), 'utf8')) as { files: Record<string, string> };
  const files = Object.keys(snapshotTree(out)).filter((p) => !p.endsWith('/') && p !== '.schema-gen-manifest.json');
  expect(Object.keys(manifest.files)).toEqual(files);
  for (const [path, hash] of Object.entries(manifest.files)) {
    expect(
      `sha256:${createHash('sha256')
        .update(await readFile(join(out, path)))
        .digest('hex')}`,
    ).toBe(hash);
  }
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((wake) => setTimeout(wake, 20));
};

describe('one run at a time per output folder', () => {
  it('two runs at once with different inputs: the second waits (saying so), and the folder ends as exactly one complete output', () =>
    withTempDir(async (root) => {
      const dir = join(root, 'project');
      await writeTwoVersionProject(dir);
      const [v1, v2] = await references(root, dir);
      // Hold the lock while both start, so that they really meet at it.
      const held = await acquireLock(outputLayout(join(dir, 'generated')), { timeoutMs: 1000, shownOut: 'generated' });
      if (!held.ok) throw new Error(held.diagnostic.message);
      const first = startCli(V1_ARGS, dir);
      const second = startCli(V2_ARGS, dir);
      const waiting = (stderr: string) =>
        stderr.includes(`schema-gen: generated/ is being written by another schema-gen run (pid ${process.pid} on this machine); waiting up to 60 s for it to finish`);
      await until(() => waiting(first.stderrSoFar()) && waiting(second.stderrSoFar()));
      held.lock.release();
      const runs = await Promise.all([first.done, second.done]);
      for (const run of runs) {
        expect(run.code).toBe(0);
        expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
      }
      const out = join(dir, 'generated');
      const final = snapshotTree(out);
      expect(debrisIn(final)).toEqual([]);
      expect([v1, v2]).toContainEqual(final);
      await expectConsistentManifest(out);
    }));

  it('two runs at once in one process: both succeed, one after the other', () =>
    withTempDir(async (root) => {
      const dir = join(root, 'project');
      await writeTwoVersionProject(dir);
      const [v1, v2] = await references(root, dir);
      for (let round = 0; round < 3; round++) {
        const reports = await Promise.all([generate({ cwd: dir, ...V1 }), generate({ cwd: dir, ...V2 })]);
        expect(reports.map((r) => r.status)).not.toContain('failed');
        const final = snapshotTree(join(dir, 'generated'));
        expect([v1, v2]).toContainEqual(final);
        await expectConsistentManifest(join(dir, 'generated'));
      }
    }));

  it('a run that cannot get the lock in time fails clearly (exit 2 naming the holder), for --check too, and changes nothing', () =>
    withTempDir(async (dir) => {
      await writeTwoVersionProject(dir);
      await generate({ cwd: dir, ...V1 });
      const held = await acquireLock(outputLayout(join(dir, 'generated')), { timeoutMs: 1000, shownOut: 'generated' });
      if (!held.ok) throw new Error(held.diagnostic.message);
      try {
        const before = snapshotTree(dir);
        for (const check of [false, true]) {
          const report = await generate({ cwd: dir, ...V2, check, lockTimeoutMs: 300 });
          expect(report.status).toBe('failed');
          expect(report.diagnostics).toEqual([
            expect.objectContaining({
              code: 'output-locked',
              file: 'generated',
              message: `another schema-gen run (pid ${process.pid} on this machine) is writing generated; gave up after waiting 300 ms`,
            }),
          ]);
          expect(report.diagnostics[0]!.hint).toContain('delete generated/.schema-gen-staging/lock');
          expect(snapshotTree(dir)).toEqual(before);
        }
      } finally {
        held.lock.release();
      }
      expect(debrisIn(snapshotTree(join(dir, 'generated')))).toEqual([]);
    }));

  it('the lock of a run that is no longer running is taken over, with a message', () =>
    withTempDir(async (dir) => {
      await writeTwoVersionProject(dir);
      await generate({ cwd: dir, ...V1 });
      // A run killed while holding the lock (before it staged anything).
      const killed = await runCliChild(V2_ARGS, dir, { SCHEMA_GEN_FAULT: 'kill@1' });
      expect(killed.signal).toBe('SIGKILL');
      const lock = JSON.parse(await readFile(join(dir, 'generated', '.schema-gen-staging', 'lock'), 'utf8')) as { pid: number };
      // Until then, git does not see what the killed run left.
      expect(await readFile(join(dir, 'generated', '.schema-gen-staging', '.gitignore'), 'utf8')).toBe('*\n');
      const run = await runCliCaptured(V2_ARGS, dir);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(`schema-gen: recovered generated/: an earlier run (pid ${lock.pid}) had stopped without releasing its lock; took it over`);
      expect(debrisIn(snapshotTree(join(dir, 'generated')))).toEqual([]);
    }));

  it('what a run killed while taking the lock (or taking over a stale one) leaves is cleaned up by the next run', () =>
    withTempDir(async (dir) => {
      await writeTwoVersionProject(dir);
      await generate({ cwd: dir, ...V1 });
      const staging = join(dir, 'generated', '.schema-gen-staging');
      await mkdir(staging);
      await writeFile(join(staging, 'lock.0123456789abcdef01234567'), '{"pid":1,"hostname":"h","token":"0123456789abcdef01234567"}');
      await writeFile(join(staging, 'lock.takeover'), '');
      const report = await generate({ cwd: dir, ...V2 });
      expect(report.status).toBe('written');
      expect(debrisIn(snapshotTree(join(dir, 'generated')))).toEqual([]);
    }));
});
