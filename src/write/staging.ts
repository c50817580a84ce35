import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { link, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FaultPoints } from './fault.js';
import { inParallel } from './in-parallel.js';
import { isLeftLockAttempt } from './lock.js';
import { under, type OutputLayout } from './layout.js';
import type { PlannedChange } from './plan.js';

/**
 * Put every new file of the run under the staging folder's `new/`, and a backup of every
 * file it replaces or removes under `old/` (a hard link, or a copy of the bytes read
 * where links are not supported). Nothing in the output folder changes yet.
 */
export async function stageChanges(layout: OutputLayout, changes: readonly PlannedChange[], faults: FaultPoints): Promise<void> {
  const added = changes.filter((c) => c.after);
  const replaced = changes.filter((c) => c.before);
  makeFolders(layout.newFiles, added);
  makeFolders(layout.backups, replaced);
  await inParallel(added, (change) => writeFile(under(layout.newFiles, change.path), change.after!.bytes));
  faults.reached('new files staged');
  await inParallel(replaced, async (change) => {
    const backup = under(layout.backups, change.path);
    await link(under(layout.outDir, change.path), backup).catch(() => writeFile(backup, change.before!.bytes));
  });
  faults.reached('old files backed up');
}

function makeFolders(root: string, changes: readonly PlannedChange[]): void {
  mkdirSync(root, { recursive: true });
  for (const folder of new Set(changes.map((c) => dirname(under(root, c.path))))) mkdirSync(folder, { recursive: true });
}

/**
 * Remove what a run put in the staging folder (not the lock: its holder drops that).
 * Given the paths of the files the run backed up, those go in parallel first: deleting
 * the backups is what frees the old files' space, the slow part.
 */
export async function clearStaging(layout: OutputLayout, backedUp: readonly string[] = []): Promise<void> {
  await inParallel(backedUp, (path) =>
    unlink(under(layout.backups, path)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error; // restored by a roll-back
    }),
  );
  // The takeover marker too, left by a run killed while taking over a stale lock (a live one only ever removes it).
  for (const path of [layout.newFiles, layout.backups, layout.journal, `${layout.journal}.tmp`, layout.lockTakeover]) rmSync(path, { recursive: true, force: true });
  for (const name of readdirSync(layout.staging)) {
    // A run killed while taking the lock; a live one that loses its file here just tries again.
    if (isLeftLockAttempt(name)) rmSync(join(layout.staging, name), { force: true });
  }
}
