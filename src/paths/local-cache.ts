import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * The local cache: `node_modules/.cache/schema-gen/`, the usual tool cache folder, and
 * only where `node_modules` exists. It holds no output, only speed-ups: every file in
 * it may be missing, damaged or another build's, and deleting it changes nothing but time.
 */
export function localCacheFile(cwd: string, ...path: string[]): string | undefined {
  return existsSync(join(cwd, 'node_modules')) ? join(cwd, 'node_modules', '.cache', 'schema-gen', ...path) : undefined;
}

/**
 * A cache file of one output folder (`name`: compiled validators, their keys, clean
 * documents, YAML parses, render traces, the run that wrote it, its files' stamps), in
 * `targets/<hash of the folder's real path>/`. Each keeps only what its last run used,
 * so that it cannot grow forever; kept per output folder, the targets of a config, run
 * one after another, do not evict each other's.
 */
export function targetCacheFile(cwd: string, realOutDir: string, name: string): string | undefined {
  return localCacheFile(cwd, 'targets', createHash('sha256').update(realOutDir).digest('hex').slice(0, 32), name);
}

/** Reads started ahead of need (`readLocalCacheAhead`), by file: each answers the next read of its file. */
const ahead = new Map<string, Promise<Buffer | undefined>>();

/**
 * Start reading the cache files a run will read: their reads then overlap with the
 * run's work instead of leaving it waiting at each (a run after an edit waited ~30 ms).
 * Each answers the next `readLocalCache` of its file; what an earlier run started and
 * never took is dropped. A file another process writes meanwhile is read as it was a
 * moment earlier, which a cache may always be: every entry is checked by its key.
 */
export function readLocalCacheAhead(files: readonly (string | undefined)[]): void {
  ahead.clear();
  for (const file of files)
    if (file !== undefined)
      ahead.set(
        file,
        readFile(file).catch(() => undefined),
      );
}

function takeAhead(file: string): Promise<Buffer | undefined> | undefined {
  const started = ahead.get(file);
  ahead.delete(file);
  return started;
}

/** A cache file's text; undefined when it cannot be read (absent or not). */
export async function readLocalCache(file: string): Promise<string | undefined> {
  const started = takeAhead(file);
  if (started) return (await started)?.toString('utf8');
  return readFile(file, 'utf8').catch(() => undefined);
}

/** A cache file's bytes; undefined when it cannot be read (absent or not). */
export async function readLocalCacheBytes(file: string): Promise<Buffer | undefined> {
  return takeAhead(file) ?? readFile(file).catch(() => undefined);
}

/**
 * Write `text` unless the file holds it already, compared with the file as it is now
 * (never a read started ahead, which may be older): true when it wrote. Failures are the
 * caller's to ignore, as for writeLocalCache.
 */
export async function writeLocalCacheIfChanged(file: string, text: string): Promise<boolean> {
  ahead.delete(file);
  if ((await readFile(file, 'utf8').catch(() => undefined)) === text) return false;
  await writeLocalCache(file, text);
  return true;
}

let writes = 0;

/**
 * Written atomically, so that a reader never sees half a file: through a temporary file
 * of its own (runs of several targets in one process may write at once), renamed into
 * place, and removed if that fails. Failures are the caller's to ignore.
 */
export async function writeLocalCache(file: string, text: string | Uint8Array): Promise<void> {
  ahead.delete(file); // a read started ahead would be older than this write
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${++writes}.tmp`;
  try {
    await writeFile(tmp, text);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
