import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readCleanDocuments, writeCleanDocuments } from '../../src/pipeline/clean-documents-file.js';
import { CleanDocumentMemo } from '../../src/resolve/clean-documents.js';
import { withTempDir } from '../helpers/temp-dir.js';

const KEY_A = 'a'.repeat(64);
const KEY_B = 'b'.repeat(64);

describe('the file of clean documents', () => {
  it('round-trips what a run used, sorted, for the same build of the tool', () =>
    withTempDir(async (dir) => {
      const file = join(dir, 'cache', 'schema-problems.json');
      const memo = new CleanDocumentMemo([KEY_A]);
      memo.markClean(KEY_B);
      memo.isClean(KEY_A);
      await writeCleanDocuments(file, memo, 'tool-1');
      expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ tool: 'tool-1', clean: [KEY_A, KEY_B] });
      // Written atomically: no temporary file is left beside it.
      expect(await readdir(join(dir, 'cache'))).toEqual(['schema-problems.json']);

      const read = await readCleanDocuments(file, 'tool-1');
      expect([read.isClean(KEY_A), read.isClean(KEY_B), read.isClean('c'.repeat(64))]).toEqual([true, true, false]);
    }));

  it('keeps only the keys this run used: an entry no run needs is dropped', () =>
    withTempDir(async (dir) => {
      const file = join(dir, 'schema-problems.json');
      const memo = new CleanDocumentMemo([KEY_A, KEY_B]);
      memo.isClean(KEY_B);
      expect(memo.changed).toBe(true);
      await writeCleanDocuments(file, memo, 'tool-1');
      expect(JSON.parse(await readFile(file, 'utf8')).clean).toEqual([KEY_B]);
    }));

  it.each([
    ['absent', undefined],
    ['not JSON', '{ not json'],
    ['not an object', '[1, 2]'],
    ['without a tool', JSON.stringify({ clean: [KEY_A] })],
    ['with keys that are not hashes', JSON.stringify({ tool: 'tool-1', clean: [KEY_A, 'x'] })],
    ['with clean not a list', JSON.stringify({ tool: 'tool-1', clean: KEY_A })],
    ["another build's", JSON.stringify({ tool: 'tool-0', clean: [KEY_A] })],
  ])('is read as an empty memo when it is %s', (_what, content) =>
    withTempDir(async (dir) => {
      const file = join(dir, 'schema-problems.json');
      if (content !== undefined) await writeFile(file, content);
      const memo = await readCleanDocuments(file, 'tool-1');
      expect(memo.isClean(KEY_A)).toBe(false);
      expect(memo.changed).toBe(false);
    }),
  );
});
