// The plan for files the render stage kept unread by their stamps (see OutputFile.onDisk):
// taken as they are while the folder's manifest is the one the render stage saw; read
// again, and kept only if they still hold the same bytes, once another run changed it.
import { rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { keptUnread } from '../../src/render/output-file.js';
import { OutputFolderReader } from '../../src/write/current-files.js';
import { MANIFEST_FILE } from '../../src/write/layout.js';
import { hashOf, serializeManifest } from '../../src/write/manifest.js';
import { planOutput } from '../../src/write/plan.js';
import { withTempDir } from '../helpers/temp-dir.js';

const KEPT = 'types/SessionType.d.ts';
const TEXT = 'export type SessionType = string;\n';
const sha256Of = (text: string) => hashOf(Buffer.from(text)).slice('sha256:'.length);

/** An output folder holding KEPT as listed; and the reads of a render stage that took KEPT by its stamp. */
async function folder(dir: string): Promise<ReadonlyMap<string, ReturnType<OutputFolderReader['read']>>> {
  await mkdir(join(dir, 'types'));
  await writeFile(join(dir, KEPT), TEXT);
  await writeFile(join(dir, MANIFEST_FILE), serializeManifest({ files: { [KEPT]: hashOf(Buffer.from(TEXT)) } }));
  const rendering = new OutputFolderReader(dir, { remember: true });
  rendering.read(MANIFEST_FILE);
  rendering.vouch(KEPT, hashOf(Buffer.from(TEXT)));
  return rendering.reads!;
}

const unreadable = () => {
  throw new Error('the plan asked for the text of a file kept unread');
};

describe('planning files kept unread by their stamps', () => {
  it('with the manifest the render stage saw, the file is taken as it is, unread', async () => {
    await withTempDir(async (dir) => {
      const earlier = await folder(dir);
      // Gone since: only a plan that reads it could tell, and this one takes the stamp's word.
      rmSync(join(dir, KEPT));
      const plan = planOutput(new OutputFolderReader(dir, { earlier }), [keptUnread(KEPT, sha256Of(TEXT), unreadable)], { force: false });
      expect(plan.unchanged).toEqual([KEPT, MANIFEST_FILE]);
      expect([plan.changes, plan.conflicts, plan.adopted]).toEqual([[], [], []]);
    });
  });

  it('once another run changed the manifest, the file is read again: unchanged when it holds the same bytes', async () => {
    await withTempDir(async (dir) => {
      const earlier = await folder(dir);
      writeFileSync(join(dir, MANIFEST_FILE), serializeManifest({ files: { [KEPT]: hashOf(Buffer.from(TEXT)), 'index.d.ts': hashOf(Buffer.from('')) } }));
      const plan = planOutput(new OutputFolderReader(dir, { earlier }), [keptUnread(KEPT, sha256Of(TEXT), unreadable)], { force: false });
      expect(plan.unchanged).toContain(KEPT);
      expect(plan.conflicts).toEqual([]);
      // The manifest is rewritten (it lists an entry no file of this run has), nothing else.
      expect(plan.changes.map((c) => c.path)).toEqual([MANIFEST_FILE]);
    });
  });

  it('once another run changed the manifest and the file, the bytes this run meant are gone: a conflict, even with --force', async () => {
    await withTempDir(async (dir) => {
      const earlier = await folder(dir);
      const other = 'export type SessionType = number;\n';
      writeFileSync(join(dir, KEPT), other);
      writeFileSync(join(dir, MANIFEST_FILE), serializeManifest({ files: { [KEPT]: hashOf(Buffer.from(other)) } }));
      for (const force of [false, true]) {
        const plan = planOutput(new OutputFolderReader(dir, { earlier }), [keptUnread(KEPT, sha256Of(TEXT), unreadable)], { force });
        expect(plan.conflicts).toEqual([{ path: KEPT, kind: 'changed-during-run' }]);
        expect(plan.changes.filter((c) => c.path === KEPT)).toEqual([]);
      }
    });
  });

  it('a file taken by its stamp that the run rendered, or kept with another hash, is our bug: the plan fails loudly', async () => {
    await withTempDir(async (dir) => {
      const earlier = await folder(dir);
      const reader = () => new OutputFolderReader(dir, { earlier });
      expect(() => planOutput(reader(), [{ path: KEPT, content: TEXT }], { force: false })).toThrow(`${KEPT} was taken by its stamp but is not the file kept there`);
      const other = sha256Of('export type SessionType = number;\n');
      expect(() => planOutput(reader(), [keptUnread(KEPT, other, unreadable)], { force: false })).toThrow(`${KEPT} was taken by its stamp but is not the file kept there`);
    });
  });

  it('a reader takes a file by its stamp only when it remembers its reads, and never the manifest', async () => {
    await withTempDir(async (dir) => {
      expect(() => new OutputFolderReader(dir).vouch(KEPT, 'sha256:00')).toThrow(/remembering reader/);
      expect(() => new OutputFolderReader(dir, { remember: true }).vouch(MANIFEST_FILE, 'sha256:00')).toThrow(/never the manifest/);
    });
  });
});
