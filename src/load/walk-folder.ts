import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isInside, realPathOf, type AllowedRoots } from './confinement.js';

export interface FolderWalk {
  /** Absolute folder to start from, as written. */
  base: string;
  /** Whether a file, by its `/`-separated path below `base`, is wanted. */
  accept: (relativePath: string) => boolean;
  /** Folder levels below `base` worth entering (`Infinity` for `**` patterns and folders). */
  maxDepth: number;
  /** Folders never entered (node_modules, the output folder). */
  skipFolder: (absolutePath: string) => boolean;
  allowed: AllowedRoots;
  display: (absolutePath: string) => string;
}

export interface WalkedFolder {
  files: string[];
  /** Real paths of the files the listing showed as regular files (not links): read without resolving again. */
  realFiles: Map<string, string>;
  /** Symlinks that lead outside the allowed roots (each reported in `diagnostics`). */
  refused: string[];
  diagnostics: Diagnostic[];
}

/**
 * The files below a folder, without following a symlink out of the allowed roots: a
 * symlinked file or folder whose target leaves them is reported, never read or
 * entered (so a link to `/` cannot make us walk the disk). Links inside the roots
 * are followed, loops among them entered once. Hidden entries (`.git`) are skipped,
 * as glob patterns do. Iterative, so folder depth costs no stack.
 */
export function walkFolder(walk: FolderWalk): WalkedFolder {
  const files: string[] = [];
  const realFiles = new Map<string, string>();
  const refused: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const baseReal = realPathOf(walk.base);
  if (baseReal === undefined) return { files, realFiles, refused, diagnostics };
  const pending = [{ path: walk.base, relative: '', depth: 0, ancestors: [baseReal] }];
  for (let folder = pending.pop(); folder; folder = pending.pop()) {
    for (const entry of listFolder(folder.path)) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder.path, entry.name);
      const relative = folder.relative ? `${folder.relative}/${entry.name}` : entry.name;
      const enter = (real: string) => {
        if (folder.depth >= walk.maxDepth || walk.skipFolder(path) || folder.ancestors.includes(real)) return;
        pending.push({ path, relative, depth: folder.depth + 1, ancestors: [...folder.ancestors, real] });
      };
      const folderReal = folder.ancestors[folder.ancestors.length - 1]!;
      if (entry.isDirectory()) {
        enter(join(folderReal, entry.name));
        continue;
      }
      if (!entry.isSymbolicLink()) {
        // Regular files, and FIFOs or devices with a schema's name: reading refuses the latter.
        if (!walk.accept(relative)) continue;
        files.push(path);
        if (entry.isFile()) realFiles.set(path, join(folderReal, entry.name));
        continue;
      }
      const real = realPathOf(path);
      if (real === undefined) continue; // a dangling link names nothing
      const isFolder = isFolderPath(real);
      if (isFolder ? folder.depth >= walk.maxDepth || walk.skipFolder(path) : !walk.accept(relative)) continue;
      if (!walk.allowed.realPaths.some((root) => isInside(root, real))) {
        refused.push(path);
        diagnostics.push({
          severity: 'error',
          code: 'refused-input',
          message: `is a symbolic link to a ${isFolder ? 'folder' : 'file'} outside ${walk.allowed.description}; ${isFolder ? 'its files are' : 'it is'} not read`,
          file: walk.display(path),
          hint: 'name the target as an input if it is meant to be one',
        });
      } else if (isFolder) {
        enter(real);
      } else {
        files.push(path);
      }
    }
  }
  return { files, realFiles, refused, diagnostics };
}

function isFolderPath(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // then it is read as a file, and reading says why it cannot be
  }
}

function listFolder(path: string): Dirent[] {
  try {
    return readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return []; // unreadable folders hold nothing we can use; named inputs are checked apart
  }
}
