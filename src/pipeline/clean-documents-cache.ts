import { CleanDocumentMemo } from '../resolve/index.js';
import type { ResolvedOptions } from '../options.js';
import { toolFingerprint } from '../up-to-date/tool-fingerprint.js';
import { cleanDocumentsFileFor, readCleanDocuments, writeCleanDocuments } from './clean-documents-file.js';

/** The memo of documents found free of schema problems a run starts from, and how it keeps what the run learnt. */
export interface CleanDocumentsCache {
  memo?: CleanDocumentMemo;
  keep(): Promise<void>;
}

/**
 * Like the validator cache: `--no-cache` checks every document; the default keeps the
 * memo in node_modules/.cache/schema-gen (never written by `--check`, nor when nothing
 * changed); a cache object (watch mode) keeps it in memory, beside that object.
 */
export async function cleanDocumentsCache(opts: ResolvedOptions): Promise<CleanDocumentsCache> {
  if (opts.cache === false) return { keep: async () => undefined };
  if (opts.cache !== true) return inMemory(opts.cache);
  const file = cleanDocumentsFileFor(opts.cwd);
  if (!file) return { keep: async () => undefined };
  const tool = toolFingerprint();
  const memo = await readCleanDocuments(file, tool);
  return {
    memo,
    // One that cannot be written only costs time.
    keep: async () => {
      if (!opts.check && memo.changed) await writeCleanDocuments(file, memo, tool).catch(() => undefined);
    },
  };
}

/** Watch mode's memo, by the cache object its runs share: the tool cannot change under a running process. */
const inMemoryMemos = new WeakMap<object, Set<string>>();
/** Several targets share one cache object, so keys add up across runs; past this many (a long session of edits), only the last run's are kept. */
const MAX_KEYS_IN_MEMORY = 50_000;

function inMemory(owner: object): CleanDocumentsCache {
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
