import { existsSync } from 'node:fs';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from '../../src/index.js';
import { startCli } from '../helpers/child-cli.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { debrisIn, snapshotTree } from '../helpers/tree-snapshot.js';

/**
 * Real kills, no fault injection: `node bin/schema-gen.js` writing a few hundred files
 * is killed with SIGKILL from here at random moments of its write. After the next run's
 * recovery the folder holds the earlier output or the new one, byte for byte.
 */
const COUNT = 300;

async function writeSchemas(dir: string, version: 1 | 2) {
  await mkdir(dir, { recursive: true });
  // v2 changes the first 250, drops the last 50 and adds 50 more.
  const indexes = version === 1 ? range(0, COUNT) : range(0, COUNT - 50).concat(range(COUNT, COUNT + 50));
  for (const i of indexes) {
    const properties: Record<string, object> = { [`field${i}`]: { type: 'string', description: `Field ${i} of S${i}.` } };
    if (version === 2) properties.added = { type: 'integer', minimum: i };
    await writeFile(join(dir, `s${i}.json`), JSON.stringify({ title: `S${i}`, type: 'object', properties }));
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** A small seeded generator (mulberry32): the same moments on every run of the test. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pause = (ms: number) => new Promise((wake) => setTimeout(wake, ms));

describe('a real child process killed while writing', () => {
  it('SIGKILL at random moments: the next run recovers the earlier output byte for byte, or finds the new one complete', () =>
    withTempDir(async (root) => {
      const template = join(root, 'template');
      await writeSchemas(join(template, 'schemas-v1'), 1);
      await writeSchemas(join(template, 'schemas-v2'), 2);
      const v1Options = { cwd: template, inputs: ['schemas-v1'], typesOnly: true };
      expect((await generate(v1Options)).status).toBe('written');
      const reference = join(root, 'reference');
      await cp(template, reference, { recursive: true });
      expect((await generate({ ...v1Options, cwd: reference, inputs: ['schemas-v2'] })).status).toBe('written');
      const v1 = snapshotTree(join(template, 'generated'));
      const v2 = snapshotTree(join(reference, 'generated'));
      const outside = snapshotTree(template, ['generated']);

      // Moments after the staging folder appears (staging) or the journal does (the switch begins).
      const random = seeded(8);
      const moments: [string, number][] = [
        ['.schema-gen-staging', 0],
        ['.schema-gen-staging', Math.floor(random() * 100)],
        ['.schema-gen-staging/journal.json', 0],
        ['.schema-gen-staging/journal.json', Math.floor(random() * 20)],
        ['.schema-gen-staging/journal.json', Math.floor(random() * 80)],
      ];
      let recovered = 0;
      for (const [i, [sign, delay]] of moments.entries()) {
        const dir = join(root, `run-${i}`);
        await cp(template, dir, { recursive: true });
        const { child, done } = startCli(['schemas-v2', '--types-only'], dir);
        let exited = false;
        void done.then(() => (exited = true));
        // Wait for the sign, then let the run go on for `delay` ms.
        while (!exited && !existsSync(join(dir, 'generated', sign))) await pause(1);
        if (delay > 0) await pause(delay);
        child.kill('SIGKILL');
        const run = await done;

        const check = await generate({ ...v1Options, cwd: dir, check: true });
        const tree = snapshotTree(join(dir, 'generated'));
        expect(debrisIn(tree)).toEqual([]);
        expect(snapshotTree(dir, ['generated'])).toEqual(outside);
        if (run.signal === 'SIGKILL' && check.notices.length > 0) {
          recovered++;
          expect(check.notices[0]).toMatch(/^recovered generated\/: an earlier run \(pid \d+\)/);
        }
        expect(check.status).not.toBe('failed');
        // Never a mix: exactly the earlier output (then --check of v1 is up to date) or exactly the new one.
        if (check.status === 'up-to-date') expect(tree).toEqual(v1);
        else expect(tree).toEqual(v2);
        await rm(dir, { recursive: true, force: true });
      }
      expect(recovered).toBeGreaterThan(0);
    }));
});
