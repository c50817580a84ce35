import { statSync, type Stats } from 'node:fs';
import { resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { isDynamicPattern } from 'tinyglobby';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isInside, realPathOf, type AllowedRoots } from './confinement.js';
import { failureOf } from './read-file.js';
import { walkFolder } from './walk-folder.js';
import { globBase } from '../paths/glob-base.js';

const SCHEMA_FILE = /\.(json|ya?ml)$/i;

export interface ExpandedInputs {
  /** Absolute file paths as written, sorted so that output never depends on directory order. */
  files: string[];
  /** Absolute directories the inputs came from, as written: refs may not leave them. */
  roots: string[];
  /** The same directories by real path: what a file's real path is checked against. */
  allowed: AllowedRoots;
  /** Symlinks found in input folders that lead outside them (each reported in `diagnostics`). */
  refused: string[];
  /** Real paths of files a folder listing showed as regular files: no need to resolve them again. */
  realFiles: Map<string, string>;
  /** Files named one by one: read as schemas whatever they hold (the others only if they hold one, see `holdsSchema`). */
  named: Set<string>;
  diagnostics: Diagnostic[];
}

type Input = { kind: 'pattern'; input: string; base: string } | { kind: 'folder' | 'file'; input: string; path: string };

/**
 * Files, folders and glob patterns → the schema files they name. Folders and patterns
 * never pick up `node_modules`, hidden entries or the output folder (`schema-gen .` must
 * not read its own output); whether a file they find holds a schema (a project's
 * package.json does not, SchemaStore's does) is decided by its content at load. A file
 * named explicitly is always taken. Roots (folders named, folders of
 * files named, the fixed part of patterns) are known before any folder is walked, so a
 * symlink from one input folder into another is allowed and one leading elsewhere is not.
 */
export async function expandInputs(inputs: readonly string[], cwd: string, outDir?: string, display = (path: string) => path): Promise<ExpandedInputs> {
  const diagnostics: Diagnostic[] = [];
  const classified: Input[] = [];
  for (const input of inputs) {
    if (isDynamicPattern(input)) {
      classified.push({ kind: 'pattern', input, base: resolve(cwd, globBase(input)) });
      continue;
    }
    const path = resolve(cwd, input);
    const info = statOrReason(path);
    if (typeof info === 'string') diagnostics.push(notFound(input, info));
    else classified.push({ kind: info.isDirectory() ? 'folder' : 'file', input, path });
  }
  const roots = [...new Set(classified.map((c) => (c.kind === 'pattern' ? c.base : c.kind === 'folder' ? c.path : resolve(c.path, '..'))))].sort();
  const allowed: AllowedRoots = { realPaths: roots.flatMap((root) => realPathOf(root) ?? []), description: 'the input folders' };

  const skipped = (path: string) => path.split(sep).includes('node_modules') || (outDir !== undefined && isInside(outDir, path));
  const files = new Set<string>();
  const refused: string[] = [];
  const realFiles = new Map<string, string>();
  const named = new Set<string>();
  for (const item of classified) {
    if (item.kind === 'file') {
      files.add(item.path);
      named.add(item.path);
      continue;
    }
    const walked = walkFolder({
      base: item.kind === 'pattern' ? item.base : item.path,
      ...(item.kind === 'pattern' ? patternMatcher(item.input) : { accept: (rel: string) => SCHEMA_FILE.test(rel), maxDepth: Infinity }),
      skipFolder: skipped,
      allowed,
      display,
    });
    diagnostics.push(...walked.diagnostics);
    refused.push(...walked.refused);
    walked.realFiles.forEach((real, path) => realFiles.set(path, real));
    const matches = walked.files.filter((path) => !skipped(path));
    if (matches.length === 0 && walked.diagnostics.length === 0) {
      diagnostics.push(notFound(item.input, item.kind === 'pattern' ? 'the pattern matches no file' : 'the folder holds no .json, .yaml or .yml file'));
    }
    matches.forEach((path) => files.add(path));
  }
  return { files: [...files].sort(), roots, allowed, refused, realFiles, named, diagnostics };
}

/** The part of a pattern below its fixed folder, as a matcher of paths below that folder. */
function patternMatcher(pattern: string): { accept: (relativePath: string) => boolean; maxDepth: number } {
  const base = globBase(pattern);
  const rest = base === '.' && !pattern.startsWith('./') ? pattern : pattern.slice(base.length).replace(/^\/+/, '');
  const segments = rest.split('/');
  return {
    accept: picomatch(rest, { dot: false }),
    maxDepth: segments.some((s) => s.includes('**')) ? Infinity : segments.length - 1,
  };
}

function statOrReason(path: string): Stats | string {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? 'no such file or folder';
  } catch (error) {
    const read = failureOf(error);
    return read.ok || read.kind === 'missing' ? 'no such file or folder' : read.reason;
  }
}

function notFound(input: string, why: string): Diagnostic {
  return { severity: 'error', code: 'input-not-found', message: `input "${input}": ${why}`, file: input };
}
