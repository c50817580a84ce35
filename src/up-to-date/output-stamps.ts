import { lstatSync, type BigIntStats } from 'node:fs';
import { readLocalCache, targetCacheFile, writeLocalCacheIfChanged } from '../paths/local-cache.js';

/**
 * A file's identity and change times, to the nanosecond: device, inode, size, mtime and
 * ctime. Replacing a file changes its inode, writing it changes its ctime, which no
 * program can set back (utimes sets mtime and sets ctime to now).
 */
export function stampOf(info: BigIntStats): string {
  return `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
}

/**
 * How long a file must have been left alone before its stamp is trusted. Timestamps come
 * from a clock that ticks coarsely (and, on some file systems, in whole seconds): a file
 * written again within the tick it was stamped in could keep its stamp. A file whose
 * times are older than this when it is stamped cannot (git calls such files "racily clean").
 */
export const SETTLED_NS = 2_000_000_000n;

/** The wall clock in nanoseconds, as file times are kept. */
export function nowNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}

/**
 * Which output files a normal run may take as unchanged without reading them: those
 * whose stamp is the one they had when a run last read them and found the hash the
 * manifest lists. Kept in the local cache, per output folder
 * (`node_modules/.cache/schema-gen/targets/<folder>/stamps.json`); `--check` never uses
 * it (it reads every byte) and never writes it.
 */
export class OutputStamps {
  private readonly next = new Map<string, [stamp: string, hash: string]>();

  private constructor(
    private readonly file: string | undefined,
    private readonly known: ReadonlyMap<string, readonly [string, string]>,
    private readonly text: string | undefined,
  ) {}

  static async read(cwd: string, realOutDir: string): Promise<OutputStamps> {
    const file = targetCacheFile(cwd, realOutDir, 'stamps.json');
    const text = file && (await readLocalCache(file));
    return new OutputStamps(file, entriesOf(text), text);
  }

  /**
   * Whether the file at `absolutePath` still has the stamp it had when it was found to
   * hash to `hash` (lstat: a symbolic link put in its place is never taken for it).
   */
  vouchesFor(path: string, absolutePath: string, hash: string): boolean {
    const known = this.known.get(path);
    if (!known || known[1] !== hash) return false;
    let info;
    try {
      info = lstatSync(absolutePath, { bigint: true, throwIfNoEntry: false });
    } catch {
      return false; // cannot be looked at: the read says why
    }
    if (!info?.isFile() || stampOf(info) !== known[0]) return false;
    this.next.set(path, [known[0], hash]);
    return true;
  }

  /** A file just read and found to hash to `hash`, with the stamp fstat gave before the read; kept only when settled. */
  found(path: string, info: BigIntStats, hash: string, readStartedNs: bigint): void {
    const settledBefore = readStartedNs - SETTLED_NS;
    if (info.mtimeNs > 0n && info.ctimeNs > 0n && info.mtimeNs < settledBefore && info.ctimeNs < settledBefore) this.next.set(path, [stampOf(info), hash]);
  }

  /**
   * Keep the stamps of this run's files (those it vouched for or found), when they differ
   * from the file's. `outputs`: the run's output files, when it did not look at them all
   * (it rendered some): those keep the stamps they had. A stamp only ever vouches for the
   * file with exactly its identity and times, so one kept from earlier is never wrong: a
   * file written since has another.
   */
  async save(outputs?: Iterable<string>): Promise<void> {
    if (!this.file) return;
    const kept = new Map(this.next);
    for (const path of outputs ?? []) {
      const earlier = this.known.get(path);
      if (!kept.has(path) && earlier) kept.set(path, [earlier[0], earlier[1]]);
    }
    const files: Record<string, [string, string]> = {};
    for (const path of [...kept.keys()].sort()) files[path] = kept.get(path)!;
    const text = JSON.stringify({ files });
    if (text === this.text) return;
    try {
      await writeLocalCacheIfChanged(this.file, text);
    } catch {
      // no cache: the next run reads the files
    }
  }
}

/** The entries of a stamps file; anything malformed is no entry (the file is then read). */
function entriesOf(text: string | undefined): Map<string, readonly [string, string]> {
  const entries = new Map<string, readonly [string, string]>();
  if (!text) return entries;
  let saved: unknown;
  try {
    saved = JSON.parse(text);
  } catch {
    return entries;
  }
  const files = (saved as { files?: unknown } | null)?.files;
  if (files === null || typeof files !== 'object') return entries;
  for (const [path, entry] of Object.entries(files)) {
    if (Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && typeof entry[1] === 'string') entries.set(path, [entry[0], entry[1]]);
  }
  return entries;
}
