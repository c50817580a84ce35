import { createHash } from 'node:crypto';
import { readLocalCache, targetCacheFile, writeLocalCacheIfChanged } from '../paths/local-cache.js';
import { OutputFolderReader, type CurrentFile } from '../write/current-files.js';
import { MANIFEST_FILE, under } from '../write/layout.js';
import { hashOf, listedHash } from '../write/manifest.js';
import { nowNs, type OutputStamps } from './output-stamps.js';
import { toolFingerprint } from './tool-fingerprint.js';

export type EarlierReads = ReadonlyMap<string, CurrentFile>;

/**
 * The render traces of the run that last wrote an output folder (what each file's
 * templates read, see `render/trace/`), kept in the local cache
 * (`node_modules/.cache/schema-gen/targets/<folder>/renders.json`) under a stamp of
 * everything a trace takes for granted: this build of schema-gen, the settings and the
 * template set. Traces are a speed-up only: a missing, foreign or malformed file means
 * every file is rendered.
 */
export function tracesFile(cwd: string, realOutDir: string): string | undefined {
  return targetCacheFile(cwd, realOutDir, 'renders.json');
}

/** Whether this run has a place to keep traces (a local cache): else none is made or read. */
export function keepsRenderTraces(cwd: string, realOutDir: string): boolean {
  return tracesFile(cwd, realOutDir) !== undefined;
}

/** The stamp a trace file must carry to be read: schema-gen's build, and what the caller says shaped the render. */
export function tracesStamp(shaping: readonly string[]): string {
  const hash = createHash('sha256').update(toolFingerprint());
  for (const part of shaping) hash.update('\u0000').update(part);
  return hash.digest('hex');
}

/** Each traced file's entry, as stored (the render stage checks each one's shape). */
export async function readRenderTraces(cwd: string, realOutDir: string, stamp: string): Promise<Map<string, unknown>> {
  const file = tracesFile(cwd, realOutDir);
  if (!file) return new Map();
  try {
    const saved = JSON.parse((await readLocalCache(file)) ?? '') as { stamp?: unknown; files?: unknown };
    if (saved.stamp !== stamp || saved.files === null || typeof saved.files !== 'object' || Array.isArray(saved.files)) return new Map();
    return new Map(Object.entries(saved.files));
  } catch {
    return new Map();
  }
}

/** Written only when it would change, atomically; a cache that cannot be written costs only time. */
export async function saveRenderTraces(cwd: string, realOutDir: string, stamp: string, files: ReadonlyMap<string, unknown>): Promise<void> {
  const file = tracesFile(cwd, realOutDir);
  if (!file) return;
  const text = JSON.stringify({ stamp, files: Object.fromEntries(files) });
  try {
    await writeLocalCacheIfChanged(file, text);
  } catch {
    // no traces: the next run renders every file
  }
}

/**
 * The files of the output folder a run may keep, read as the write stage reads (never
 * through a symbolic link), or not read at all where `stamps` vouch for them (a normal
 * run, never --check); and what was read or vouched for, manifest first, so that the
 * write stage need not read it again while the manifest stays the same.
 */
export function outputFileReader(
  realOutDir: string,
  stamps?: OutputStamps,
): { keptOnDisk(path: string, sha256: string): { bytes?: Buffer } | undefined; readNow(path: string, sha256: string): Buffer | undefined; reads: EarlierReads } {
  const reader = new OutputFolderReader(realOutDir, { remember: true });
  reader.read(MANIFEST_FILE);
  const readStarted = nowNs();
  return {
    keptOnDisk(path, sha256) {
      const hash = listedHash(sha256);
      if (stamps && reader.folderOf(path).kind === 'folder' && stamps.vouchesFor(path, under(realOutDir, path), hash)) {
        reader.vouch(path, hash);
        return {};
      }
      const current = reader.read(path);
      if (current.kind !== 'file' || hashOf(current.bytes) !== hash) return undefined;
      stamps?.found(path, current.stats, hash, readStarted);
      return { bytes: current.bytes };
    },
    /** A file kept unread, read when something needs its text after all: undefined unless it still hashes as it did. */
    readNow(path, sha256) {
      const current = new OutputFolderReader(realOutDir).read(path);
      return current.kind === 'file' && hashOf(current.bytes) === listedHash(sha256) ? current.bytes : undefined;
    },
    reads: reader.reads!,
  };
}
