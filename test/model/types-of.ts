import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildOutput, type Diagnostic, type GenerateOptions } from '../../src/index.js';
import { withTempDir } from '../helpers/temp-dir.js';

export interface GeneratedTypes {
  /** Each declaration by type name, doc comment included, without the banner and imports. */
  types: Record<string, string>;
  /** Every file of the output, by path. */
  files: Record<string, string>;
  diagnostics: Diagnostic[];
}

/**
 * Write `files` (objects as pretty JSON, strings as they are) under a fresh folder and
 * build the types of `schemas/` in memory (types only: the model is what is tested).
 */
export function typesOf(files: Record<string, unknown>, options: GenerateOptions = {}): Promise<GeneratedTypes> {
  return withTempDir(async (dir) => {
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    }
    const built = await buildOutput({ cwd: dir, inputs: ['schemas'], outDir: 'out', typesOnly: true, ...options });
    const types: Record<string, string> = {};
    for (const file of built.files) {
      const name = /^types\/(\w+)\.d\.ts$/.exec(file.path)?.[1];
      if (name)
        types[name] = file.content
          .replace(/^\/\/.*\n/, '')
          .replace(/^import type .*\n/gm, '')
          .trim();
    }
    return { types, files: Object.fromEntries(built.files.map((f) => [f.path, f.content])), diagnostics: built.diagnostics };
  });
}

/** The diagnostics of `code`, as `pointer: message` lines. */
export const diagnosticsOf = (result: GeneratedTypes, code: string) => result.diagnostics.filter((d) => d.code === code).map((d) => `${d.pointer}: ${d.message}`);

/** A declaration with doc comments dropped and whitespace collapsed, for comparing shapes. */
export const shapeOf = (declaration: string | undefined) =>
  (declaration ?? '')
    .replace(/\/\*\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .trim();

export const DRAFT_04 = 'http://json-schema.org/draft-04/schema#';
export const DRAFT_06 = 'http://json-schema.org/draft-06/schema#';
export const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
export const DRAFT_2019_09 = 'https://json-schema.org/draft/2019-09/schema';
export const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';
