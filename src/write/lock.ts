import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputLayout } from './layout.js';
import { readHolder, isStale, removeIfPresent, takeOver, tryCreateLock, type LockHolder } from './lock-file.js';
import { isSameOrInside } from './output-folder.js';

export type { LockHolder } from './lock-file.js';
export { isLeftLockAttempt } from './lock-file.js';

/** The lock of one output folder, held by one run at a time (the file itself: lock-file.ts). */
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
