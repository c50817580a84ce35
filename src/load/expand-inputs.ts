import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

const SCHEMA_FILES = '**/*.{json,yaml,yml}';

export interface ExpandedInputs {
  /** Absolute file paths, sorted so that output never depends on directory order. */
  files: string[];
  /** Absolute directories the inputs came from: refs may not leave them. */
  roots: string[];
  diagnostics: Diagnostic[];
}

/** Files, folders and glob patterns → the schema files they name. */
export async function expandInputs(inputs: readonly string[], cwd: string): Promise<ExpandedInputs> {
  const files = new Set<string>();
  const roots = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const input of inputs) {
    if (isDynamicPattern(input)) {
      const matches = await glob(input, { cwd, absolute: true, onlyFiles: true });
      if (matches.length === 0) diagnostics.push(notFound(input, 'the pattern matches no file'));
      matches.forEach((m) => files.add(resolve(m)));
      roots.add(resolve(cwd, globBase(input)));
      continue;
    }
    const path = resolve(cwd, input);
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      diagnostics.push(notFound(input, 'no such file or folder'));
    } else if (info.isDirectory()) {
      const matches = await glob(SCHEMA_FILES, { cwd: path, absolute: true, onlyFiles: true });
      if (matches.length === 0) diagnostics.push(notFound(input, 'the folder holds no .json, .yaml or .yml file'));
      matches.forEach((m) => files.add(resolve(m)));
      roots.add(path);
    } else {
      files.add(path);
      roots.add(resolve(path, '..'));
    }
  }
  return { files: [...files].sort(), roots: [...roots].sort(), diagnostics };
}

function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const firstDynamic = parts.findIndex((p) => isDynamicPattern(p));
  return parts.slice(0, firstDynamic).join('/') || '.';
}

function notFound(input: string, why: string): Diagnostic {
  return { severity: 'error', code: 'input-not-found', message: `input "${input}": ${why}`, file: input };
}
