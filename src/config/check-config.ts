import { closest, distance } from 'fastest-levenshtein';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SettingPlace } from '../options.js';
import { joinPointer, parsePointer } from '../schema/pointer.js';
import { validateSchemaGenConfig, type SchemaGenConfig, type ValidationErrorObject } from './generated/index.js';
import { configSchema, settingNames } from './schema.js';

export type { SettingPlace };

/**
 * Check a config's settings with the validator schema-gen generated from its own
 * config.schema.json; each problem becomes a diagnostic at the key it concerns.
 */
export function checkConfig(value: unknown, placeOf: (pointer: string) => SettingPlace): { ok: true; config: SchemaGenConfig } | { ok: false; diagnostics: Diagnostic[] } {
  if (validateSchemaGenConfig(value)) return { ok: true, config: value };
  const errors = validateSchemaGenConfig.errors ?? [];
  // A property name that fails propertyNames is reported once, by the keyword inside it.
  const diagnostics = errors
    .filter((e) => !(e.keyword === 'propertyNames' && errors.some((other) => other !== e && (other as { propertyName?: unknown }).propertyName === e.params.propertyName)))
    .map((error) => toDiagnostic(error, placeOf));
  // The top level and its settings both require an object: one message is enough.
  const unique = diagnostics.filter((d, i) => diagnostics.findIndex((e) => e.pointer === d.pointer && e.message === d.message) === i);
  return { ok: false, diagnostics: sortByPlace(unique) };
}

function toDiagnostic(error: ValidationErrorObject, placeOf: (pointer: string) => SettingPlace): Diagnostic {
  const at = (pointer: string, message: string, hint?: string): Diagnostic => ({
    severity: 'error',
    code: 'bad-config',
    message,
    ...placeOf(pointer),
    ...(hint ? { hint } : {}),
  });
  const params = error.params;
  const unknown = params.unevaluatedProperty ?? params.additionalProperty;
  if (typeof unknown === 'string') {
    const known = knownKeysAt(error.instancePath);
    const suggestion = known.length > 0 ? closest(unknown, known) : undefined;
    const what = known === LIMIT_KEYS ? 'limit' : 'setting';
    const hint = `${suggestion && similar(unknown, suggestion) ? `did you mean "${suggestion}"? ` : ''}known ${what}s: ${known.join(', ')}`;
    return at(joinPointer(error.instancePath, unknown), `unknown ${what} "${unknown}"`, hint);
  }
  const propertyName = (error as { propertyName?: unknown }).propertyName;
  if (typeof propertyName === 'string') {
    const pointer = joinPointer(error.instancePath, propertyName);
    if (error.keyword === 'enum') return at(pointer, `"${propertyName}" is not ${describeKeyOf(error.instancePath)}`, `one of ${listOf(params.allowedValues)}`);
    return at(pointer, `"${propertyName}" is not a valid ${describeKeyOf(error.instancePath).replace(/^an? /, '')}: it ${error.message ?? 'is refused'}`);
  }
  const name = settingLabel(error.instancePath);
  switch (error.keyword) {
    case 'type':
      return at(error.instancePath, `${name} must be ${typePhrase(String(params.type))}`);
    case 'enum':
      return at(error.instancePath, `${name} must be ${listOf(params.allowedValues)}`);
    default:
      return at(error.instancePath, `${name} ${error.message ?? 'is not valid'}`);
  }
}

const LIMIT_KEYS = Object.keys((configSchema().$defs.settings.properties.limits as { properties: object }).properties);

/** The keys an object at `instancePath` may hold. */
function knownKeysAt(instancePath: string): string[] {
  const segments = parsePointer(instancePath) ?? [];
  if (segments.at(-1) === 'limits') return LIMIT_KEYS;
  // The top level also holds `$schema` and `targets`; a target holds settings only.
  return segments.length === 0 ? ['$schema', 'targets', ...settingNames()] : settingNames();
}

function describeKeyOf(instancePath: string): string {
  const last = (parsePointer(instancePath) ?? []).at(-1);
  if (last === 'warnings') return 'a warning code';
  if (last === 'targets') return 'a target name';
  return 'a valid key';
}

/** `"formats"`, or `"inputs" item 2` for an array element, or `target name` for a key. */
function settingLabel(instancePath: string): string {
  const segments = parsePointer(instancePath) ?? [];
  const last = segments.at(-1);
  if (last === undefined) return 'the config';
  if (/^\d+$/.test(last) && segments.length > 1) return `"${segments.at(-2)}" item ${last}`;
  return `"${last}"`;
}

function typePhrase(type: string): string {
  switch (type) {
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
    case 'integer':
      return 'an integer';
    default:
      return `a ${type}`;
  }
}

/** `"a", "b" or "c"`. */
function listOf(values: unknown): string {
  const quoted = (Array.isArray(values) ? values : []).map((v) => JSON.stringify(v));
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/** Close enough to be a slip: a few edits (at most a third of the longer word), or one word starting the other (`output`, `out`). */
function similar(a: string, b: string): boolean {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  if (Math.min(x.length, y.length) >= 3 && (x.startsWith(y) || y.startsWith(x))) return true;
  return distance(x, y) <= Math.max(2, Math.floor(Math.max(x.length, y.length) / 3));
}

function sortByPlace(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
