// The files a run keeps unread by their stamps: their text is read only if something asks
// for it, and then it must still be what the run kept.
import { lstatSync, realpathSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DiagnosticsError } from '../../src/diagnostics/diagnostic.js';
import { readTemplateSet } from '../../src/load/template-set/index.js';
import { withDefaults } from '../../src/options.js';
import { earlierRender } from '../../src/pipeline/earlier-render.js';
import { stampOf } from '../../src/up-to-date/output-stamps.js';
import { hashOf } from '../../src/write/manifest.js';
import { targetCache } from '../helpers/target-cache.js';
import { withTempDir } from '../helpers/temp-dir.js';

const KEPT = 'types/A.d.ts';
const TEXT = 'export type A = string;\n';
const SHA256 = hashOf(Buffer.from(TEXT)).slice('sha256:'.length);

describe('the earlier render of a normal run', () => {
  it('keeps a file unread by its stamp; asked for its text after it changed, the run stops with changed-during-run at the file', async () => {
    await withTempDir(async (dir) => {
      const out = join(realpathSync(dir), 'out');
      await mkdir(join(out, 'types'), { recursive: true });
      await writeFile(join(out, KEPT), TEXT);
      await mkdir(join(dir, 'node_modules'));
      const stamps = targetCache(dir, 'stamps.json', 'out');
      await mkdir(dirname(stamps), { recursive: true });
      await writeFile(stamps, JSON.stringify({ files: { [KEPT]: [stampOf(lstatSync(join(out, KEPT), { bigint: true })), `sha256:${SHA256}`] } }));
      const { set } = await readTemplateSet(undefined, dir);
      const earlier = await earlierRender({ realOutDir: out, settings: 'settings' }, withDefaults({ cwd: dir, outDir: 'out' }), set!);
      expect(earlier!.render.keptOnDisk(KEPT, SHA256)).toEqual({});
      expect(earlier!.render.readLater(KEPT, SHA256).toString()).toBe(TEXT);
      await writeFile(join(out, KEPT), 'export type A = number;\n');
      let thrown: unknown;
      try {
        earlier!.render.readLater(KEPT, SHA256);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DiagnosticsError);
      expect((thrown as DiagnosticsError).diagnostics.map((d) => [d.severity, d.code, d.file])).toEqual([['error', 'changed-during-run', 'out/types/A.d.ts']]);
    });
  });
});
