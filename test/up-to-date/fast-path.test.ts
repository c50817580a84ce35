import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate, type GenerateOptions, type Report } from '../../src/index.js';
import { FIXTURES, REPO_ROOT } from '../helpers/paths.js';
import { readTree } from '../helpers/read-tree.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { targetCache } from '../helpers/target-cache.js';
import { textHash } from '../../src/up-to-date/record.js';

const SEED_INPUT = join(FIXTURES, 'admin-initiate-auth-response', 'input');
const MANIFEST = '.schema-gen-manifest.json';

/** Whether the run answered from the manifest's record, without loading a schema. */
const answeredFromRecord = (report: Report) => Object.keys(report.timings).join() === 'unchanged inputs';

/** A project with node_modules (where the tool cache lives) unless `withCache` is false. */
async function project(dir: string, { withCache = true } = {}): Promise<(extra?: GenerateOptions) => Promise<Report>> {
  await cp(SEED_INPUT, join(dir, 'schemas'), { recursive: true });
  if (withCache) await mkdir(join(dir, 'node_modules'));
  return (extra = {}) => generate({ cwd: dir, inputs: ['schemas'], outDir: 'out', ...extra });
}

async function editDescription(file: string, text: string): Promise<void> {
  await writeFile(file, (await readFile(file, 'utf8')).replace(/"description": "[^"]*"/, `"description": ${JSON.stringify(text)}`));
}

describe('a run with nothing to do answers from the manifest', () => {
  it('the second run and --check are up to date from the record; the output and the manifest are the same as a full run gives', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      const first = await run();
      expect(first.status).toBe('written');
      expect(answeredFromRecord(first)).toBe(false);
      const written = await readTree(join(dir, 'out'));
      const manifest = JSON.parse(written.get(MANIFEST)!) as { run: { read: Record<string, string> } };
      // Paths relative to the output folder: the record is the same from any working folder.
      expect(Object.keys(manifest.run.read)).toContain('../schemas/session-type.json');

      const second = await run();
      expect([second.status, answeredFromRecord(second), second.typeCount]).toEqual(['up-to-date', true, first.typeCount]);
      expect(second.unchanged).toEqual([...written.keys()].sort());
      const check = await run({ check: true });
      expect([check.status, answeredFromRecord(check)]).toEqual(['up-to-date', true]);

      // Every step done (--no-cache) gives the same bytes, the record included.
      const full = await run({ check: true, cache: false });
      expect([full.status, answeredFromRecord(full)]).toEqual(['up-to-date', false]);
      expect(await readTree(join(dir, 'out'))).toEqual(written);
    });
  });

  it.each([
    ['an input edited', async (dir: string) => editDescription(join(dir, 'schemas', 'session-type.json'), 'Edited.')],
    [
      'an input added to the folder',
      async (dir: string) => writeFile(join(dir, 'schemas', 'extra.json'), JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'Extra', type: 'string' })),
    ],
    ['an input removed', async (dir: string) => rm(join(dir, 'schemas', 'admin-initiate-auth-response.json'))],
    ['an output file removed', async (dir: string) => rm(join(dir, 'out', 'types', 'SessionType.d.ts'))],
  ])('%s: the whole run is done, and its output is what a first run would give', async (_, change) => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await run();
      await change(dir);
      const again = await run();
      expect(answeredFromRecord(again)).toBe(false);
      expect(again.status).toBe('written');
      const fresh = join(dir, 'fresh');
      await mkdir(fresh);
      await cp(join(dir, 'schemas'), join(fresh, 'schemas'), { recursive: true });
      await generate({ cwd: fresh, inputs: ['schemas'], outDir: 'out', cache: false });
      expect(await readTree(join(dir, 'out'))).toEqual(await readTree(join(fresh, 'out')));
    });
  });

  it('an output file edited by hand: --check is stale and a run refuses it as it always did, neither from the record', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await run();
      const file = join(dir, 'out', 'types', 'SessionType.d.ts');
      await writeFile(file, `${await readFile(file, 'utf8')}// mine\n`);
      const check = await run({ check: true });
      expect([check.status, answeredFromRecord(check)]).toEqual(['stale', false]);
      const again = await run();
      expect(again.status).toBe('failed');
      expect(again.diagnostics.map((d) => d.code)).toContain('edited-output');
    });
  });

  it.each<[string, GenerateOptions]>([
    ['types only', { typesOnly: true }],
    ['readonly properties', { readonlyProperties: true }],
    ['CommonJS', { module: 'cjs' }],
    ['a names entry', { names: { 'schemas/session-type.json': 'Session' } }],
    ['a warning level', { warnings: { 'unknown-keyword': 'off' } }],
  ])('a setting that shapes the output changed (%s): the whole run is done', async (_, changed) => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await run();
      const again = await run(changed);
      expect(answeredFromRecord(again)).toBe(false);
      expect((await run(changed)).status).toBe('up-to-date');
    });
  });

  it('a template added to or edited in the templates folder: the whole run is done', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await mkdir(join(dir, 'tpl'));
      await writeFile(join(dir, 'tpl', 'banner.mustache'), '// Ours: {{source}}\n');
      await run({ templatesDir: 'tpl' });
      expect(answeredFromRecord(await run({ templatesDir: 'tpl' }))).toBe(true);
      await writeFile(join(dir, 'tpl', 'banner.mustache'), '// Still ours: {{source}}\n');
      const edited = await run({ templatesDir: 'tpl' });
      expect([edited.status, answeredFromRecord(edited)]).toEqual(['written', false]);
      await writeFile(join(dir, 'tpl', 'README.txt'), 'notes\n');
      expect(answeredFromRecord(await run({ templatesDir: 'tpl' }))).toBe(false);
    });
  });

  it('warnings of the run that wrote the output are repeated; without a cache to repeat them from, the whole run is done', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir, { withCache: false });
      const schema = join(dir, 'schemas', 'session-type.json');
      await writeFile(schema, (await readFile(schema, 'utf8')).replace('{', '{\n  "colour": "blue",'));
      const first = await run();
      expect(first.diagnostics.filter((d) => d.severity === 'warning').length).toBeGreaterThan(0);
      // No node_modules in the project: no cache folder, so nothing vouches for the run.
      const second = await run();
      expect(answeredFromRecord(second)).toBe(false);
      expect(second.diagnostics).toEqual(first.diagnostics);

      await mkdir(join(dir, 'node_modules'));
      await run(); // a full run, which saves what it said
      const third = await run();
      expect([third.status, answeredFromRecord(third)]).toEqual(['up-to-date', true]);
      expect(third.diagnostics).toEqual(first.diagnostics);
      expect([third.typeCount, third.renamedClashes]).toEqual([first.typeCount, first.renamedClashes]);
    });
  });

  it('output written by another build of schema-gen is not vouched for: the whole run is done', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await run();
      const runs = targetCache(dir, 'runs.json', 'out');
      const saved = JSON.parse(await readFile(runs, 'utf8')) as { tool: string };
      expect(answeredFromRecord(await run())).toBe(true);
      await writeFile(runs, JSON.stringify({ ...saved, tool: 'an older build' }));
      const again = await run();
      expect([again.status, answeredFromRecord(again)]).toEqual(['up-to-date', false]);
    });
  });

  it('line ends turned into CRLF (a checkout with autocrlf) leave the record, and so the output, as it was', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await run();
      const written = await readTree(join(dir, 'out'));
      const schema = join(dir, 'schemas', 'session-type.json');
      await writeFile(schema, (await readFile(schema, 'utf8')).replace(/\n/g, '\r\n'));
      const full = await run({ check: true, cache: false });
      expect(full.status).toBe('up-to-date');
      expect(answeredFromRecord(await run())).toBe(true);
      expect(await readTree(join(dir, 'out'))).toEqual(written);
    });
  });

  it('output formatted with --format has no record (prettier and its config are not tracked): every run is a full run', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      expect((await run({ format: true })).status).toBe('written');
      expect(JSON.parse(await readFile(join(dir, 'out', MANIFEST), 'utf8'))).not.toHaveProperty('run');
      const again = await run({ format: true });
      expect([again.status, answeredFromRecord(again)]).toEqual(['up-to-date', false]);
    });
  });

  it('--check writes nothing, not even the cache', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await run();
      const before = await readTree(dir);
      await editDescription(join(dir, 'schemas', 'session-type.json'), 'Edited.');
      const afterEdit = await readTree(dir);
      expect((await run({ check: true })).status).toBe('stale');
      expect(await readTree(dir)).toEqual(afterEdit);
      expect([...afterEdit.keys()].sort()).toEqual([...before.keys()].sort());
    });
  });
});

describe('the record is checked in, so it is not trusted', () => {
  it('a file it lists outside the folders the run reads is never read, even with the right hash: the whole run is done', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await run();
      await writeFile(join(dir, 'secret.json'), '{"token": "s3cret"}');
      const manifestFile = join(dir, 'out', MANIFEST);
      const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { run: { read: Record<string, string> } };
      const { createHash } = await import('node:crypto');
      manifest.run.read['../secret.json'] = `sha256:${createHash('sha256').update('{"token": "s3cret"}').digest('hex')}`;
      await writeFile(manifestFile, JSON.stringify(manifest));
      const again = await run();
      expect(answeredFromRecord(again)).toBe(false);
      expect(again.status).toBe('written'); // the manifest is ours to rewrite
      expect(await readFile(manifestFile, 'utf8')).not.toContain('secret');
    });
  });

  it('an output folder inside it replaced by a symbolic link to identical files elsewhere is not read through', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await run();
      await cp(join(dir, 'out', 'types'), join(dir, 'elsewhere'), { recursive: true });
      await rm(join(dir, 'out', 'types'), { recursive: true });
      await symlink(join(dir, 'elsewhere'), join(dir, 'out', 'types'));
      const again = await run();
      expect(answeredFromRecord(again)).toBe(false);
      expect(again.status).toBe('failed'); // the write stage refuses the link, as it always did
    });
  });

  it.each([
    ['settings that are not a hash', (m: { run: Record<string, unknown> }) => (m.run.settings = 'yes')],
    ['a read hash that is not a hash', (m: { run: Record<string, unknown> }) => (m.run.read = { '../schemas/session-type.json': 'sha256:0' })],
    ['no read list', (m: { run: Record<string, unknown> }) => delete m.run.read],
    [
      'one input listed again under another spelling (it would be read twice)',
      (m: { run: Record<string, unknown> }) => {
        const read = m.run.read as Record<string, string>;
        read['../schemas/./session-type.json'] = read['../schemas/session-type.json']!;
      },
    ],
  ])('a record with %s is no record: the whole run is done', async (_, spoil) => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await run();
      const manifestFile = join(dir, 'out', MANIFEST);
      const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { run: Record<string, unknown> };
      spoil(manifest);
      await writeFile(manifestFile, JSON.stringify(manifest));
      expect(answeredFromRecord(await run())).toBe(false);
    });
  });

  it('an output file it lists under a name longer than the file system allows names no file: --check is stale, a run drops it (no internal error)', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await run();
      const manifestFile = join(dir, 'out', MANIFEST);
      const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { files: Record<string, string> };
      const tooLong = `types/${'x'.repeat(300)}.d.ts`;
      manifest.files[tooLong] = `sha256:${'0'.repeat(64)}`;
      await writeFile(manifestFile, JSON.stringify(manifest));
      const check = await run({ check: true });
      expect(check.status).toBe('stale');
      // Nor can the local cache (the user's too) vouch for it: a run record for this manifest, and a stamp for the name.
      const runs = targetCache(dir, 'runs.json', 'out');
      const record = JSON.parse(await readFile(runs, 'utf8')) as { manifestHash: string };
      await writeFile(runs, JSON.stringify({ ...record, manifestHash: textHash(await readFile(manifestFile, 'utf8')) }));
      await writeFile(targetCache(dir, 'stamps.json', 'out'), JSON.stringify({ files: { [tooLong]: ['1:2:3:4:5', manifest.files[tooLong]] } }));
      const again = await run();
      expect(again.status).toBe('written');
      expect(Object.keys((JSON.parse(await readFile(manifestFile, 'utf8')) as { files: Record<string, string> }).files)).not.toContain(tooLong);
    });
  });
});

describe('the settings hash', () => {
  it('covers every setting of config.schema.json: a new setting must be placed in the hash or said to be outside it', async () => {
    const { SHAPING_SETTINGS, SETTINGS_OUTSIDE_THE_HASH } = await import('../../src/up-to-date/settings.js');
    const schema = JSON.parse(await readFile(join(REPO_ROOT, 'config.schema.json'), 'utf8')) as { $defs: { settings: { properties: Record<string, unknown> } } };
    expect([...SHAPING_SETTINGS, ...SETTINGS_OUTSIDE_THE_HASH].sort()).toEqual(Object.keys(schema.$defs.settings.properties).sort());
  });
});
