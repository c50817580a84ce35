import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MemoryValidatorCache } from './cache.js';
import type { ValidatorModuleCode } from './module-code.js';

/**
 * Where compiled validators are kept between runs: the usual tool cache folder,
 * `node_modules/.cache/schema-gen/`, and only where `node_modules` exists. It holds
 * no output, only a speed-up: deleting it changes nothing but time.
 */
export function cacheFileFor(cwd: string): string | undefined {
  return existsSync(join(cwd, 'node_modules')) ? join(cwd, 'node_modules', '.cache', 'schema-gen', 'validators.json') : undefined;
}

export async function readCacheFile(file: string): Promise<MemoryValidatorCache> {
  try {
    const entries = JSON.parse(await readFile(file, 'utf8')) as Record<string, ValidatorModuleCode>;
    return new MemoryValidatorCache(new Map(Object.entries(entries)));
  } catch {
    return new MemoryValidatorCache(); // absent or unreadable: start afresh
  }
}

/** Keep what this run used (so the file does not grow forever); written atomically. */
export async function writeCacheFile(file: string, cache: MemoryValidatorCache): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(Object.fromEntries(cache.used)));
  await rename(tmp, file);
}
