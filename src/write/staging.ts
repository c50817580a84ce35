import { linkSync, mkdirSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FaultPoints } from './fault.js';
import { isLeftLockAttempt } from './lock.js';
import { under, type OutputLayout } from './layout.js';
import type { PlannedChange } from './plan.js';

/**
 * Put every new file of the run under the staging folder's `new/`, and a backup of every
 * file it replaces or removes under `old/` (a hard link, or a copy of the bytes read
 * where links are not supported). Nothing in the output folder changes yet.
 *
 * One file after another, on this thread: creating a small file is the kernel's work (no
 * disk waits, nothing is synced), and handing the files to the thread pool, 32 at a time,
 * overlapped nothing: the same wall time, and ~60% more CPU time spent in wake-ups and on
 * the folder's lock (bench/overlap-writes.js: 536 files, `pool` against `sync`).
 */
export function stageChanges(layout: OutputLayout, changes: readonly PlannedChange[], faults: FaultPoints): void {
  const added = changes.filter((c) => c.after);
  const replaced = changes.filter((c) => c.before);
  makeFolders(layout.newFiles, added);
  makeFolders(layout.backups, replaced);
  for (const change of added) writeFileSync(under(layout.newFiles, change.path), change.after!.bytes);
  faults.reached('new files staged');
  for (const change of replaced) {
    const backup = under(layout.backups, change.path);
    try {
      linkSync(under(layout.outDir, change.path), backup);
    } catch {
      writeFileSync(backup, change.before!.bytes);
    }
  }
  faults.reached('old files backed up');
}

function makeFolders(root: string, changes: readonly PlannedChange[]): void {
  mkdirSync(root, { recursive: true });
  for (const folder of new Set(changes.map((c) => dirname(under(root, c.path))))) mkdirSync(folder, { recursive: true });
}

/**
 * Remove what a run put in the staging folder (not the lock: its holder drops that).
 * Given the paths of the files the run backed up, those go first, one by one: deleting
 * the backups is what frees the old files' space.
 */
export function clearStaging(layout: OutputLayout, backedUp: readonly string[] = []): void {
  for (const path of backedUp) {
    try {
      unlinkSync(under(layout.backups, path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // restored by a roll-back
    }
  }
  // The takeover marker too, left by a run killed while taking over a stale lock (a live one only ever removes it).
  for (const path of [layout.newFiles, layout.backups, layout.journal, `${layout.journal}.tmp`, layout.lockTakeover]) rmSync(path, { recursive: true, force: true });
  for (const name of readdirSync(layout.staging)) {
    // A run killed while taking the lock; a live one that loses its file here just tries again.
    if (isLeftLockAttempt(name)) rmSync(join(layout.staging, name), { force: true });
  }
}
