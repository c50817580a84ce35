import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { generate, type GenerateOptions, type Report } from '../../src/index.js';
import { OutputStamps, stampOf } from '../../src/up-to-date/output-stamps.js';
import { outputFileReader } from '../../src/up-to-date/render-traces.js';
import { hashOf } from '../../src/write/manifest.js';
import { FIXTURES } from '../helpers/paths.js';
import { readTree } from '../helpers/read-tree.js';
import { writeTemplateSet } from '../helpers/template-set.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { targetCache } from '../helpers/target-cache.js';

const SEED_INPUT = join(FIXTURES, 'admin-initiate-auth-response', 'input');
const TARGETS = join('node_modules', '.cache', 'schema-gen', 'targets');

async function project(dir: string): Promise<(extra?: GenerateOptions) => Promise<Report>> {
  await cp(SEED_INPUT, join(dir, 'schemas'), { recursive: true });
  await mkdir(join(dir, 'node_modules'));
  return (extra = {}) => generate({ cwd: dir, inputs: ['schemas'], outDir: 'out', ...extra });
}

async function editDescription(file: string, text: string): Promise<void> {
  await writeFile(file, (await readFile(file, 'utf8')).replace(/"description": "[^"]*"/, `"description": ${JSON.stringify(text)}`));
}

/** The render traces files of every output folder of the project. */
const tracesFiles = async (dir: string) => (await readdir(join(dir, TARGETS)).catch(() => [])).map((folder) => join(dir, TARGETS, folder, 'renders.json')).filter((file) => existsSync(file));

/** Rendering every file gives exactly what the folder holds. */
async function expectSameAsFullRender(run: (extra?: GenerateOptions) => Promise<Report>): Promise<void> {
  const full = await run({ check: true, cache: false });
  expect([full.status, full.diff]).toEqual(['up-to-date', '']);
}

describe('the render traces in the local cache', () => {
  it('an edited schema: files it does not touch are kept; a file edited by hand since is rendered again', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      const first = await run();
      const rendered = first.written.length - 1;
      expect(first.filesKept).toBe(0);
      expect(await tracesFiles(dir)).toHaveLength(1);
      await editDescription(join(dir, 'schemas', 'session-type.json'), 'Edited.');
      await writeFile(join(dir, 'out', 'types', 'ChallengeNameType.d.ts'), '// mine\n');
      const second = await run({ force: true });
      // SessionType's type file changed; ChallengeNameType's no longer holds what was written, so it is rendered.
      expect(second.filesKept).toBe(rendered - 2);
      expect(second.written).toEqual(['.schema-gen-manifest.json', 'types/ChallengeNameType.d.ts', 'types/SessionType.d.ts']);
      await expectSameAsFullRender(run);

      // A full run that changes nothing (the record's cache entry gone) keeps every file and leaves the traces file as it was.
      const [file] = await tracesFiles(dir);
      const before = await stat(file!);
      await rm(targetCache(dir, 'runs.json', 'out'));
      const third = await run();
      expect([third.status, third.filesKept]).toEqual(['up-to-date', rendered]);
      expect((await stat(file!)).mtimeMs).toBe(before.mtimeMs);
    });
  });

  it("a type whose referenced type becomes an alias is rendered again: its tuple's labels depend on that", async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      await mkdir(join(dir, 'node_modules'));
      const point = join(dir, 'schemas', 'point.json');
      await writeFile(join(dir, 'schemas', 'pair.json'), JSON.stringify({ title: 'Pair', type: 'array', prefixItems: [{ $ref: 'point.json' }, { type: 'array', items: { $ref: '#' } }] }));
      await writeFile(point, JSON.stringify({ title: 'Point', type: 'object', properties: { x: { type: 'number' } } }));
      const run = (extra: GenerateOptions = {}) => generate({ cwd: dir, inputs: ['schemas'], outDir: 'out', typesOnly: true, ...extra });
      expect((await run()).status).toBe('written');
      const pair = join(dir, 'out', 'types', 'Pair.d.ts');
      expect(await readFile(pair, 'utf8')).toContain('[item0?: Point, item1?: Pair[], ...rest: unknown[]]');
      // Point turns from an interface into a type alias; Pair's own schema and model are as they were.
      await writeFile(point, JSON.stringify({ title: 'Point', anyOf: [{ type: 'object', properties: { x: { type: 'number' } } }, { type: 'number' }] }));
      expect((await run()).status).toBe('written');
      expect(await readFile(pair, 'utf8')).toContain('[Point?, Pair[]?, ...unknown[]]');
      await expectSameAsFullRender(run);
    });
  });

  it('a file is kept by its bytes: bytes that only decode to the text written are rendered again', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await editDescription(join(dir, 'schemas', 'session-type.json'), 'Shown as \uFFFD here.');
      const first = await run();
      const rendered = first.written.length - 1;
      const typeFile = join(dir, 'out', 'types', 'SessionType.d.ts');
      const written = await readFile(typeFile);
      const replacement = Buffer.from('\uFFFD');
      expect(written.includes(replacement)).toBe(true);
      // 0xFF is not UTF-8: read as text it is U+FFFD again, the very text the file was written with.
      const damaged = Buffer.concat([written.subarray(0, written.indexOf(replacement)), Buffer.from([0xff]), written.subarray(written.indexOf(replacement) + replacement.length)]);
      expect(damaged.toString('utf8')).toBe(written.toString('utf8'));
      await writeFile(typeFile, damaged);
      const second = await run({ force: true });
      expect(second.filesKept).toBe(rendered - 1);
      expect(second.written).toEqual(['types/SessionType.d.ts']);
      expect(await readFile(typeFile)).toEqual(written);
    });
  });

  it('a malformed traces file, or one of another template set, keeps nothing; the output is the same', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await run();
      const [file] = await tracesFiles(dir);
      await writeFile(file!, '{"stamp": 1, "files": [');
      await editDescription(join(dir, 'schemas', 'session-type.json'), 'Edited.');
      expect((await run()).filesKept).toBe(0);
      await expectSameAsFullRender(run);

      // A trace naming what no run records (a damaged or foreign file) is no trace: the file is rendered, nothing fails.
      const current = JSON.parse(await readFile(file!, 'utf8')) as { stamp: string; files: Record<string, { deps: string[] }> };
      for (const trace of Object.values(current.files)) trace.deps.push('x:not-a-dependency');
      await writeFile(file!, JSON.stringify(current));
      await editDescription(join(dir, 'schemas', 'session-type.json'), 'Edited twice.');
      const damaged = await run();
      expect([damaged.status, damaged.filesKept]).toEqual(['written', 0]);
      await expectSameAsFullRender(run);

      // A templates folder replacing one default template: a new stamp, so nothing is kept.
      await mkdir(join(dir, 'templates'));
      await writeFile(join(dir, 'templates', 'banner.mustache'), '// Made by schema-gen from {{{source}}}.\n');
      const withTemplates = await run({ templatesDir: 'templates' });
      expect([withTemplates.status, withTemplates.filesKept]).toEqual(['written', 0]);
      await editDescription(join(dir, 'schemas', 'session-type.json'), 'Edited again.');
      expect((await run({ templatesDir: 'templates' })).filesKept).toBeGreaterThan(0);
      await writeFile(join(dir, 'templates', 'banner.mustache'), '// Made from {{{source}}}.\n');
      expect((await run({ templatesDir: 'templates' })).filesKept).toBe(0);
      await expectSameAsFullRender((extra) => run({ templatesDir: 'templates', ...extra }));
    });
  });

  it('--check keeps files but never writes traces; --no-cache neither reads nor writes them', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await run({ cache: false });
      expect(await tracesFiles(dir)).toEqual([]);
      await editDescription(join(dir, 'schemas', 'session-type.json'), 'First.');
      await run();
      const [file] = await tracesFiles(dir);
      const saved = await readFile(file!, 'utf8');
      await editDescription(join(dir, 'schemas', 'session-type.json'), 'Edited.');
      const check = await run({ check: true });
      expect(check.status).toBe('stale');
      expect(check.filesKept).toBeGreaterThan(0);
      expect(await readFile(file!, 'utf8')).toBe(saved);
      expect((await run({ cache: false })).filesKept).toBe(0);
      expect(await readFile(file!, 'utf8')).toBe(saved);
    });
  });

  it('without a local cache (no node_modules) no trace is made or read; every file is rendered, the same', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      await rm(join(dir, 'node_modules'), { recursive: true });
      expect((await run()).filesKept).toBe(0);
      await editDescription(join(dir, 'schemas', 'session-type.json'), 'Edited.');
      const second = await run();
      expect([second.status, second.filesKept]).toEqual(['written', 0]);
      expect(second.written).toEqual(['.schema-gen-manifest.json', 'types/SessionType.d.ts']);
      await expectSameAsFullRender(run);
      expect(await readdir(dir)).not.toContain('node_modules');
    });
  });

  it('an output file replaced by a symbolic link is not read through it, nor kept', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      const first = await run();
      const outside = join(dir, 'outside.d.ts');
      const target = join(dir, 'out', 'types', 'SessionType.d.ts');
      await writeFile(outside, await readFile(target, 'utf8'));
      await rm(target);
      await symlink(outside, target);
      await editDescription(join(dir, 'schemas', 'challenge-name-type.json'), 'Edited.');
      const second = await run();
      expect(second.filesKept).toBe(first.written.length - 3);
      expect(second.status).toBe('failed');
      expect(second.diagnostics.map((d) => d.code)).toContain('output-path-blocked');
      expect((await readTree(dir)).get('outside.d.ts')).toBe(await readFile(outside, 'utf8'));
    });
  });

  it('a set with an ES-module template is never traced: what a module reads, no trace sees', async () => {
    await withTempDir(async (dir) => {
      const run = await project(dir);
      // The module reads a file of its own: an edit to it must show in the next run.
      await writeTemplateSet(
        join(dir, 'templates'),
        { extends: 'default', files: { names: { template: 'names.mjs', each: 'run', path: 'names.txt' } } },
        {
          'names.mjs':
            "import { readFileSync } from 'node:fs';\nexport default (view) => readFileSync(new URL('./prefix.txt', import.meta.url), 'utf8') + view.run.schemas.map((s) => s.name).join('\\n');\n",
          'prefix.txt': 'Names:\n',
        },
      );
      const first = await run({ templatesDir: 'templates' });
      expect([first.status, first.filesKept]).toEqual(['written', 0]);
      expect(await tracesFiles(dir)).toEqual([]);
      await editDescription(join(dir, 'schemas', 'session-type.json'), 'Edited.');
      expect((await run({ templatesDir: 'templates' })).filesKept).toBe(0);
      expect(await tracesFiles(dir)).toEqual([]);
    });
  });
});

describe('reading the files a run may keep', () => {
  const KEPT = 'types/A.d.ts';
  const TEXT = Buffer.from('export type A = string;\n');
  const SHA256 = hashOf(TEXT).slice('sha256:'.length);

  async function outputFolder(dir: string): Promise<string> {
    const out = join(realpathSync(dir), 'out');
    await mkdir(join(out, 'types'), { recursive: true });
    await writeFile(join(out, KEPT), TEXT);
    await mkdir(join(dir, 'node_modules'));
    return out;
  }

  it('reads a file and keeps its bytes when no stamp vouches for it; none when its bytes hash otherwise', async () => {
    await withTempDir(async (dir) => {
      const out = await outputFolder(dir);
      const reader = outputFileReader(out, await OutputStamps.read(dir, out));
      expect(reader.keptOnDisk(KEPT, SHA256)).toEqual({ bytes: TEXT });
      expect(
        reader.keptOnDisk(
          KEPT,
          SHA256.replace(/^./, (c) => (c === '0' ? '1' : '0')),
        ),
      ).toBeUndefined();
      expect(reader.reads.get(KEPT)?.kind).toBe('file');
    });
  });

  it('takes a file by its stamp, unread, and remembers it so; read later, it must still hash the same', async () => {
    await withTempDir(async (dir) => {
      const out = await outputFolder(dir);
      const stamp = stampOf(lstatSync(join(out, KEPT), { bigint: true }));
      await mkdir(dirname(targetCache(dir, 'stamps.json', 'out')), { recursive: true });
      await writeFile(targetCache(dir, 'stamps.json', 'out'), JSON.stringify({ files: { [KEPT]: [stamp, hashOf(TEXT)] } }));
      const reader = outputFileReader(out, await OutputStamps.read(dir, out));
      expect(reader.keptOnDisk(KEPT, SHA256)).toEqual({});
      expect(reader.reads.get(KEPT)).toEqual({ kind: 'vouched', hash: hashOf(TEXT) });
      expect(reader.readNow(KEPT, SHA256)).toEqual(TEXT);
      await writeFile(join(out, KEPT), 'export type A = number;\n');
      expect(reader.readNow(KEPT, SHA256)).toBeUndefined();
    });
  });
});
