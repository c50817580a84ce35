import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmdirSync, unlinkSync } from 'node:fs';
import type { FaultPoints } from './fault.js';
import { writeJournal, type Journal } from './journal.js';
import { under, type OutputLayout } from './layout.js';
import { hashOf } from './manifest.js';

/**
 * Move the staged files into the output folder, under a journal that says how to undo
 * it. Each file is replaced by one rename, so every path holds its old bytes or its new
 * ones, never a partial file; the journal's `switched` state is the commit point.
 */
export function switchIn(layout: OutputLayout, journal: Journal, faults: FaultPoints): void {
  writeJournal(layout, { ...journal, state: 'switching' });
  faults.reached('journal written');
  for (const folder of journal.createdFolders) {
    try {
      mkdirSync(under(layout.outDir, folder));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  faults.reached('folders created');
  for (const entry of journal.entries) {
    if (entry.new !== undefined) renameSync(under(layout.newFiles, entry.path), under(layout.outDir, entry.path));
    else unlinkSync(under(layout.outDir, entry.path));
    faults.reached(`switched ${entry.path}`);
  }
  writeJournal(layout, { ...journal, state: 'switched' });
  faults.reached('switch committed');
}

/**
 * Undo an incomplete switch (this run's, or an interrupted one's): every replaced or
 * removed file comes back from its backup, every created file and folder goes. Safe to
 * repeat when interrupted itself. Returns how many files were restored or removed.
 */
export function rollBack(layout: OutputLayout, journal: Journal, faults: FaultPoints): number {
  let undone = 0;
  for (const entry of [...journal.entries].reverse()) {
    const target = under(layout.outDir, entry.path);
    if (entry.old !== undefined) {
      const backup = under(layout.backups, entry.path);
      if (existsSync(backup)) {
        // Not switched yet when the backup is still a link to the file in place: then the rename changes nothing.
        if (!isSameFile(backup, target)) undone++;
        renameSync(backup, target);
      }
    } else if (!existsSync(under(layout.newFiles, entry.path)) && hashAt(target) === entry.new) {
      // Its staged copy is gone, so it was moved in: the file there is the one we created.
      unlinkSync(target);
      undone++;
    }
    faults.reached(`rolled back ${entry.path}`);
  }
  for (const folder of [...journal.createdFolders].reverse()) removeIfEmpty(under(layout.outDir, folder));
  return undone;
}

/** After a committed switch: folders that removals left empty go too (deepest first). */
export function removeEmptiedFolders(layout: OutputLayout, journal: Journal): void {
  const folders = new Set<string>();
  for (const entry of journal.entries) {
    if (entry.new !== undefined) continue;
    for (let slash = entry.path.lastIndexOf('/'); slash > 0; slash = entry.path.lastIndexOf('/', slash - 1)) folders.add(entry.path.slice(0, slash));
  }
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) removeIfEmpty(under(layout.outDir, folder));
}

function isSameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [lstatSync(a), lstatSync(b)];
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}

function hashAt(file: string): string | undefined {
  try {
    return hashOf(readFileSync(file));
  } catch {
    return undefined;
  }
}

function removeIfEmpty(folder: string): void {
  try {
    rmdirSync(folder);
  } catch {
    // not empty (someone else's files are there) or already gone
  }
}
