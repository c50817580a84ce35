import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { formatBytes } from '../limits.js';

/**
 * Why a file was not read, quoting nothing of it: a `refused` reason completes
 * "<file> …"; an `unreadable` one is the system's ("permission denied").
 */
export type FileReadFailure = { kind: 'missing' } | { kind: 'refused' | 'unreadable'; reason: string };
export type FileRead = { ok: true; text: string } | ({ ok: false } & FileReadFailure);

// Not on every platform (Windows has neither); where absent, the checks below still hold.
const NON_BLOCKING = constants.O_NONBLOCK ?? 0;
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Read a regular file of at most `maxBytes` as UTF-8 (without a leading BOM). A folder,
 * FIFO, socket or device is refused before it is opened (a FIFO would block, /dev/zero
 * never ends); a file that is or grows larger than the cap is refused without reading
 * past it. `resolvedPath`: the path is a realpath already, so a symlink swapped in
 * after the check is not followed. `listedAsRegular`: a folder listing gave the
 * type already, so the stat before opening is skipped (fstat still checks).
 *
 * Synchronous on purpose: for hundreds of small files it is several times faster than
 * fs/promises (no thread-pool round trip per file), measured in bench/types.js.
 */
export function readRegularFile(path: string, maxBytes: number, options: { resolvedPath?: boolean; listedAsRegular?: boolean } = {}): FileRead {
  // A folder listing that said "regular file" spares a stat (the open below checks again).
  let before: Stats | undefined;
  if (!options.listedAsRegular) {
    try {
      before = statSync(path);
    } catch (error) {
      return failureOf(error);
    }
    if (!before.isFile()) return { ok: false, kind: 'refused', reason: `is not a regular file (${kindOf(before)})` };
    if (before.size > maxBytes) return tooLarge(maxBytes);
  }
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NON_BLOCKING | (options.resolvedPath ? NO_FOLLOW : 0));
  } catch (error) {
    return failureOf(error);
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile() || (before && (opened.ino !== before.ino || opened.dev !== before.dev))) {
      return { ok: false, kind: 'refused', reason: 'changed while it was being opened' };
    }
    if (opened.size > maxBytes) return tooLarge(maxBytes);
    const bytes = readAtMost(fd, opened.size, maxBytes);
    if (bytes === undefined) return tooLarge(maxBytes);
    const text = bytes.toString('utf8');
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (error) {
    return failureOf(error);
  } finally {
    closeSync(fd);
  }
}

/** Until end of file, trusting no size (files in /proc say 0 and are not): `undefined` past `maxBytes`. */
function readAtMost(fd: number, expected: number, maxBytes: number): Buffer | undefined {
  let buffer = Buffer.allocUnsafe(Math.min(expected, maxBytes) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) return undefined;
      const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  return length > maxBytes ? undefined : buffer.subarray(0, length);
}

function tooLarge(maxBytes: number): FileRead {
  return { ok: false, kind: 'refused', reason: `is larger than ${formatBytes(maxBytes)} (the maxFileBytes limit)` };
}

/** A failed fs call as a read outcome: a missing path, or the system's reason. */
export function failureOf(error: unknown): FileRead {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, kind: 'missing' };
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ELOOP: 'too many levels of symbolic links',
    ENAMETOOLONG: 'the path is too long',
    EISDIR: 'is a folder',
    ERR_INVALID_ARG_VALUE: 'the path holds a NUL character',
  };
  return { ok: false, kind: 'unreadable', reason: (code && reasons[code]) ?? code ?? 'unknown error' };
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a plain file';
}
