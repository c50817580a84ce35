import { closeSync, linkSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import type { OutputLayout } from './layout.js';

/**
 * The lock file itself: created whole or not at all, read without trusting it, judged
 * stale only when its process is gone from this machine, and taken over by one run only.
 */

/** Who holds an output folder's lock: written into the lock file when it is created. */
export interface LockHolder {
  pid: number;
  hostname: string;
  token: string;
}

/** A lock file that is still empty or torn after this long was left by a run killed while creating it. */
const UNREADABLE_LOCK_GRACE_MS = 2_000;
/** A takeover marker older than this was left by a run killed while taking over. */
const TAKEOVER_GRACE_MS = 10_000;

/** One attempt: the staging folder (if missing), the lock in it, and the staging folder's `.gitignore`. */
export function tryCreateLock(layout: OutputLayout, me: LockFileHolder): 'taken' | 'held' | 'retry' {
  try {
    mkdirSync(layout.staging);
  } catch (error) {
    if (code(error) === 'ENOENT') return 'retry'; // the output folder was removed by a run that failed: create it again
    if (code(error) !== 'EEXIST') throw error;
  }
  const created = createWithContent(layout.lock, JSON.stringify(me), `${layout.lock}.${me.token}`);
  if (created !== 'taken') return created;
  try {
    writeFileSync(layout.gitignore, '*\n', { flag: 'wx' }); // git never sees the staging folder
  } catch (error) {
    if (code(error) !== 'EEXIST') throw error;
  }
  return 'taken';
}

/**
 * Create `file` holding `content`, unless it exists, in one step: the content goes to a
 * file of our own first, which is then hard-linked to the name (failing if it is taken),
 * so no reader and no kill ever sees an empty or half-written lock. Where hard links are
 * not supported, an exclusive create and a write.
 */
function createWithContent(file: string, content: string, temporary: string): 'taken' | 'held' | 'retry' {
  try {
    writeFileSync(temporary, content, { flag: 'wx' });
  } catch (error) {
    if (code(error) === 'ENOENT') return 'retry'; // the staging folder was just removed by the run that held the lock
    throw error;
  }
  try {
    linkSync(temporary, file);
    return 'taken';
  } catch (error) {
    if (code(error) === 'EEXIST') return 'held';
    if (code(error) === 'ENOENT') return 'retry';
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(code(error) ?? '')) throw error;
  } finally {
    removeIfPresent(temporary);
  }
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if (code(error) === 'EEXIST') return 'held';
    if (code(error) === 'ENOENT') return 'retry';
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return 'taken';
}

/** Temporary lock files (`lock.<token>`) a run killed while taking the lock left behind. */
export function isLeftLockAttempt(name: string): boolean {
  return /^lock\.[0-9a-f]{24}$/.test(name);
}

/** The lock file also says which folder its run created, so a run that takes over from it can remove that folder when empty. */
export type LockFileHolder = LockHolder & { createdFolder?: string };

export function readHolder(lockFile: string): { raw: string; holder?: LockFileHolder } | 'gone' {
  let raw: string;
  try {
    raw = readFileSync(lockFile, 'utf8');
  } catch (error) {
    if (code(error) === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const parsed = JSON.parse(raw) as Partial<LockFileHolder>;
    if (typeof parsed.pid === 'number' && typeof parsed.hostname === 'string' && typeof parsed.token === 'string') return { raw, holder: parsed as LockFileHolder };
  } catch {
    // still being written, or torn by a kill: judged by its age below
  }
  return { raw };
}

export function isStale({ holder }: { holder?: LockHolder }, lockFile: string): boolean {
  if (!holder) return ageOf(lockFile) > UNREADABLE_LOCK_GRACE_MS;
  return holder.hostname === hostname() && !isRunning(holder.pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return code(error) === 'EPERM'; // alive, but someone else's
  }
}

/**
 * Remove a stale lock, unless another run got there first: only the run that creates
 * the takeover marker may remove it, and only if the lock still holds what was judged stale.
 */
export function takeOver(layout: OutputLayout, judgedRaw: string): boolean {
  try {
    closeSync(openSync(layout.lockTakeover, 'wx'));
  } catch (error) {
    if (code(error) !== 'EEXIST') throw error;
    if (ageOf(layout.lockTakeover) > TAKEOVER_GRACE_MS) removeIfPresent(layout.lockTakeover);
    return false;
  }
  try {
    const now = readHolder(layout.lock);
    if (now === 'gone' || now.raw !== judgedRaw) return false;
    unlinkSync(layout.lock);
    return true;
  } finally {
    removeIfPresent(layout.lockTakeover);
  }
}

function ageOf(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

export function removeIfPresent(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if (code(error) !== 'ENOENT') throw error;
  }
}

export function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
