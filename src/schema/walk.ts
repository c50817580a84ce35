import { joinPointer } from './pointer.js';

/** Keywords whose value is one subschema. */
const SINGLE = [
  'additionalProperties', 'items', 'contains', 'propertyNames', 'not', 'if', 'then', 'else',
  'unevaluatedItems', 'unevaluatedProperties', 'additionalItems', 'contentSchema',
];
/** Keywords whose value is an array of subschemas. */
const ARRAY = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
/** Keywords whose value maps names to subschemas. */
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies'];

export type SchemaObject = Record<string, unknown>;

export function isSchemaObject(value: unknown): value is SchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Visit every subschema of `schema` (itself included), depth-first; `visit` returns the
 * context its children see (the base URI, say).
 * Only schema keywords are followed: a `$ref` key inside `enum`, `const` or
 * `examples` is data, not a reference.
 */
export function walkSchema<C>(
  schema: unknown,
  pointer: string,
  context: C,
  visit: (schema: SchemaObject, pointer: string, context: C) => C,
): void {
  if (!isSchemaObject(schema)) return;
  const inner = visit(schema, pointer, context);
  for (const [sub, subPointer] of subschemasOf(schema, pointer)) walkSchema(sub, subPointer, inner, visit);
}

/** The direct subschemas of a schema with their pointers, in document order of keywords. */
export function subschemasOf(schema: SchemaObject, pointer: string): [unknown, string][] {
  const found: [unknown, string][] = [];
  for (const key of SINGLE) {
    if (key in schema && !Array.isArray(schema[key])) found.push([schema[key], joinPointer(pointer, key)]);
  }
  for (const key of ARRAY) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((sub, i) => found.push([sub, joinPointer(pointer, key, i)]));
  }
  // Draft 4-7 `items: [..]` tuple form.
  if (Array.isArray(schema.items)) schema.items.forEach((sub, i) => found.push([sub, joinPointer(pointer, 'items', i)]));
  for (const key of MAP) {
    const map = schema[key];
    if (!isSchemaObject(map)) continue;
    for (const name of Object.keys(map)) {
      if (key === 'dependencies' && Array.isArray(map[name])) continue;
      found.push([map[name], joinPointer(pointer, key, name)]);
    }
  }
  return found;
}

/**
 * Where the schemas of a document are. A plain schema file is one schema at its root;
 * an OpenAPI document holds schemas under `components.schemas` (and may have `$defs`).
 * A `--components` document is always read as such a container (`asContainer`).
 */
export function schemaRootsOf(json: unknown, asContainer = false): { pointer: string; schema: unknown }[] {
  if (!isSchemaObject(json)) return typeof json === 'boolean' && !asContainer ? [{ pointer: '', schema: json }] : [];
  if (!asContainer && !isContainerDocument(json)) return [{ pointer: '', schema: json }];
  const roots: { pointer: string; schema: unknown }[] = [];
  const components = json.components;
  if (isSchemaObject(components) && isSchemaObject(components.schemas)) {
    for (const [name, schema] of Object.entries(components.schemas)) {
      roots.push({ pointer: joinPointer('', 'components', 'schemas', name), schema });
    }
  }
  for (const key of ['$defs', 'definitions']) {
    const defs = json[key];
    if (isSchemaObject(defs)) {
      for (const [name, schema] of Object.entries(defs)) roots.push({ pointer: joinPointer('', key, name), schema });
    }
  }
  return roots;
}

/** An OpenAPI (or Swagger) document, or a bare `{components: {schemas}}` bundle: not itself a schema. */
export function isContainerDocument(json: SchemaObject): boolean {
  return 'openapi' in json || 'swagger' in json || ('components' in json && !('type' in json) && !('properties' in json));
}
