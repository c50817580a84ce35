import { dirname, join } from 'node:path';
import { readLocalCache, targetCacheFile, writeLocalCache } from '../../paths/local-cache.js';
import { MemoryValidatorCache } from './cache.js';
import { KeyMemo } from './key-memo.js';
import type { ValidatorModuleCode } from './module-code.js';

/**
 * Where the validators compiled for an output folder are kept between runs: the usual
 * tool cache folder, `node_modules/.cache/schema-gen/targets/<folder>/validators.json`,
 * and only where `node_modules` exists. It holds no output, only a speed-up: deleting it
 * changes nothing but time.
 */
export function cacheFileFor(cwd: string, realOutDir: string): string | undefined {
  return targetCacheFile(cwd, realOutDir, 'validators.json');
}

/** The key memo (key-memo.ts) lives beside the modules, in a file of its own: each is written only when it changed. */
export function keyMemoFileFor(cacheFile: string): string {
  return join(dirname(cacheFile), 'validator-keys.json');
}

/** The cache a file holds, with the key memo beside it if `tool` (this build of schema-gen, see up-to-date/tool-fingerprint) wrote it. */
export async function readCacheFile(file: string, tool: string): Promise<MemoryValidatorCache> {
  const [modules, memo] = await Promise.all([readModules(file), readLocalCache(keyMemoFileFor(file))]);
  return new MemoryValidatorCache(modules, KeyMemo.fromFileText(memo ?? '', tool));
}

async function readModules(file: string): Promise<Map<string, ValidatorModuleCode>> {
  try {
    const entries = JSON.parse((await readLocalCache(file)) ?? '') as Record<string, ValidatorModuleCode>;
    return new Map(Object.entries(entries));
  } catch {
    return new Map(); // absent or unreadable: start afresh
  }
}

/** Keep what this run used (so the files do not grow forever), each file only if it changed; written atomically. */
export async function writeCacheFile(file: string, cache: MemoryValidatorCache): Promise<void> {
  const { keyMemo } = cache;
  await Promise.all([
    cache.modulesChanged ? writeLocalCache(file, JSON.stringify(Object.fromEntries(cache.used))) : undefined,
    keyMemo.changed && keyMemo.tool !== undefined ? writeLocalCache(keyMemoFileFor(file), keyMemo.toFileText(keyMemo.tool)) : undefined,
  ]);
}
