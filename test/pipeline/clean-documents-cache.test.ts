import { cp, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MemoryValidatorCache } from '../../src/emit/validators/cache.js';
import { generate, type GenerateOptions } from '../../src/index.js';
import { cleanDocumentKey } from '../../src/resolve/clean-documents.js';
import { documentsCheckedSoFar } from '../../src/resolve/schema-problems.js';
import { documentsWalkedForKeywordsSoFar } from '../../src/resolve/keywords.js';
import { toolFingerprint } from '../../src/up-to-date/tool-fingerprint.js';
import { FIXTURES } from '../helpers/paths.js';
import { readTree } from '../helpers/read-tree.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { targetCache } from '../helpers/target-cache.js';

/** A project of ten schemas, with node_modules/ (where the tool cache lives). */
async function project(dir: string): Promise<{ memoFile: string; session: string }> {
  await cp(join(FIXTURES, 'admin-initiate-auth-response', 'input'), join(dir, 'schemas'), { recursive: true });
  await mkdir(join(dir, 'node_modules'));
  return { memoFile: targetCache(dir, 'schema-problems.json'), session: join(dir, 'schemas', 'session-type.json') };
}

/** A run, and how many documents it checked against their meta-schemas and walked for unknown keywords (not answered from the memo). */
async function run(options: GenerateOptions) {
  const [checkedBefore, walkedBefore] = [documentsCheckedSoFar(), documentsWalkedForKeywordsSoFar()];
  const report = await generate(options);
  return { report, checked: documentsCheckedSoFar() - checkedBefore, walked: documentsWalkedForKeywordsSoFar() - walkedBefore };
}

const memoKeys = async (file: string) => (JSON.parse(await readFile(file, 'utf8')) as { clean: string[] }).clean;

async function edit(file: string, from: string | RegExp, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`test edit found nothing to replace in ${file}`);
  await writeFile(file, edited);
}

describe('documents found clean, remembered between runs', () => {
  it('a run after one edit checks that one document, and writes what a run without the memo writes', () =>
    withTempDir(async (dir) => {
      const { memoFile, session } = await project(dir);
      const first = await run({ cwd: dir });
      expect([first.report.status, first.checked, first.walked]).toEqual(['written', 10, 10]);
      // Each document twice: free of schema problems, free of unknown keywords.
      const firstKeys = await memoKeys(memoFile);
      expect(firstKeys).toHaveLength(20);

      await edit(session, /"description": "[^"]*"/, '"description": "Edited, and only here."');
      const second = await run({ cwd: dir });
      expect([second.report.status, second.checked, second.walked]).toEqual(['written', 1, 1]);
      // The edited document's old keys are gone, its new ones are in: the file does not grow.
      const secondKeys = await memoKeys(memoFile);
      expect(secondKeys).toHaveLength(20);
      expect(secondKeys.filter((key) => !firstKeys.includes(key))).toHaveLength(2);

      const cold = await run({ cwd: dir, outDir: 'cold', cache: false });
      expect([cold.checked, cold.walked]).toEqual([10, 10]);
      expect(await readTree(join(dir, 'cold'))).toEqual(await readTree(join(dir, 'generated')));
    }));

  it('reports a document edited into a bad one on the next run, and on every run while it stays bad', () =>
    withTempDir(async (dir) => {
      const { memoFile, session } = await project(dir);
      expect((await run({ cwd: dir })).report.status).toBe('written');
      await edit(session, '"minLength": 20', '"minLength": "twenty"');
      for (let attempt = 0; attempt < 2; attempt++) {
        const bad = await run({ cwd: dir });
        expect(bad.report.status).toBe('failed');
        expect(bad.checked).toBe(1);
        expect(bad.report.diagnostics.map((d) => [d.code, d.file, d.pointer, d.line])).toEqual([['invalid-schema', 'schemas/session-type.json', '/minLength', 7]]);
        // Only clean documents are remembered: nine free of schema problems, all ten free of unknown keywords.
        expect(await memoKeys(memoFile)).toHaveLength(19);
      }
    }));

  it('warns of an unknown keyword on every run, and walks only the documents with one or just edited', () =>
    withTempDir(async (dir) => {
      const { memoFile, session } = await project(dir);
      const deviceKey = join(dir, 'schemas', 'device-key-type.json');
      expect((await run({ cwd: dir })).report.status).toBe('written');
      await edit(session, '"minLength": 20', '"minLenght": 20');
      for (let attempt = 0; attempt < 3; attempt++) {
        // Another document edited too (from the second run on), so that the run is not answered as up to date.
        if (attempt > 0) await edit(deviceKey, /"description": "[^"]*"/, `"description": "Edited ${attempt}."`);
        const typo = await run({ cwd: dir });
        expect(typo.report.status).toBe('written');
        expect(typo.report.diagnostics.map((d) => [d.code, d.file, d.pointer, d.line, d.hint])).toEqual([
          ['unknown-keyword', 'schemas/session-type.json', '/minLenght', 7, 'did you mean "minLength"?'],
        ]);
        // The typo's document is walked on every run; its meta-schema check is remembered all the same (an unknown keyword is no schema problem).
        expect([typo.checked, typo.walked]).toEqual(attempt === 0 ? [1, 1] : [1, 2]);
        // All ten free of schema problems, nine free of unknown keywords.
        expect(await memoKeys(memoFile)).toHaveLength(19);
      }
      await edit(session, '"minLenght": 20', '"minLength": 20');
      const fixed = await run({ cwd: dir });
      expect([fixed.report.diagnostics, fixed.checked, fixed.walked]).toEqual([[], 1, 1]);
      expect(await memoKeys(memoFile)).toHaveLength(20);
    }));

  it('reports a document clean in one dialect when the default dialect changes', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      await mkdir(join(dir, 'node_modules'));
      await writeFile(join(dir, 'schemas', 'pair.json'), JSON.stringify({ title: 'Pair', type: 'array', items: [{ type: 'string' }] }));
      expect((await run({ cwd: dir, defaultDialect: 'draft-07' })).report.status).toBe('written');
      const as2020 = await run({ cwd: dir, defaultDialect: '2020-12' });
      expect([as2020.report.status, as2020.checked]).toEqual(['failed', 1]);
      expect(as2020.report.diagnostics.map((d) => [d.code, d.pointer])).toEqual([['invalid-schema', '/items']]);
    }));

  it('--check writes no memo, neither a first one nor a changed one', () =>
    withTempDir(async (dir) => {
      const { memoFile, session } = await project(dir);
      const checked = await run({ cwd: dir, check: true });
      expect(checked.report.status).toBe('stale');
      await expect(stat(memoFile)).rejects.toThrow();

      await run({ cwd: dir });
      const before = await readFile(memoFile, 'utf8');
      await edit(session, /"description": "[^"]*"/, '"description": "Edited."');
      expect((await run({ cwd: dir, check: true })).report.status).toBe('stale');
      expect(await readFile(memoFile, 'utf8')).toBe(before);
    }));

  it('--no-cache checks every document and leaves the memo alone', () =>
    withTempDir(async (dir) => {
      const { memoFile, session } = await project(dir);
      await run({ cwd: dir });
      const before = await readFile(memoFile, 'utf8');
      await edit(session, /"description": "[^"]*"/, '"description": "Edited."');
      const uncached = await run({ cwd: dir, cache: false });
      expect([uncached.report.status, uncached.checked, uncached.walked]).toEqual(['written', 10, 10]);
      expect(await readFile(memoFile, 'utf8')).toBe(before);
    }));

  it("ignores a malformed memo, and another build's even when it lists the document's key", () =>
    withTempDir(async (dir) => {
      const { memoFile, session } = await project(dir);
      await mkdir(dirname(memoFile), { recursive: true });
      await writeFile(memoFile, '{ not json');
      const afterDamage = await run({ cwd: dir });
      expect([afterDamage.report.status, afterDamage.checked]).toEqual(['written', 10]);
      expect(JSON.parse(await readFile(memoFile, 'utf8')).tool).toBe(toolFingerprint());

      await edit(session, '"minLength": 20', '"minLength": "twenty"');
      const text = await readFile(session, 'utf8');
      const badKey = cleanDocumentKey({ absolutePath: session, displayPath: 'schemas/session-type.json', format: 'json', text, json: JSON.parse(text), role: 'input', dialect: '2020-12' }, 'fallback');
      await writeFile(memoFile, JSON.stringify({ tool: 'another build of schema-gen', clean: [badKey] }));
      const foreign = await run({ cwd: dir });
      expect(foreign.report.status).toBe('failed');
      expect(foreign.report.diagnostics.map((d) => d.code)).toEqual(['invalid-schema']);
      expect(foreign.checked).toBe(10);
    }));

  it('watch mode (a cache object) keeps the memo in memory, beside that object', () =>
    withTempDir(async (dir) => {
      const { memoFile, session } = await project(dir);
      const cache = new MemoryValidatorCache();
      const first = await run({ cwd: dir, cache });
      expect([first.checked, first.walked]).toEqual([10, 10]);
      await edit(session, /"description": "[^"]*"/, '"description": "Edited."');
      const second = await run({ cwd: dir, cache });
      expect([second.checked, second.walked]).toEqual([1, 1]);
      await expect(stat(memoFile)).rejects.toThrow();
      // Another cache object starts afresh.
      await edit(session, /"description": "[^"]*"/, '"description": "Edited again."');
      expect((await run({ cwd: dir, cache: new MemoryValidatorCache() })).checked).toBe(10);
    }));
});
