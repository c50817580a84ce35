import { createHash } from 'node:crypto';
import { readLocalCache, targetCacheFile, writeLocalCacheIfChanged } from '../paths/local-cache.js';
import { OutputFolderReader, type CurrentFile } from '../write/current-files.js';
import { MANIFEST_FILE } from '../write/layout.js';
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
 * The bytes of regular files of the output folder, read as the write stage reads (never
 * through a symbolic link); and what was read, manifest first, so that the write stage
 * need not read it again while the manifest stays the same.
 */
export function outputFileReader(realOutDir: string): { readBytes(path: string): Buffer | undefined; reads: EarlierReads } {
  const reader = new OutputFolderReader(realOutDir, { remember: true });
  reader.read(MANIFEST_FILE);
  return {
    readBytes(path) {
      const current = reader.read(path);
      return current.kind === 'file' ? current.bytes : undefined;
    },
    reads: reader.reads!,
  };
}
