import type { SchemaObject } from '../schema/walk.js';
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

/** Keywords next to which other subschemas may evaluate properties or items of the same instance. */
export function hasApplicatorSiblings(schema: SchemaObject): boolean {
  return ['$ref', '$dynamicRef', 'allOf', 'anyOf', 'oneOf', 'if', 'dependentSchemas', 'not'].some((key) => key in schema);
}

/**
 * The kinds whose shape the type rules read: `type` (a list: each once), else the kinds
 * object or array keywords imply (see `impliedKinds`).
 */
export function declaredTypes(schema: SchemaObject): string[] | undefined {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return [...new Set(schema.type.filter((t): t is string => typeof t === 'string'))];
  const kinds = impliedKinds(schema);
  return kinds.length > 0 ? kinds : undefined;
}

/** The kinds a schema without `type` constrains by its keywords: `properties` → object, `items` → array. */
export function impliedKinds(schema: SchemaObject): ('object' | 'array')[] {
  const kinds: ('object' | 'array')[] = [];
  if (OBJECT_KEYWORDS.some((k) => k in schema)) kinds.push('object');
  if (ARRAY_KEYWORDS.some((k) => k in schema)) kinds.push('array');
  return kinds;
}

const OBJECT_KEYWORDS = ['properties', 'additionalProperties', 'patternProperties', 'required'];
const ARRAY_KEYWORDS = ['items', 'prefixItems'];


/** Whether the schema's own type comes from `const`/`enum` (its other keywords then add no type). */
export function isLiteralSchema(schema: SchemaObject): boolean {
  return 'const' in schema || Array.isArray(schema.enum);
}
