import { realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { failureOf, readRegularFile, type FileRead } from './read-file.js';

/**
 * Folders a run may read from, by real path (symlinks resolved), and the words that
 * name them in messages ("the input folders", "the folder mapped to https://…/").
 */
export interface AllowedRoots {
  realPaths: readonly string[];
  description: string;
}

/** `path` with every symlink resolved, or `undefined` when it does not exist (or cannot be resolved). */
export function realPathOf(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Read a file only if its real path lies in an allowed root: a symlink (anywhere on
 * the path) whose target leaves them is refused before anything is opened. Callers
 * check the path as written first; what this adds is the symlink check.
 */
export function readConfinedFile(path: string, roots: AllowedRoots, maxBytes: number): FileRead {
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch (error) {
    return failureOf(error);
  }
  if (!roots.realPaths.some((root) => isInside(root, real))) {
    return { ok: false, kind: 'refused', reason: `is reached through a symbolic link that leads outside ${roots.description}` };
  }
  return readRegularFile(real, maxBytes, { resolvedPath: true });
}
