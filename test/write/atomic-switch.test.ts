import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from '../../src/index.js';
import { runCliChild } from '../helpers/child-cli.js';
import { runCliCaptured } from '../helpers/cli.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { debrisIn, snapshotTree } from '../helpers/tree-snapshot.js';
import { V1, V1_ARGS, V2, V2_ARGS, writeTwoVersionProject } from '../helpers/two-versions.js';

/**
 * The switch under fault injection (SCHEMA_GEN_FAULT, src/write/fault.ts): a run is
 * stopped at each of its fault points in turn, from taking the lock to the clean-up
 * after the commit point, until a run gets through them all.
 */

/** A project whose generated/ holds v1's output; the snapshots of v1's and v2's output, and of everything else. */
async function prepare(root: string) {
  const template = join(root, 'template');
  await writeTwoVersionProject(template);
  expect((await generate({ cwd: template, ...V1 })).status).toBe('written');
  const reference = join(root, 'reference');
  await cp(template, reference, { recursive: true });
  expect((await generate({ cwd: reference, ...V2 })).status).toBe('written');
  return {
    template,
    v1: snapshotTree(join(template, 'generated')),
    v2: snapshotTree(join(reference, 'generated')),
    outside: snapshotTree(template, ['generated']),
  };
}

async function withFault<T>(setting: string, run: () => Promise<T>): Promise<T> {
  process.env.SCHEMA_GEN_FAULT = setting;
  try {
    return await run();
  } finally {
    delete process.env.SCHEMA_GEN_FAULT;
  }
}

describe('the switch is all or nothing', () => {
  it('kill -9 at every step of a write: the next run (--check) restores the earlier output byte for byte, or finds the new one complete', () =>
    withTempDir(async (root) => {
      const { template, v1, v2, outside } = await prepare(root);
      const outcomes: ('earlier' | 'new')[] = [];
      const BATCH = 3;
      let completedAt: number | undefined;
      for (let first = 1; completedAt === undefined && first < 100; first += BATCH) {
        const points = Array.from({ length: BATCH }, (_, i) => first + i);
        const runs = await Promise.all(
          points.map(async (point) => {
            const dir = join(root, `kill-${point}`);
            await cp(template, dir, { recursive: true });
            return { point, dir, run: await runCliChild(V2_ARGS, dir, { SCHEMA_GEN_FAULT: `kill@${point}` }) };
          }),
        );
        for (const { point, dir, run } of runs) {
          if (run.signal !== 'SIGKILL') {
            // Past the last fault point: the run went through.
            expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
            expect(run.code).toBe(0);
            completedAt ??= point;
            continue;
          }
          const check = await runCliCaptured([...V1_ARGS, '--check'], dir);
          const tree = snapshotTree(join(dir, 'generated'));
          expect(debrisIn(tree)).toEqual([]);
          expect(snapshotTree(dir, ['generated'])).toEqual(outside);
          expect(check.stderr).toMatch(/schema-gen: recovered generated\/: an earlier run \(pid \d+\) .*\(--check recovers interrupted runs too; it writes nothing else\)/);
          if (check.code === 0) {
            expect(tree).toEqual(v1); // byte for byte, nothing more, nothing less
            outcomes.push('earlier');
          } else {
            expect(check.code).toBe(1);
            // Killed after its commit point (or after its clean-up, with only its lock left).
            expect(check.stderr).toMatch(/was interrupted after its output was complete|had stopped without releasing its lock/);
            expect(tree).toEqual(v2);
            outcomes.push('new');
          }
          await rm(dir, { recursive: true, force: true });
        }
      }
      expect(completedAt).toBeDefined();
      // Killed before the commit point: the earlier output; after it: the new one. Never a mix.
      const firstNew = outcomes.indexOf('new');
      expect(firstNew).toBeGreaterThan(10);
      expect(outcomes.slice(0, firstNew).every((o) => o === 'earlier')).toBe(true);
      expect(outcomes.slice(firstNew).every((o) => o === 'new')).toBe(true);
    }));

  it('an I/O error at any step of a write rolls it back: exit 2 naming the folder, earlier output byte-identical, no debris', () =>
    withTempDir(async (root) => {
      const { template: dir, v1, v2, outside } = await prepare(root);
      let rolledBack = 0;
      for (let point = 1; point < 100; point++) {
        const report = await withFault(`fail@${point}`, () => generate({ cwd: dir, ...V2 }));
        const tree = snapshotTree(join(dir, 'generated'));
        expect(debrisIn(tree)).toEqual([]);
        expect(snapshotTree(dir, ['generated'])).toEqual(outside);
        if (report.status === 'failed') {
          expect(report.diagnostics).toEqual([
            expect.objectContaining({ severity: 'error', code: 'output-not-writable', file: 'generated', message: 'could not write the output folder: an input/output error' }),
          ]);
          expect(report.diagnostics[0]!.hint).toContain('the earlier output in generated/ is unchanged');
          expect(tree).toEqual(v1);
          rolledBack++;
          continue;
        }
        // After the commit point a failure no longer undoes anything: the new output is complete.
        expect(report.status).toBe('written');
        expect(tree).toEqual(v2);
        const leftOver = report.diagnostics.filter((d) => d.code === 'staging-left');
        if (leftOver.length === 0) break; // no fault point was reached: the run went through them all
        expect(await generate({ cwd: dir, ...V1 })).toMatchObject({ status: 'written' });
      }
      expect(rolledBack).toBeGreaterThan(10);
    }));

  it('a recovery that is itself interrupted is finished by the next run', () =>
    withTempDir(async (root) => {
      const { template, v1 } = await prepare(root);
      // Killed in the middle of the switch: fault points 1–5 are the lock, staging, journal and
      // folders; from 6 on, one per file switched in (index…, runtime/…, types/…, validators/…).
      const dir = join(root, 'mid-switch');
      await cp(template, dir, { recursive: true });
      expect((await runCliChild(V2_ARGS, dir, { SCHEMA_GEN_FAULT: 'kill@14' })).signal).toBe('SIGKILL');
      const state = snapshotTree(join(dir, 'generated'));
      expect(state['.schema-gen-staging/journal.json']).toBeDefined();
      expect(state['validators/A.d.ts']).toBeDefined(); // some new files are in place…
      expect(state['types/B.d.ts']).toBeDefined(); // …and some old ones still are
      const interrupted = snapshotTree(dir);
      for (let point = 1; ; point++) {
        // Each recovery attempt starts from the same interrupted state.
        const attempt = join(root, `recover-${point}`);
        await cp(dir, attempt, { recursive: true });
        expect(snapshotTree(attempt)).toEqual(interrupted);
        const failedRecovery = await withFault(`fail@${point}`, () => generate({ cwd: attempt, ...V1, check: true }));
        const finished = await generate({ cwd: attempt, ...V1, check: true });
        expect(finished.status).toBe('up-to-date');
        const tree = snapshotTree(join(attempt, 'generated'));
        expect(tree).toEqual(v1);
        expect(debrisIn(tree)).toEqual([]);
        await rm(attempt, { recursive: true, force: true });
        if (failedRecovery.status !== 'failed') break; // the recovery passed every fault point
        expect(failedRecovery.diagnostics[0]).toMatchObject({ code: 'output-not-writable', file: 'generated' });
      }
    }));
});
