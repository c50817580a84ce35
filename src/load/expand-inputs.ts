import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

const SCHEMA_FILES = '**/*.{json,yaml,yml}';
/** Files a project folder holds that are never schemas (for `schema-gen .`). */
const NOT_SCHEMAS = ['**/node_modules/**', '**/package.json', '**/package-lock.json', '**/tsconfig*.json', '**/schema-gen.config.*'];

export interface ExpandedInputs {
  /** Absolute file paths, sorted so that output never depends on directory order. */
  files: string[];
  /** Absolute directories the inputs came from: refs may not leave them. */
  roots: string[];
  diagnostics: Diagnostic[];
}

/**
 * Files, folders and glob patterns → the schema files they name. Folders and patterns
 * never pick up `node_modules` or the output folder, and folders skip package.json,
 * tsconfig and our config (`schema-gen .` must not read its own output or the project's
 * files); a file named explicitly is always taken.
 */
export async function expandInputs(inputs: readonly string[], cwd: string, outDir?: string): Promise<ExpandedInputs> {
  const skipped = (path: string) => path.split(sep).includes('node_modules') || (outDir !== undefined && isInside(outDir, path));
  const files = new Set<string>();
  const roots = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const input of inputs) {
    if (isDynamicPattern(input)) {
      const matches = await glob(input, { cwd, absolute: true, onlyFiles: true });
      if (matches.length === 0) diagnostics.push(notFound(input, 'the pattern matches no file'));
      matches.map((m) => resolve(m)).filter((m) => !skipped(m)).forEach((m) => files.add(m));
      roots.add(resolve(cwd, globBase(input)));
      continue;
    }
    const path = resolve(cwd, input);
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      diagnostics.push(notFound(input, 'no such file or folder'));
    } else if (info.isDirectory()) {
      const matches = (await glob(SCHEMA_FILES, { cwd: path, absolute: true, onlyFiles: true, ignore: NOT_SCHEMAS }))
        .map((m) => resolve(m))
        .filter((m) => !skipped(m));
      if (matches.length === 0) diagnostics.push(notFound(input, 'the folder holds no .json, .yaml or .yml file'));
      matches.forEach((m) => files.add(m));
      roots.add(path);
    } else {
      files.add(path);
      roots.add(resolve(path, '..'));
    }
  }
  return { files: [...files].sort(), roots: [...roots].sort(), diagnostics };
}

function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The folder a glob pattern starts from: `api/v1/*.json` → `api/v1`. */
export function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const firstDynamic = parts.findIndex((p) => isDynamicPattern(p));
  return parts.slice(0, firstDynamic).join('/') || '.';
}

function notFound(input: string, why: string): Diagnostic {
  return { severity: 'error', code: 'input-not-found', message: `input "${input}": ${why}`, file: input };
}
