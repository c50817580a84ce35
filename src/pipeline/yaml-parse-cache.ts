import { deserialize, serialize } from 'node:v8';
import { YamlParseMemo } from '../load/index.js';
import type { ResolvedOptions } from '../options.js';
import { readLocalCacheBytes, writeLocalCache } from '../paths/local-cache.js';
import { memoAcrossRuns, type RunMemo } from './run-memo.js';

/** The file of the cache, in the output folder's memo folder, node_modules/.cache/schema-gen/targets/<folder>/. */
export const YAML_PARSES_FILE = 'yaml-parses.bin';

/**
 * The YAML parses a run starts from, and how it keeps what it parsed, as every run memo
 * is kept (run-memo.ts): node_modules/.cache/schema-gen/targets/<output folder>/yaml-parses.bin
 * (only the parses this run used), under the fingerprint of the build of schema-gen (its js-yaml version
 * included) that parsed them; in memory in watch mode.
 */
export function yamlParseCache(opts: ResolvedOptions, realOutDir: string): Promise<RunMemo<YamlParseMemo>> {
  return memoAcrossRuns(opts, realOutDir, {
    file: YAML_PARSES_FILE,
    read: async (file, tool) => new YamlParseMemo(await readEntries(file, tool)),
    write: (file, memo, tool) => writeLocalCache(file, serialize({ tool, entries: [...memo.used].sort(([a], [b]) => (a < b ? -1 : 1)) })),
    inMemory,
  });
}

/** The entries of the file, if `tool` wrote it; anything else (absent, damaged, another build's) is none. */
async function readEntries(file: string, tool: string): Promise<Map<string, Uint8Array>> {
  const bytes = await readLocalCacheBytes(file);
  if (!bytes) return new Map();
  let saved: unknown;
  try {
    saved = deserialize(bytes);
  } catch {
    return new Map();
  }
  if (saved === null || typeof saved !== 'object') return new Map();
  const { tool: writtenBy, entries } = saved as { tool?: unknown; entries?: unknown };
  if (writtenBy !== tool || !Array.isArray(entries)) return new Map();
  const found = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || !/^[0-9a-f]{64}$/.test(entry[0])) continue;
    const bytes: unknown = entry[1];
    // Byte views of any realm (the deserializer makes Node's own; a test runner may run in another).
    if (ArrayBuffer.isView(bytes)) found.set(entry[0], new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
  return found;
}

/** Watch mode's parses, by the cache object its runs share: only the last run's are kept. */
const inMemoryParses = new WeakMap<object, ReadonlyMap<string, Uint8Array>>();

function inMemory(owner: object): RunMemo<YamlParseMemo> {
  const memo = new YamlParseMemo(inMemoryParses.get(owner));
  return {
    memo,
    keep: async () => {
      inMemoryParses.set(owner, new Map(memo.used));
    },
  };
}
