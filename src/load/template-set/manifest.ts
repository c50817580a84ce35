import type { ErrorObject, ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnosticAt, type DiagnosticSource } from '../../diagnostics/at-location.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { Ajv2020 } from '../../ajv/modules.js';
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
    const ajv = new Ajv2020({ allErrors: true, strict: false });
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
  const meaningful = errors.filter((e) => e.keyword !== 'oneOf' && !(e.keyword === 'type' && e.params.type === 'null' && errors.some((o) => o !== e && o.instancePath === e.instancePath)));
  const deepest = meaningful.filter((e) => !meaningful.some((o) => o.instancePath.startsWith(`${e.instancePath}/`)));
  const typesAt = new Map<string, string[]>();
  for (const error of deepest) {
    const at = error.instancePath;
    switch (error.keyword) {
      case 'type': {
        const list = typesAt.get(at) ?? [];
        if (list.length === 0) problems.push({ pointer: at, message: '' });
        list.push(String(error.params.type));
        typesAt.set(at, list);
        break;
      }
      case 'additionalProperties': {
        const key = String(error.params.additionalProperty);
        const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
        problems.push({ pointer: joinPointer(at, key), message: `unknown field "${key}"`, hint: `known fields here: ${allowed.join(', ')}` });
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
        // A name that fails its pattern is reported by the propertyNames error that follows.
        if (error.propertyName === undefined) problems.push({ pointer: at, message: 'must name a .mustache, .mjs or .js file inside the set\'s folder ("/"-separated, no "." or ".." segment)' });
        break;
      case 'propertyNames':
        problems.push({ pointer: joinPointer(at, String(error.params.propertyName)), message: `the name "${String(error.params.propertyName)}" may hold only letters, digits${at === '/files' ? ' and "-"' : ', "_" and "-"'}, starting with a letter` });
        break;
      default:
        // The name check reports its own failing pattern again; the propertyNames error says it.
        if (error.propertyName !== undefined) break;
        problems.push({ pointer: at, message: error.message ?? 'is not valid' });
    }
  }
  for (const problem of problems) {
    if (problem.message === '') problem.message = `must be ${typesAt.get(problem.pointer)!.map(article).join(' or ')}`;
  }
  return problems;
}

function article(type: string): string {
  if (type === 'null') return 'null';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
