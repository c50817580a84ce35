import { DIALECTS } from './dialect.js';
import { vocabularyOf } from './keywords/index.js';
import { isContainerDocument, isSchemaObject } from './walk.js';

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null', 'array', 'object']);

/** Every keyword of every dialect, with its role. */
const KEYWORD_ROLES = new Map(DIALECTS.flatMap((d) => vocabularyOf(d).names.map((name) => [name, vocabularyOf(d).keyword(name)!.facts.role] as const)));

/**
 * Whether a JSON (or YAML) document found in an input folder holds a schema. Folders of
 * schemas hold other JSON too — an npm manifest, a tsconfig, a CI workflow — and public
 * catalogues hold schemas *named* `package.json` or `tsconfig.json`, so the name cannot
 * tell: the content does. A document is a schema when it is a boolean, an OpenAPI
 * document, names a dialect or id, has a keyword that constrains values (with a value
 * of the right shape: `"type": "module"` is no JSON Schema type), or has nothing but
 * keywords (`{}` and `{"title": "Anything"}` are schemas).
 */
export function holdsSchema(json: unknown): boolean {
  if (typeof json === 'boolean') return true;
  if (!isSchemaObject(json)) return false;
  if (isContainerDocument(json)) return true;
  const keys = Object.keys(json);
  if (keys.some((key) => constrains(key, json[key]))) return true;
  return keys.every((key) => key.startsWith('x-') || KEYWORD_ROLES.has(key));
}

function constrains(key: string, value: unknown): boolean {
  const role = KEYWORD_ROLES.get(key);
  if (role === undefined || role === 'annotation') return false;
  if (key === 'type') return typeof value === 'string' ? JSON_TYPES.has(value) : Array.isArray(value) && value.length > 0 && value.every((t) => typeof t === 'string' && JSON_TYPES.has(t));
  if (key === '$schema' || key === '$id' || key === '$ref') return typeof value === 'string';
  if (key === 'required' || key === 'enum') return Array.isArray(value);
  if (role === 'applicator' || role === 'definitions') return typeof value === 'boolean' || isSchemaObject(value) || Array.isArray(value);
  return role === 'assertion' || role === 'reference';
}
