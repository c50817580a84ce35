import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { MANIFEST_FILE, type OutputLayout } from './layout.js';
import { isSafeOutputPath } from '../paths/output-path.js';

/** One file the switch changes: its old bytes' hash (absent: created) and new bytes' hash (absent: removed). */
export interface SwitchEntry {
  path: string;
  old?: string;
  new?: string;
}

/**
 * The plan of a switch and how far it got, kept in the staging folder. `switching`:
 * the output folder may hold a mix, so an interrupted run is rolled back from the
 * backups; `switched`: the new output is complete, only clean-up remains.
 */
export interface Journal {
  journalVersion: 1;
  state: 'switching' | 'switched';
  pid: number;
  entries: SwitchEntry[];
  /** Folders of the output the switch creates (parents first): removed again on roll-back. */
  createdFolders: string[];
}

/** Written to a temporary name and renamed, so a reader sees the old journal or the new one, never a torn one. */
export function writeJournal(layout: OutputLayout, journal: Journal): void {
  const tmp = `${layout.journal}.tmp`;
  writeFileSync(tmp, JSON.stringify(journal));
  renameSync(tmp, layout.journal);
}

/** The journal, or `undefined` when there is none (the run never began its switch). */
export function readJournal(layout: OutputLayout): Journal | 'unrecognised' | undefined {
  let text: string;
  try {
    text = readFileSync(layout.journal, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // Written whole by us (see writeJournal), but it sits in a folder others can write to:
  // a path in it must stay inside the output folder before anything acts on it.
  try {
    const journal = JSON.parse(text) as Journal;
    const paths = [...journal.entries.map((e) => e.path), ...journal.createdFolders];
    if (journal.journalVersion === 1 && ['switching', 'switched'].includes(journal.state) && paths.every((p) => typeof p === 'string' && (isSafeOutputPath(p) || p === MANIFEST_FILE))) return journal;
  } catch {
    // falls through: not a journal we wrote
  }
  return 'unrecognised';
}

/** Paths of the files the switch backed up (those it replaces or removes). */
export function backedUp(journal: Journal): string[] {
  return journal.entries.filter((e) => e.old !== undefined).map((e) => e.path);
}
