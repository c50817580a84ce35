import { lstatSync } from 'node:fs';
import { cp, mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate, type GenerateOptions, type Report } from '../../src/index.js';
import { nowNs, SETTLED_NS, stampOf } from '../../src/up-to-date/output-stamps.js';
import { FIXTURES } from '../helpers/paths.js';
import { readTree } from '../helpers/read-tree.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { targetCache } from '../helpers/target-cache.js';

const SEED_INPUT = join(FIXTURES, 'admin-initiate-auth-response', 'input');
const SESSION_TYPE = 'types/SessionType.d.ts';

const answeredFromRecord = (report: Report) => Object.keys(report.timings).join() === 'unchanged inputs';

async function project(dir: string): Promise<(extra?: GenerateOptions) => Promise<Report>> {
  await cp(SEED_INPUT, join(dir, 'schemas'), { recursive: true });
  await mkdir(join(dir, 'node_modules'));
  return (extra = {}) => generate({ cwd: dir, inputs: ['schemas'], outDir: 'out', ...extra });
}

/** Long enough that files written before it count as settled. */
const settle = () => new Promise((done) => setTimeout(done, Number(SETTLED_NS / 1_000_000n) + 200));

const stampsFile = (dir: string) => targetCache(dir, 'stamps.json', 'out');

async function readStamps(dir: string): Promise<Record<string, [string, string]>> {
  return (JSON.parse(await readFile(stampsFile(dir), 'utf8')) as { files: Record<string, [string, string]> }).files;
}

async function manifestFiles(dir: string): Promise<Record<string, string>> {
  return (JSON.parse(await readFile(join(dir, 'out', '.schema-gen-manifest.json'), 'utf8')) as { files: Record<string, string> }).files;
}

describe('output stamps: a normal run with nothing to do takes an unchanged output file by its stamp', () => {
  it('settled files are stamped with the hash they were found to have; a stamp is taken at its word by a run, never by --check', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await run();
      await settle();
      expect(answeredFromRecord(await run())).toBe(true);
      const listed = await manifestFiles(dir);
      const stamps = await readStamps(dir);
      expect(Object.keys(stamps).sort()).toEqual(Object.keys(listed).sort());
      for (const [path, [stamp, hash]] of Object.entries(stamps)) {
        expect(hash).toBe(listed[path]);
        expect(stamp).toBe(stampOf(lstatSync(join(dir, 'out', path), { bigint: true })));
      }

      // Change a file's bytes behind the cache's back, and make its stamp say it is unchanged:
      // a normal run does not read it (so it cannot see the change); --check does.
      const file = join(dir, 'out', SESSION_TYPE);
      await writeFile(file, `${await readFile(file, 'utf8')}// changed\n`);
      const forged = { ...stamps, [SESSION_TYPE]: [stampOf(lstatSync(file, { bigint: true })), stamps[SESSION_TYPE]![1]] };
      await writeFile(stampsFile(dir), JSON.stringify({ files: forged }));
      const trusted = await run();
      expect([trusted.status, answeredFromRecord(trusted)]).toEqual(['up-to-date', true]);
      const checked = await run({ check: true });
      expect(checked.status).toBe('stale');
    });
  });

  it('a file written again after it was stamped is read again, even with its size and mtime as they were', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await run();
      await settle();
      await run();
      const file = join(dir, 'out', SESSION_TYPE);
      const before = lstatSync(file);
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace('SessionType', 'SessionTypf'));
      await utimes(file, before.atime, before.mtime);
      expect(lstatSync(file).size).toBe(before.size);
      const again = await run();
      expect(answeredFromRecord(again)).toBe(false);
      expect(again.diagnostics.map((d) => d.code)).toContain('edited-output');
    });
  });

  it('a file changed less than 2 s before the run read it is not stamped (it could change again within the same clock tick)', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await run();
      await settle();
      const file = join(dir, 'out', SESSION_TYPE);
      await writeFile(file, await readFile(file)); // the same bytes, written now
      const again = await run();
      expect([again.status, answeredFromRecord(again)]).toEqual(['up-to-date', true]);
      const after = nowNs();
      const stamps = await readStamps(dir);
      expect(Object.keys(stamps).length).toBeGreaterThan(0);
      for (const path of Object.keys(stamps)) expect(lstatSync(join(dir, 'out', path), { bigint: true }).ctimeNs < after - SETTLED_NS).toBe(true);
      if (after - lstatSync(file, { bigint: true }).ctimeNs < SETTLED_NS) expect(stamps[SESSION_TYPE]).toBeUndefined();
    });
  });

  it('a damaged stamps file vouches for nothing: the files are read, and the file is written whole again', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await run();
      await settle();
      await run();
      const good = await readFile(stampsFile(dir), 'utf8');
      for (const damaged of ['{"files":', '[]', '{"files":{"types/SessionType.d.ts":["x"]}}', 'null']) {
        await writeFile(stampsFile(dir), damaged);
        const again = await run();
        expect([again.status, answeredFromRecord(again)]).toEqual(['up-to-date', true]);
        expect(await readFile(stampsFile(dir), 'utf8')).toBe(good);
      }
    });
  });

  it('--check neither uses nor writes stamps', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await run();
      await settle();
      const before = await readTree(dir);
      expect((await run({ check: true })).status).toBe('up-to-date');
      expect(await readTree(dir)).toEqual(before);
    });
  });
});
