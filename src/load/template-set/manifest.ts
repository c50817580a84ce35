import type { ErrorObject, ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { diagnosticAt, type DiagnosticSource } from '../../diagnostics/at-location.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { joinPointer } from '../../schema/pointer.js';
import { PACKAGE_ROOT } from '../assets.js';

/** The manifest of a template set, `templates.json` (see templates/schema/templates.schema.json). */
export interface TemplateSetManifest {
  extends?: 'default';
  partials?: Record<string, string | null>;
  files: Record<string, Partial<ManifestEntry> | null>;
}

export interface ManifestEntry {
  template: string;
  each: 'schema' | 'run' | 'runtimeHelper';
  path: string;
  validators?: boolean;
  esModule?: boolean;
  source?: string;
}

export const MANIFEST_NAME = 'templates.json';
export const MANIFEST_SCHEMA_FILE = join(PACKAGE_ROOT, 'templates', 'schema', 'templates.schema.json');

let validate: ValidateFunction | undefined;

/**
 * Check a parsed manifest against the manifest schema shipped with the package; each
 * problem is a diagnostic at its key, with line and column. Compiled on first use: only
 * runs with a set of their own read a manifest that needs checking.
 */
export function manifestProblems(json: unknown, source: DiagnosticSource): Diagnostic[] {
  if (!validate) {
    // Only a user's set is checked (schema-gen's own is checked by its tests): most runs never load ajv here.
    const Ajv2020 = (createRequire(import.meta.url)('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')).default;
    const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
    validate = ajv.compile(JSON.parse(readFileSync(MANIFEST_SCHEMA_FILE, 'utf8')) as object);
  }
  if (validate(json)) return [];
  return readableErrors(validate.errors ?? []).map(({ pointer, message, hint }) =>
    diagnosticAt(source, pointer, { severity: 'error', code: 'bad-template-manifest', message, ...(hint ? { hint } : {}) }),
  );
}

interface Problem {
  pointer: string;
  message: string;
  hint?: string;
}

/**
 * ajv's errors, one per place and said plainly. An entry may be an object or `null`, so
 * a wrong entry fails both branches: only the deepest errors are kept (the field that is
 * wrong, not "must match exactly one schema" at its parent), and wrong types at one
 * place are said once.
 */
function readableErrors(errors: ErrorObject[]): Problem[] {
  const problems: Problem[] = [];
  // Where each error is about: an unknown or misnamed key is about that key.
  const located = errors
    .filter((e) => e.keyword !== 'oneOf' && !(e.keyword === 'pattern' && e.propertyName !== undefined))
    .map((error) => {
      const key = error.keyword === 'additionalProperties' ? error.params.additionalProperty : error.keyword === 'propertyNames' ? error.params.propertyName : undefined;
      return { error, at: key === undefined ? error.instancePath : joinPointer(error.instancePath, String(key)) };
    });
  const deepest = located.filter(({ error, at }) => error.keyword === 'propertyNames' || !located.some((o) => o.at.startsWith(`${at}/`)));
  const typesAt = new Map<string, string[]>();
  for (const { error, at } of deepest) {
    switch (error.keyword) {
      case 'type': {
        const list = typesAt.get(at) ?? [];
        if (list.length === 0) problems.push({ pointer: at, message: '' });
        list.push(String(error.params.type));
        typesAt.set(at, list);
        break;
      }
      case 'additionalProperties': {
        const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
        problems.push({ pointer: at, message: `unknown field "${String(error.params.additionalProperty)}"`, hint: `known fields here: ${allowed.join(', ')}` });
        break;
      }
      case 'required':
        problems.push({ pointer: at, message: `missing "${String(error.params.missingProperty)}"` });
        break;
      case 'enum':
        problems.push({ pointer: at, message: `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` });
        break;
      case 'const':
        problems.push({ pointer: at, message: `must be ${JSON.stringify(error.params.allowedValue)}` });
        break;
      case 'pattern':
        problems.push({ pointer: at, message: 'must name a .mustache, .mjs or .js file inside the set\'s folder ("/"-separated, no "." or ".." segment)' });
        break;
      case 'propertyNames': {
        const name = String(error.params.propertyName);
        problems.push({ pointer: at, message: `the name "${name}" may hold only letters, digits${error.instancePath === '/files' ? ' and "-"' : ', "_" and "-"'}, starting with a letter` });
        break;
      }
      default:
        problems.push({ pointer: at, message: error.message ?? 'is not valid' });
    }
  }
  for (const problem of problems) {
    if (problem.message === '') problem.message = `must be ${typesAt.get(problem.pointer)!.map(article).join(' or ')}`;
  }
  return problems.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}

function article(type: string): string {
  if (type === 'null') return 'null';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
