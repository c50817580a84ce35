import { DEFAULT_DIALECT } from '../schema/dialect.js';
import { vocabularyOf, type Vocabulary } from '../schema/keywords/index.js';
import type { SchemaLocation } from '../resolve/index.js';
import { dialectAt } from '../schema/dialect-regions.js';
import { embeddedDialect, isSchemaObject, type SchemaObject } from '../schema/walk.js';
import type { TypeExpr } from './type-expr.js';

export interface TypeOptions {
  /** Objects whose schema says nothing about additional properties: `none` = no index signature. */
  additionalProperties: 'none' | 'index';
  /**
   * Schemas whose keywords imply a kind (`properties` without `type`) describe only that
   * kind: in the type here, and in the validator, which then checks it (opt-in).
   */
  assumeTypes?: boolean;
}

/** The type of a subschema, by its keyword path below the current schema; `nested` = inside an object or array. */
export type SubType = (key: (string | number)[], value: unknown, nested?: boolean) => TypeExpr;

/**
 * A type that one schema prints in more than one place (a property's type, repeated in
 * the index signature that must admit it): returned as is when it is small, else
 * declared once as a named type of its own (at `key` below the current schema) and
 * referenced by name in each place.
 */
export type ReuseType = (key: (string | number)[], type: TypeExpr) => TypeExpr;

const DEFAULT_VOCABULARY = (): Vocabulary => vocabularyOf(DEFAULT_DIALECT);

/** The vocabulary of the dialect the schema at `location` is read in (see `dialectAt`). */
export function vocabularyAt(location: SchemaLocation): Vocabulary {
  return vocabularyOf(dialectAt(location.doc, location.pointer));
}

/** The vocabulary of a subschema: its parent's, unless it starts an embedded resource with a `$schema` of its own. */
export function vocabularyBelow(schema: unknown, parent: Vocabulary): Vocabulary {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return parent;
  const dialect = embeddedDialect(schema as SchemaObject, parent.dialect);
  return dialect === parent.dialect ? parent : vocabularyOf(dialect);
}

/**
 * Up to draft-07 (and in OpenAPI 3.0) a `$ref` makes every keyword beside it ignored:
 * the schema means the referenced schema and nothing else.
 */
export function refOverridesSiblings(schema: SchemaObject, vocabulary: Vocabulary): boolean {
  return vocabulary.refOverridesSiblings && typeof schema.$ref === 'string';
}

/** Keywords next to which other subschemas may evaluate properties or items of the same instance: the dialect's in-place ones. */
export function hasApplicatorSiblings(schema: SchemaObject, vocabulary: Vocabulary = DEFAULT_VOCABULARY()): boolean {
  for (const name of vocabulary.inPlace) if (Object.hasOwn(schema, name)) return true;
  return false;
}

/**
 * The kinds whose shape the type rules read: `type` (a list: each once), else the kinds
 * object or array keywords imply (see `impliedKinds`).
 */
export function declaredTypes(schema: SchemaObject, vocabulary: Vocabulary = DEFAULT_VOCABULARY()): string[] | undefined {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return [...new Set(schema.type.filter((t): t is string => typeof t === 'string'))];
  const kinds = impliedKinds(schema, vocabulary);
  return kinds.length > 0 ? kinds : undefined;
}

/**
 * The kinds a schema without `type` constrains by its keywords: `properties` → object,
 * `items` → array (the dialect's object- and array-shaping keywords, from the table).
 */
export function impliedKinds(schema: SchemaObject, vocabulary: Vocabulary = DEFAULT_VOCABULARY()): ('object' | 'array')[] {
  const kinds: ('object' | 'array')[] = [];
  if (vocabulary.shapes.object.some((k) => Object.hasOwn(schema, k))) kinds.push('object');
  if (vocabulary.shapes.array.some((k) => Object.hasOwn(schema, k))) kinds.push('array');
  return kinds;
}

/** Whether the schema's own type comes from `const`/`enum` (its other keywords then add no type). */
export function isLiteralSchema(schema: SchemaObject, vocabulary: Vocabulary = DEFAULT_VOCABULARY()): boolean {
  return (vocabulary.keyword('const') !== undefined && Object.hasOwn(schema, 'const')) || Array.isArray(schema.enum);
}

/**
 * The subschemas of the dialect's conditional keywords (`then`, `else`,
 * `dependentSchemas`, the schema entries of `dependencies`), by their keyword paths:
 * what they declare, the value has only sometimes.
 */
export function conditionalSubschemas(schema: SchemaObject, vocabulary: Vocabulary): [(string | number)[], unknown][] {
  const found: [(string | number)[], unknown][] = [];
  for (const { name, holds } of vocabulary.conditional) {
    if (!Object.hasOwn(schema, name)) continue;
    const value = schema[name];
    if (holds === 'schema') {
      found.push([[name], value]);
    } else if ((holds === 'schema-map' || holds === 'schema-map-or-names') && isSchemaObject(value)) {
      // `dependencies` maps a name to a schema, or to the names it requires.
      for (const [key, sub] of Object.entries(value)) if (!Array.isArray(sub)) found.push([[name, key], sub]);
    }
  }
  return found;
}
