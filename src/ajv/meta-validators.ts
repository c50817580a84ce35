import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject } from 'ajv';
import { DRAFTS, META_SCHEMA_URIS, type Draft } from '../schema/dialect.js';
import { newAjvFor } from './dialects.js';

/**
 * The options each draft's meta-schema validator is made with, for the meta-schema check
 * (src/resolve/schema-problems.ts): every mistake of a schema (`allErrors`), its formats
 * not asserted, nothing refused for strictness. `npm run build` precompiles with exactly
 * these (scripts/build-meta-validators.js), and its record says so.
 */
export const META_CHECK_OPTIONS = { strict: false, validateFormats: false, allErrors: true } as const;

/** A validator of one draft's meta-schema, as ajv makes it: the verdict, and the errors of the last call. */
export interface MetaValidator {
  (schema: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/**
 * Where `npm run build` writes the precompiled validators: dist/meta-schema-validators/.
 * Under the tests the code runs from src/, where there are none: each draft's
 * meta-schema is then compiled at run time (the same code, ~50 ms for 2020-12).
 */
export const PRECOMPILED_FOLDER = fileURLToPath(new URL('../meta-schema-validators/', import.meta.url));
export const RECORD_FILE = 'record.json';

/** The packages whose code writes the validators (ajv's standalone, ajv-draft-04's class) and runs them (ajv's `equal`). */
const GENERATING_PACKAGES = ['ajv', 'ajv-draft-04'] as const;

/** What the build records beside the modules: which packages wrote them, with which options, in which files. */
export interface PrecompiledRecord {
  packages: Record<string, string>;
  options: typeof META_CHECK_OPTIONS;
  modules: Record<Draft, string>;
}

const require = createRequire(import.meta.url);

/** The record a build with the packages installed here, and this code's options, writes (and a run expects). */
export function expectedRecord(): PrecompiledRecord {
  const packages = Object.fromEntries(GENERATING_PACKAGES.map((name) => [name, (require(`${name}/package.json`) as { version: string }).version]));
  const modules = Object.fromEntries(DRAFTS.map((draft) => [draft, `${draft}.cjs`])) as Record<Draft, string>;
  return { packages, options: META_CHECK_OPTIONS, modules };
}

/** Each draft's validator compiled at run time, as ajv's `validateSchema` would compile it for a schema of that draft. */
export function compiledMetaValidator(draft: Draft): MetaValidator {
  const validate = newAjvFor(draft, { ...META_CHECK_OPTIONS }).getSchema(META_SCHEMA_URIS[draft]);
  if (!validate) throw new Error(`ajv holds no meta-schema ${META_SCHEMA_URIS[draft]}`);
  return validate as MetaValidator;
}

/**
 * The precompiled validators in `folder`, loaded on first use of each draft; `undefined`
 * where there are none, or where another ajv (or other options) wrote them than this
 * code would use: the run-time compile then answers, as it always could. A record that
 * matches but a module that is missing or not a validator is a broken build: thrown.
 */
export function precompiledMetaValidators(folder: string): ((draft: Draft) => MetaValidator) | undefined {
  let record: string;
  try {
    record = readFileSync(join(folder, RECORD_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const expected = expectedRecord();
  if (record.trim() !== JSON.stringify(expected)) return undefined;
  const loaded = new Map<Draft, MetaValidator>();
  return (draft) => {
    let validate = loaded.get(draft);
    if (!validate) {
      const module: unknown = require(join(folder, expected.modules[draft]));
      if (typeof module !== 'function') throw new Error(`${join(folder, expected.modules[draft])} exports no validator`);
      loaded.set(draft, (validate = module as MetaValidator));
    }
    return validate;
  };
}

let precompiled: ((draft: Draft) => MetaValidator) | null | undefined;
const compiled = new Map<Draft, MetaValidator>();

/** The validator of `draft`'s meta-schema this run checks with: the build's precompiled one, else one compiled now (once per process). */
export function metaValidatorFor(draft: Draft): MetaValidator {
  if (precompiled === undefined) precompiled = precompiledMetaValidators(PRECOMPILED_FOLDER) ?? null;
  if (precompiled) return precompiled(draft);
  let validate = compiled.get(draft);
  if (!validate) compiled.set(draft, (validate = compiledMetaValidator(draft)));
  return validate;
}

/** Where this build's meta-schema validators come from: what a test of the built code observes. */
export function metaValidatorOrigin(): 'precompiled' | 'compiled at run time' {
  if (precompiled === undefined) precompiled = precompiledMetaValidators(PRECOMPILED_FOLDER) ?? null;
  return precompiled ? 'precompiled' : 'compiled at run time';
}
