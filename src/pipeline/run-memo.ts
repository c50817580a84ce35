import type { ResolvedOptions } from '../options.js';
import { targetCacheFile } from '../paths/local-cache.js';
import { toolFingerprint } from '../up-to-date/tool-fingerprint.js';

/** A memo a run starts from, and how it keeps what the run added. */
export interface RunMemo<M> {
  memo?: M;
  keep(): Promise<void>;
}

/** Where one kind of memo lives between runs, and how it is read and written. */
export interface MemoStore<M extends { readonly changed: boolean }> {
  /** Its file's name in the output folder's memo folder (node_modules/.cache/schema-gen/targets/<folder>/). */
  file: string;
  /** The memo the file holds, if `tool` (the running build's fingerprint) wrote it; else an empty one. */
  read(file: string, tool: string): Promise<M>;
  write(file: string, memo: M, tool: string): Promise<void>;
  /** Watch mode's: kept in memory, by the cache object the runs share (the tool cannot change under a running process). */
  inMemory(owner: object): RunMemo<M>;
}

/**
 * The one policy of the memos a run keeps besides the validator cache: `--no-cache`
 * starts from none and keeps none; the default keeps the memo in the local cache (only
 * where node_modules exists), written only when it changed and never by `--check`; a
 * cache object (watch mode) keeps it in memory. A memo that cannot be written only costs time.
 */
export async function memoAcrossRuns<M extends { readonly changed: boolean }>(opts: ResolvedOptions, realOutDir: string, store: MemoStore<M>): Promise<RunMemo<M>> {
  if (opts.cache === false) return { keep: async () => undefined };
  if (opts.cache !== true) return store.inMemory(opts.cache);
  const file = targetCacheFile(opts.cwd, realOutDir, store.file);
  if (!file) return { keep: async () => undefined };
  const tool = toolFingerprint();
  const memo = await store.read(file, tool);
  return {
    memo,
    keep: async () => {
      if (!opts.check && memo.changed) await store.write(file, memo, tool).catch(() => undefined);
    },
  };
}
