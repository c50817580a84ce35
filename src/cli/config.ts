import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locatePointer } from '../diagnostics/position.js';
import { DEFAULT_LIMITS, LIMIT_NAMES, limitProblems } from '../limits.js';
import { formatOf, parseDocumentText } from '../load/parse-document.js';
import { readRegularFile } from '../load/read-file.js';
import type { GenerateOptions } from '../options.js';
import { joinPointer } from '../schema/pointer.js';
import { DIALECTS } from '../schema/dialect.js';
import { UNICODE_PATTERNS } from '../schema/patterns.js';

export const CONFIG_FILE_NAMES = ['schema-gen.config.json', 'schema-gen.config.yaml', 'schema-gen.config.yml'];

export interface ConfigFile {
  path: string;
  options: GenerateOptions;
}

type FieldCheck = (value: unknown) => boolean;
const isString: FieldCheck = (v) => typeof v === 'string';
const isStringList: FieldCheck = (v) => Array.isArray(v) && v.every(isString);
const isBoolean: FieldCheck = (v) => typeof v === 'boolean';
const oneOf = (...allowed: string[]): FieldCheck => (v) => typeof v === 'string' && allowed.includes(v);

const isStringMap: FieldCheck = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every(isString);

/**
 * Every setting, by name. A Map, not an object literal: a config key is user text, and
 * `__proto__`, `constructor` or `toString` must be unknown settings, not Object's members.
 */
const FIELDS = new Map<string, { check: FieldCheck; expected: string }>(Object.entries({
  inputs: { check: isStringList, expected: 'an array of paths or globs' },
  components: { check: isStringList, expected: 'an array of paths' },
  out: { check: isString, expected: 'a folder path' },
  templates: { check: isString, expected: 'a folder path' },
  additionalProperties: { check: oneOf('none', 'index'), expected: '"none" or "index"' },
  readonlyProperties: { check: isBoolean, expected: 'true or false' },
  formats: { check: oneOf('assert', 'annotate'), expected: '"assert" or "annotate"' },
  allErrors: { check: isBoolean, expected: 'true or false' },
  assumeTypes: { check: isBoolean, expected: 'true or false' },
  defaultDialect: { check: oneOf(...DIALECTS), expected: DIALECTS.map((d) => `"${d}"`).join(', ') },
  unicodePatterns: { check: oneOf(...UNICODE_PATTERNS), expected: UNICODE_PATTERNS.map((m) => `"${m}"`).join(' or ') },
  typesOnly: { check: isBoolean, expected: 'true or false' },
  bundle: { check: isBoolean, expected: 'true or false' },
  module: { check: oneOf('esm', 'cjs'), expected: '"esm" or "cjs"' },
  format: { check: isBoolean, expected: 'true or false' },
  allowRemote: { check: isBoolean, expected: 'true or false' },
  uriMap: { check: isStringMap, expected: 'an object of "<URL prefix>": "<folder>"' },
  limits: { check: (v) => limitProblems(v).length === 0, expected: `an object of positive integers, with keys among ${LIMIT_NAMES.join(', ')}` },
  names: { check: isStringMap, expected: 'an object of "<file>[#<pointer>]": "TypeName"' },
}));

/** Read and check a config file; every problem becomes a diagnostic pointing into it. */
export async function readConfigFile(path: string, displayPath: string): Promise<ConfigFile | Diagnostic[]> {
  // Read like a schema (a regular file, within the size cap), but from anywhere: the config is the user's own.
  const read = readRegularFile(path, DEFAULT_LIMITS.maxFileBytes);
  if (!read.ok) {
    const message = read.kind === 'refused' ? `the config file ${read.reason}` : 'cannot read the config file';
    return [{ severity: 'error', code: 'config-not-found', message, file: displayPath }];
  }
  const text = read.text;
  const format = formatOf(path);
  const parsed = parseDocumentText(text, format, displayPath);
  if (!parsed.ok) return [parsed.diagnostic];
  const json = parsed.json;
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return [{ severity: 'error', code: 'bad-config', message: 'the config file must hold an object', file: displayPath, line: 1, column: 1 }];
  }
  const problems: Diagnostic[] = [];
  for (const [key, value] of Object.entries(json)) {
    const field = FIELDS.get(key);
    const pointer = joinPointer('', key);
    const at = (message: string, hint?: string): Diagnostic => ({
      severity: 'error',
      code: 'bad-config',
      message,
      file: displayPath,
      pointer,
      ...locatePointer(text, format, pointer),
      ...(hint ? { hint } : {}),
    });
    if (!field) problems.push(at(`unknown setting "${key}"`, `known settings: ${[...FIELDS.keys()].join(', ')}`));
    else if (!field.check(value)) problems.push(at(`"${key}" must be ${field.expected}`));
  }
  if (problems.length > 0) return problems;
  return { path, options: toOptions(json as Record<string, never>, dirname(path)) };
}

function toOptions(config: Record<string, never>, base: string): GenerateOptions {
  const rel = (p: string) => resolve(base, p);
  const options: GenerateOptions = {};
  if (config.inputs) options.inputs = (config.inputs as string[]).map(rel);
  if (config.components) options.components = (config.components as string[]).map(rel);
  if (config.out) options.outDir = rel(config.out);
  if (config.templates) options.templatesDir = rel(config.templates);
  if (config.uriMap) options.uriMap = Object.fromEntries(Object.entries(config.uriMap as Record<string, string>).map(([prefix, dir]) => [prefix, rel(dir)]));
  for (const key of ['additionalProperties', 'readonlyProperties', 'formats', 'allErrors', 'assumeTypes', 'defaultDialect', 'unicodePatterns', 'names', 'typesOnly', 'format', 'allowRemote', 'module', 'bundle', 'limits'] as const) {
    if (config[key] !== undefined) (options as Record<string, unknown>)[key] = config[key];
  }
  return options;
}
