import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { cp, mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate, type GenerateOptions, type Report } from '../../src/index.js';
import { nowNs, SETTLED_NS, stampOf } from '../../src/up-to-date/output-stamps.js';
import { serializeManifest } from '../../src/write/manifest.js';
import { FIXTURES } from '../helpers/paths.js';
import { readTree } from '../helpers/read-tree.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { targetCache } from '../helpers/target-cache.js';

const SEED_INPUT = join(FIXTURES, 'admin-initiate-auth-response', 'input');
const SESSION_TYPE = 'types/SessionType.d.ts';
const DEVICE_KEY_TYPE = 'types/DeviceKeyType.d.ts';

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

describe('output stamps: a run after an edit keeps the files it need not render by their stamps, unread', () => {
  const SCHEMA = 'schemas/device-key-type.json';
  const describeAs = async (dir: string, text: string) => {
    const file = join(dir, SCHEMA);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/"description": "[^"]*"/, `"description": ${JSON.stringify(text)}`));
  };

  it('an edit run stamps the settled files it reads; the next takes them at their word (never --check), and ends as a full render would', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await run();
      await settle();
      await describeAs(dir, 'First edit.');
      const first = await run();
      expect(first.status).toBe('written');
      expect(first.filesKept).toBeGreaterThan(0);
      // Every kept file was read and found as listed, and all had settled: each has its stamp now.
      const stamps = await readStamps(dir);
      const listed = await manifestFiles(dir);
      const kept = first.unchanged.filter((path) => path !== '.schema-gen-manifest.json');
      expect(kept.length).toBe(first.filesKept);
      for (const path of kept) expect(stamps[path]).toEqual([stampOf(lstatSync(join(dir, 'out', path), { bigint: true })), listed[path]]);
      for (const path of first.written) expect(stamps[path]).toBeUndefined();

      // A kept file changed behind the cache's back, its stamp forged to match: the next edit run does not read it.
      const file = join(dir, 'out', SESSION_TYPE);
      expect(kept).toContain(SESSION_TYPE);
      const changed = `${await readFile(file, 'utf8')}// changed\n`;
      await writeFile(file, changed);
      await writeFile(stampsFile(dir), JSON.stringify({ files: { ...stamps, [SESSION_TYPE]: [stampOf(lstatSync(file, { bigint: true })), stamps[SESSION_TYPE]![1]] } }));
      await describeAs(dir, 'Second edit.');
      const second = await run();
      expect(second.status).toBe('written');
      expect(second.unchanged).toContain(SESSION_TYPE);
      expect(await readFile(file, 'utf8')).toBe(changed);
      expect((await run({ check: true })).status).toBe('stale');
    });
  });

  it('without forged stamps, an edit run that keeps files unread writes exactly what rendering every file writes', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await run();
      await settle();
      await describeAs(dir, 'First edit.');
      await run();
      await settle();
      await describeAs(dir, 'Second <code>edit</code>.');
      const before = await readStamps(dir);
      const edited = await run();
      expect(edited.status).toBe('written');
      // Every file it kept had a stamp from the run before: all were kept unread.
      for (const path of edited.unchanged.filter((p) => p !== '.schema-gen-manifest.json')) expect(before[path]).toBeDefined();
      const full = await run({ check: true, cache: false });
      expect([full.status, full.diff]).toEqual(['up-to-date', '']);
    });
  });

  it('--bundle reads every kept file (it bundles their text), so a forged stamp cannot hide a change from it', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await run({ bundle: true });
      await settle();
      await describeAs(dir, 'First edit.');
      await run({ bundle: true });
      await run(); // a run without --bundle: the stamps of every settled file
      const file = join(dir, 'out', SESSION_TYPE);
      await writeFile(file, `${await readFile(file, 'utf8')}// changed\n`);
      const stamps = await readStamps(dir);
      await writeFile(stampsFile(dir), JSON.stringify({ files: { ...stamps, [SESSION_TYPE]: [stampOf(lstatSync(file, { bigint: true })), (await manifestFiles(dir))[SESSION_TYPE]] } }));
      await describeAs(dir, 'Second edit.');
      const bundled = await run({ bundle: true });
      expect(bundled.status).toBe('failed');
      expect(bundled.diagnostics.map((d) => d.code)).toContain('edited-output');
    });
  });

  it('a file kept unread that another run replaces before this one writes: the run renders again, reading every kept file, and ends as a full render', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await run();
      await settle();
      await describeAs(dir, 'First edit.');
      await run(); // stamps every kept file (all settled)
      expect((await readStamps(dir))[SESSION_TYPE]).toBeDefined();
      await describeAs(dir, 'Second edit.');
      // Between this run's render (SESSION_TYPE taken by its stamp, unread) and its write,
      // "another run" replaces SESSION_TYPE and lists it in a manifest of its own.
      const out = join(dir, 'out');
      const other = 'export type SessionType = number;\n';
      let replaced = 0;
      const anotherRun = (step: string) => {
        if (step !== 'writing the output' || replaced++ > 0) return;
        writeFileSync(join(out, SESSION_TYPE), other);
        const manifest = JSON.parse(readFileSync(join(out, '.schema-gen-manifest.json'), 'utf8')) as { files: Record<string, string> };
        manifest.files[SESSION_TYPE] = `sha256:${createHash('sha256').update(other).digest('hex')}`;
        writeFileSync(join(out, '.schema-gen-manifest.json'), serializeManifest({ files: manifest.files }));
      };
      const report = await run({ onProgress: anotherRun });
      expect(replaced).toBe(2); // written once, and the run wrote a second time
      expect(report.diagnostics.map((d) => d.code)).toEqual([]);
      expect(report.status).toBe('written');
      expect(report.written).toContain(SESSION_TYPE);
      expect(await readFile(join(out, SESSION_TYPE), 'utf8')).not.toBe(other);
      const full = await run({ check: true, cache: false });
      expect([full.status, full.diff]).toEqual(['up-to-date', '']);
    });
  });

  it('a file an edit run renders again to the same bytes keeps the stamp a run with nothing to do gave it', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await run();
      await describeAs(dir, '<p>First edit.</p>');
      await run();
      await settle();
      expect(answeredFromRecord(await run())).toBe(true); // stamps every file
      const stamped = (await readStamps(dir))[DEVICE_KEY_TYPE];
      expect(stamped).toBeDefined();
      // Markdown collapses the spaces: the type's file is rendered again, to the same bytes.
      await describeAs(dir, '<p>First  edit.</p>');
      const edited = await run();
      expect(edited.written).toEqual(['.schema-gen-manifest.json']);
      expect(edited.filesKept).toBeLessThan(edited.unchanged.length);
      expect((await readStamps(dir))[DEVICE_KEY_TYPE]).toEqual(stamped);
      expect(stamped![0]).toBe(stampOf(lstatSync(join(dir, 'out', DEVICE_KEY_TYPE), { bigint: true })));
    });
  });
});
