import { join, sep } from 'node:path';

/** The manifest: which files of the output folder schema-gen wrote, with their hashes (checked in). */
export const MANIFEST_FILE = '.schema-gen-manifest.json';
/** Where a run stages its files and holds its lock; git-ignored, and gone after every run. */
export const STAGING_FOLDER = '.schema-gen-staging';

export { isReservedName } from '../paths/output-path.js';

/** Absolute paths of everything a run keeps in (the real path of) one output folder. */
export interface OutputLayout {
  /** The output folder, symlinks resolved. */
  outDir: string;
  manifest: string;
  staging: string;
  lock: string;
  /** Held only while a stale lock is being taken over, so two runs cannot both take it. */
  lockTakeover: string;
  journal: string;
  /** The new files of the run, at their paths relative to the output folder. */
  newFiles: string;
  /** Hard links to (or copies of) the files the run replaces or removes, for rolling back. */
  backups: string;
  gitignore: string;
}

export function outputLayout(outDir: string): OutputLayout {
  const staging = join(outDir, STAGING_FOLDER);
  return {
    outDir,
    manifest: join(outDir, MANIFEST_FILE),
    staging,
    lock: join(staging, 'lock'),
    lockTakeover: join(staging, 'lock.takeover'),
    journal: join(staging, 'journal.json'),
    newFiles: join(staging, 'new'),
    backups: join(staging, 'old'),
    gitignore: join(staging, '.gitignore'),
  };
}

/** `relative` (a `/`-separated output path, already checked to stay inside) under `root`. */
export function under(root: string, relative: string): string {
  return sep === '/' ? `${root}/${relative}` : join(root, ...relative.split('/'));
}
