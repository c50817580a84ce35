import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from '../../src/index.js';
import { CORPUS_SCHEMAS, describeCorpus, IDENTITY_POOLS_OPENAPI, USER_POOLS_OPENAPI } from '../helpers/corpus.js';
import { withTempDir } from '../helpers/temp-dir.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a corpus schema, edited in place by path
type Json = Record<string, any>;

/** A JSON edit of one corpus file. */
async function editJson(file: string, change: (schema: Json) => void): Promise<void> {
  const schema = JSON.parse(await readFile(file, 'utf8')) as Json;
  change(schema);
  await writeFile(file, `${JSON.stringify(schema, null, 2)}\n`);
}

describeCorpus('keeping files of the last run on the Cognito corpus', () => {
  it('after each edit, only the files it touches are rendered, and the output is what rendering every file gives', async () => {
    await withTempDir(async (dir) => {
      await cp(CORPUS_SCHEMAS, join(dir, 'json-schema'), { recursive: true });
      await mkdir(join(dir, 'node_modules'));
      const options = { cwd: dir, inputs: ['json-schema'], components: [USER_POOLS_OPENAPI, IDENTITY_POOLS_OPENAPI], outDir: 'generated' };
      const first = await generate(options);
      expect([first.status, first.filesKept]).toEqual(['written', 0]);
      const total = first.written.length - 1; // the manifest is not rendered
      const schema = (name: string) => join(dir, 'json-schema', name);

      const edits: [string, () => Promise<void>, (kept: number) => void][] = [
        [
          'one property description',
          () => editJson(schema('user-pools-admin-initiate-auth-response-schema.json'), (s) => (s.properties.Session.allOf[1].description = '<p>Edited.</p>')),
          // Its type file alone: the validator does not read annotations.
          (kept) => expect(kept).toBe(total - 1),
        ],
        [
          'an enum value added to a type many refer to',
          () => editJson(schema('user-pools-challenge-name-type-schema.json'), (s) => s.enum.push('WEB_AUTHN')),
          (kept) => expect(kept).toBeLessThan(total - 1),
        ],
        ['a title changed (a type renamed)', () => editJson(schema('user-pools-session-type-schema.json'), (s) => (s.title = 'SessionToken')), (kept) => expect(kept).toBeGreaterThan(total / 2)],
      ];
      for (const [, edit, keptAsExpected] of edits) {
        await edit();
        const run = await generate(options);
        expect(run.status).toBe('written');
        keptAsExpected(run.filesKept);
        // Rendering every file again gives exactly what is on disk.
        const full = await generate({ ...options, check: true, cache: false });
        expect([full.status, full.written, full.diff]).toEqual(['up-to-date', [], '']);
      }
    });
  }, 120_000);
});
