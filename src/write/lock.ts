import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { dirname } from 'node:path';
import type { OutputLayout } from './layout.js';
import { isSameOrInside } from './output-folder.js';

/** Who holds an output folder's lock: written into the lock file when it is created. */
export interface LockHolder {
  pid: number;
  hostname: string;
  token: string;
}

export interface HeldLock {
  /** The topmost folder this run (or the interrupted run it took over from) created for the output. */
  createdFolder?: string;
  /** Set when the lock was taken from a run that is no longer running. */
  tookOverFrom?: LockHolder | 'unknown';
  /** Drop the lock; with `removeCreatedFolder`, also the output folder if this run created it and it is empty. */
  release(options?: { removeCreatedFolder: boolean }): void;
}

export interface LockOptions {
  /** How long to wait for another run to finish before giving up. */
  timeoutMs: number;
  /** The output folder as the user named it, for messages. */
  shownOut: string;
  /** Told once, when the run has to wait for another one. */
  onWait?: (notice: string) => void;
}

/** A lock file that is still empty or torn after this long was left by a run killed while creating it. */
const UNREADABLE_LOCK_GRACE_MS = 2_000;
/** A takeover marker older than this was left by a run killed while taking over. */
const TAKEOVER_GRACE_MS = 10_000;

/**
 * Take the output folder's lock (an exclusively created file holding pid, host and a
 * random token), creating the output folder if needed. While another live run holds it,
 * poll until it is free or `timeoutMs` has passed; a lock whose process is gone from
 * this host is stale and is taken over.
 */
export async function acquireLock(layout: OutputLayout, options: LockOptions): Promise<{ ok: true; lock: HeldLock } | { ok: false; diagnostic: Diagnostic }> {
  const me: LockHolder = { pid: process.pid, hostname: hostname(), token: randomBytes(12).toString('hex') };
  const deadline = Date.now() + options.timeoutMs;
  let createdFolder: string | undefined;
  let tookOverFrom: HeldLock['tookOverFrom'];
  let pause = 10;
  for (;;) {
    createdFolder ??= mkdirSync(layout.outDir, { recursive: true });
    const attempt = tryCreateLock(layout, createdFolder ? { ...me, createdFolder } : me);
    if (attempt === 'taken') return { ok: true, lock: heldLock(layout, me, createdFolder, tookOverFrom) };
    if (attempt === 'retry') continue;
    const holder = readHolder(layout.lock);
    if (holder === 'gone') continue;
    if (isStale(holder, layout.lock) && takeOver(layout, holder.raw)) {
      tookOverFrom = holder.holder ?? 'unknown';
      // Trust a lock file's word only for the output folder itself, never for folders above it.
      if (holder.holder?.createdFolder === layout.outDir) createdFolder ??= layout.outDir;
      continue;
    }
    if (Date.now() >= deadline) return { ok: false, diagnostic: lockedOut(layout, options, holder.holder) };
    if (pause === 10) options.onWait?.(`${options.shownOut}/ is being written by ${describeHolder(holder.holder)}; waiting up to ${seconds(options.timeoutMs)} for it to finish`);
    await new Promise((wake) => setTimeout(wake, pause));
    pause = Math.min(pause * 2, 250);
  }
}

/**
 * Wait, without taking the lock, while a live run holds it (for `--check`, which must
 * not write while merely waiting). Resolves when there is no live holder any more;
 * a diagnostic after `timeoutMs`.
 */
export async function waitForLiveHolder(layout: OutputLayout, options: LockOptions): Promise<Diagnostic | undefined> {
  const deadline = Date.now() + options.timeoutMs;
  let pause = 10;
  for (;;) {
    const holder = readHolder(layout.lock);
    if (holder === 'gone' || isStale(holder, layout.lock)) return undefined;
    if (Date.now() >= deadline) return lockedOut(layout, options, holder.holder);
    if (pause === 10) options.onWait?.(`${options.shownOut}/ is being written by ${describeHolder(holder.holder)}; waiting up to ${seconds(options.timeoutMs)} for it to finish`);
    await new Promise((wake) => setTimeout(wake, pause));
    pause = Math.min(pause * 2, 250);
  }
}

function tryCreateLock(layout: OutputLayout, me: LockFileHolder): 'taken' | 'held' | 'retry' {
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
type LockFileHolder = LockHolder & { createdFolder?: string };

function readHolder(lockFile: string): { raw: string; holder?: LockFileHolder } | 'gone' {
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

function isStale({ holder }: { holder?: LockHolder }, lockFile: string): boolean {
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
function takeOver(layout: OutputLayout, judgedRaw: string): boolean {
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

function heldLock(layout: OutputLayout, me: LockHolder, createdFolder: string | undefined, tookOverFrom: HeldLock['tookOverFrom']): HeldLock {
  return {
    createdFolder,
    tookOverFrom,
    release({ removeCreatedFolder } = { removeCreatedFolder: false }) {
      const now = readHolder(layout.lock);
      if (now === 'gone' || now.holder?.token !== me.token) return; // not ours any more: leave it
      // Staged files left behind (a failed roll-back) stay hidden from git until the next run recovers them.
      if (readdirSync(layout.staging).every((name) => name === 'lock' || name === '.gitignore')) removeIfPresent(layout.gitignore);
      unlinkSync(layout.lock);
      removeFolderIfEmpty(layout.staging);
      if (removeCreatedFolder && createdFolder) removeEmptyFolders(layout.outDir, createdFolder);
    },
  };
}

/** `from` and each parent up to and including `top`, while they are empty. */
function removeEmptyFolders(from: string, top: string): void {
  for (let folder = from; isSameOrInside(top, folder); folder = dirname(folder)) {
    if (!removeFolderIfEmpty(folder) || folder === top) return;
  }
}

export function removeFolderIfEmpty(folder: string): boolean {
  try {
    rmdirSync(folder);
    return true;
  } catch {
    return false; // not empty (another run's lock, say), or gone
  }
}

function lockedOut(layout: OutputLayout, options: LockOptions, holder: LockHolder | undefined): Diagnostic {
  return {
    severity: 'error',
    code: 'output-locked',
    message: `${describeHolder(holder)} is writing ${options.shownOut}; gave up after waiting ${seconds(options.timeoutMs)}`,
    file: options.shownOut,
    hint: `run again when it has finished; if no such run exists, delete ${options.shownOut}/${layout.lock.slice(layout.outDir.length + 1)}`,
  };
}

function describeHolder(holder: LockHolder | undefined): string {
  return holder ? `another schema-gen run (pid ${holder.pid} on ${holder.hostname === hostname() ? 'this machine' : `host ${holder.hostname}`})` : 'another schema-gen run';
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

function ageOf(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function removeIfPresent(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if (code(error) !== 'ENOENT') throw error;
  }
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
