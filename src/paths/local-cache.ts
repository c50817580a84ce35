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

/** The cache file of one output folder in `folder` (runs, renders): named by a hash of the folder's real path. */
export function outputFolderCacheFile(cwd: string, folder: string, realOutDir: string): string | undefined {
  return localCacheFile(cwd, folder, `${createHash('sha256').update(realOutDir).digest('hex').slice(0, 32)}.json`);
}

/** A cache file's text; undefined when it cannot be read (absent or not). */
export async function readLocalCache(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch(() => undefined);
}

/** A cache file's bytes; undefined when it cannot be read (absent or not). */
export async function readLocalCacheBytes(file: string): Promise<Buffer | undefined> {
  return readFile(file).catch(() => undefined);
}

let writes = 0;

/**
 * Written atomically, so that a reader never sees half a file: through a temporary file
 * of its own (runs of several targets in one process may write at once), renamed into
 * place, and removed if that fails. Failures are the caller's to ignore.
 */
export async function writeLocalCache(file: string, text: string | Uint8Array): Promise<void> {
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
