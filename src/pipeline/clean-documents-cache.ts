import { CleanDocumentMemo } from '../resolve/index.js';
import type { ResolvedOptions } from '../options.js';
import { CLEAN_DOCUMENTS_FILE, readCleanDocuments, writeCleanDocuments } from './clean-documents-file.js';
import { memoAcrossRuns, type RunMemo } from './run-memo.js';

/**
 * The memo of documents found free of schema problems a run starts from, and how it keeps
 * what the run learnt, as every run memo is kept (run-memo.ts):
 * node_modules/.cache/schema-gen/targets/<output folder>/schema-problems.json, or in memory in watch mode.
 */
export function cleanDocumentsCache(opts: ResolvedOptions, realOutDir: string): Promise<RunMemo<CleanDocumentMemo>> {
  return memoAcrossRuns(opts, realOutDir, { file: CLEAN_DOCUMENTS_FILE, read: readCleanDocuments, write: writeCleanDocuments, inMemory });
}

/** Watch mode's memo, by the cache object its runs share. */
const inMemoryMemos = new WeakMap<object, Set<string>>();
/** Several targets share one cache object, so keys add up across runs; past this many (a long session of edits), only the last run's are kept. */
const MAX_KEYS_IN_MEMORY = 50_000;

function inMemory(owner: object): RunMemo<CleanDocumentMemo> {
  const known = inMemoryMemos.get(owner) ?? new Set<string>();
  const memo = new CleanDocumentMemo(known);
  return {
    memo,
    keep: async () => {
      memo.used.forEach((key) => known.add(key));
      inMemoryMemos.set(owner, known.size > MAX_KEYS_IN_MEMORY ? new Set(memo.used) : known);
    },
  };
}
