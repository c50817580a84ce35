import { DEFAULT_DIALECT, dialectOfMetaSchema, dialectOfOpenApiVersion, type Dialect } from './dialect.js';
import { vocabularyOf, type Keyword } from './keywords/index.js';
import { joinPointer } from './pointer.js';

export type SchemaObject = Record<string, unknown>;

export function isSchemaObject(value: unknown): value is SchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Visit every subschema of `schema` (itself included), depth-first; `visit` returns the
 * context its children see (the base URI, say) and is told the dialect each schema is
 * read in, and the pointer of the schema it is a subschema of (none for `schema`). Only the dialect's schema keywords are followed: a `$ref` key inside `enum`,
 * `const`, `examples` or an unknown keyword is data, not a reference. An embedded
 * resource (`$id` with its own `$schema`) switches the dialect for itself and below.
 */
export function walkSchema<C>(
  schema: unknown,
  pointer: string,
  context: C,
  visit: (schema: SchemaObject, pointer: string, context: C, dialect: Dialect, parentPointer: string | undefined) => C,
  dialect: Dialect = DEFAULT_DIALECT,
  parentPointer?: string,
): void {
  if (!isSchemaObject(schema)) return;
  const here = embeddedDialect(schema, dialect);
  const inner = visit(schema, pointer, context, here, parentPointer);
  for (const [sub, subPointer] of subschemasOf(schema, pointer, here)) walkSchema(sub, subPointer, inner, visit, here, pointer);
}

/** The dialect a schema is read in: its own `$schema` where it starts a resource of its own, else its parent's. */
export function embeddedDialect(schema: SchemaObject, parent: Dialect): Dialect {
  if (typeof schema.$schema !== 'string') return parent;
  const startsResource = typeof schema.$id === 'string' || typeof schema.id === 'string';
  return startsResource ? (dialectOfMetaSchema(schema.$schema) ?? parent) : parent;
}

/**
 * The direct subschemas of a schema with their pointers, keyword by keyword in the
 * dialect's table order; `only` keeps the keywords it accepts (the in-place ones, say).
 */
export function subschemasOf(schema: SchemaObject, pointer: string, dialect: Dialect = DEFAULT_DIALECT, only?: (keyword: Keyword) => boolean): [unknown, string][] {
  const found: [unknown, string][] = [];
  const { subschemaKeywords, subschemaPlace } = vocabularyOf(dialect);
  // A schema has a few keys and a dialect dozens of keywords: look its keys up, then keep the table's order.
  const places: number[] = [];
  for (const key of Object.keys(schema)) {
    const place = subschemaPlace.get(key);
    if (place !== undefined) places.push(place);
  }
  if (places.length > 1) places.sort((a, b) => a - b);
  for (const place of places) {
    const keyword = subschemaKeywords[place]!;
    const { name, holds } = keyword;
    if (only && !only(keyword)) continue;
    const value = schema[name];
    switch (holds) {
      case 'schema':
        if (!Array.isArray(value)) found.push([value, joinPointer(pointer, name)]);
        break;
      case 'schemas':
        if (Array.isArray(value)) value.forEach((sub, i) => found.push([sub, joinPointer(pointer, name, i)]));
        break;
      case 'schema-or-schemas':
        if (Array.isArray(value)) value.forEach((sub, i) => found.push([sub, joinPointer(pointer, name, i)]));
        else found.push([value, joinPointer(pointer, name)]);
        break;
      case 'schema-map':
      case 'schema-map-or-names':
        if (!isSchemaObject(value)) break;
        for (const key of Object.keys(value)) {
          // `dependencies` maps a name to a schema, or to the names it requires.
          if (!Array.isArray(value[key])) found.push([value[key], joinPointer(pointer, name, key)]);
        }
        break;
    }
  }
  return found;
}

/** A schema of a document, with the dialect it is read in. */
export interface SchemaRoot {
  pointer: string;
  schema: unknown;
  dialect: Dialect;
}

/** What `schemaRootsOf` needs of a document. */
export interface SchemaDocument {
  json: unknown;
  role: 'input' | 'components' | 'referenced';
  dialect: Dialect;
}

/**
 * Where the schemas of a document are. A plain schema file is one schema at its root;
 * an OpenAPI document holds schemas under `components.schemas` (and may have `$defs`).
 * A `--components` document is always read as such a container.
 */
export function schemaRootsOf(doc: SchemaDocument): SchemaRoot[] {
  const { json, dialect } = doc;
  const asContainer = doc.role === 'components';
  if (!isSchemaObject(json)) return typeof json === 'boolean' && !asContainer ? [{ pointer: '', schema: json, dialect }] : [];
  if (!asContainer && !isContainerDocument(json)) return [{ pointer: '', schema: json, dialect }];
  const roots: SchemaRoot[] = [];
  const components = json.components;
  if (isSchemaObject(components) && isSchemaObject(components.schemas)) {
    for (const [name, schema] of Object.entries(components.schemas)) {
      roots.push({ pointer: joinPointer('', 'components', 'schemas', name), schema, dialect });
    }
  }
  for (const key of ['$defs', 'definitions']) {
    const defs = json[key];
    if (isSchemaObject(defs)) {
      for (const [name, schema] of Object.entries(defs)) roots.push({ pointer: joinPointer('', key, name), schema, dialect });
    }
  }
  return roots;
}

/** An OpenAPI (or Swagger) document, or a bare `{components: {schemas}}` bundle: not itself a schema. */
export function isContainerDocument(json: SchemaObject): boolean {
  return 'openapi' in json || 'swagger' in json || ('components' in json && !('type' in json) && !('properties' in json));
}

/**
 * The dialect a document's schemas are read in: its `$schema` (one we know); for an
 * OpenAPI document, its `openapi` version (3.1's `jsonSchemaDialect` where it names one
 * we know; Swagger 2.0's schema objects are draft-04's); else `fallback` (the
 * `defaultDialect` option). An unknown `$schema` is read in `fallback` too, and the
 * resolve stage warns about it.
 */
export function documentDialect(json: unknown, role: SchemaDocument['role'], fallback: Dialect): Dialect {
  if (!isSchemaObject(json)) return fallback;
  const container = role === 'components' || isContainerDocument(json);
  if (!container && typeof json.$schema === 'string') return dialectOfMetaSchema(json.$schema) ?? fallback;
  if (!container) return fallback;
  if (json.swagger === '2.0') return 'draft-04';
  const openApi = dialectOfOpenApiVersion(json.openapi);
  if (openApi === 'openapi-3.1' && typeof json.jsonSchemaDialect === 'string') return dialectOfMetaSchema(json.jsonSchemaDialect) ?? openApi;
  return openApi ?? (typeof json.$schema === 'string' ? (dialectOfMetaSchema(json.$schema) ?? fallback) : fallback);
}
