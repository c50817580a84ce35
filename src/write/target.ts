import { relative, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CurrentFile } from './current-files.js';
import { shownPath as shownRelative } from './output-folder.js';
import type { OutputPlan } from './plan.js';

/** What a run did (or, with `--check`, would do) to the output folder. */
export interface WriteReport {
  outDir: string;
  /** Files created or changed (the manifest included). */
  written: string[];
  unchanged: string[];
  /** Files of an earlier run that no schema produces any more. */
  removed: string[];
  /** `--check` only: a unified diff of what is stale, empty when up to date. */
  diff: string;
  /** What the run did besides its own output: recovering an interrupted run, taking over a stale lock. */
  notices: string[];
}

/** Where and how to write. */
export interface OutputTarget {
  /** The output folder as given (absolute), for the report. */
  outDir: string;
  /** The same with symlinks resolved (see `checkOutputFolder`): where everything happens. */
  realOutDir: string;
  /** Paths in messages are relative to it. */
  cwd: string;
  /** Overwrite files at wanted paths that schema-gen did not write or that were edited since. */
  force: boolean;
  /** How long to wait for another run's lock on the folder. */
  lockTimeoutMs: number;
  /** Told at once when the run has to wait for another run holding the folder's lock. */
  onNotice?: (notice: string) => void;
  /** Files of the folder the run already read (manifest included): not read again while the manifest is unchanged. */
  earlierReads?: ReadonlyMap<string, CurrentFile>;
}

export interface WriteResult {
  report: WriteReport;
  diagnostics: Diagnostic[];
}

export function failed(target: OutputTarget, diagnostics: Diagnostic[], notices: string[]): WriteResult {
  return { report: { outDir: target.outDir, written: [], unchanged: [], removed: [], diff: '', notices }, diagnostics };
}

export function reportOf(target: OutputTarget, plan: OutputPlan, notices: string[]): WriteReport {
  return {
    outDir: target.outDir,
    written: plan.changes
      .filter((c) => c.after)
      .map((c) => c.path)
      .sort(),
    unchanged: [...plan.unchanged].sort(),
    removed: plan.changes
      .filter((c) => !c.after)
      .map((c) => c.path)
      .sort(),
    diff: '',
    notices,
  };
}

/** The output folder as the user named it, relative to cwd. */
export function shownFolder(target: OutputTarget): string {
  return shownRelative(target.outDir, target.cwd);
}

/** An output path (`types/A.d.ts`) as the user sees it: `generated/types/A.d.ts`. */
export function shownPath(target: OutputTarget, path: string): string {
  const folder = shownFolder(target);
  return folder === '.' ? path : `${folder}/${path}`;
}

/** A path under the real output folder, shown under the folder as the user named it. */
export function shownAbsolute(target: OutputTarget, path: string): string {
  const inside = relative(target.realOutDir, path);
  return inside.startsWith('..') ? path : shownPath(target, inside.split(sep).join('/'));
}
