import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { targetCacheFile } from '../../src/paths/local-cache.js';

/** The run memo `name` of the project in `dir` (with node_modules) for its output folder `outDir` (relative to `dir`). */
export function targetCache(dir: string, name: string, outDir = 'generated'): string {
  const file = targetCacheFile(dir, join(realpathSync(dir), outDir), name);
  if (!file) throw new Error(`no local cache in ${dir}: make its node_modules first`);
  return file;
}
