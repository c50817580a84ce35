import type { SchemaObject } from '../schema/walk.js';
import type { TypeExpr } from './type-expr.js';

export interface TypeOptions {
  /** Objects whose schema says nothing about additional properties: `none` = no index signature. */
  additionalProperties: 'none' | 'index';
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
 * Rule `type arrays`: `type: [a, b]` is a union (each type once). Without `type`, object
 * or array keywords imply it (a deliberate choice: such schemas describe objects in
 * practice; see the README's support matrix).
 */
export function declaredTypes(schema: SchemaObject): string[] | undefined {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return [...new Set(schema.type.filter((t): t is string => typeof t === 'string'))];
  if ('properties' in schema || 'additionalProperties' in schema || 'patternProperties' in schema || 'required' in schema) return ['object'];
  if ('items' in schema || 'prefixItems' in schema) return ['array'];
  return undefined;
}

/** Whether the schema's own type comes from `const`/`enum` (its other keywords then add no type). */
export function isLiteralSchema(schema: SchemaObject): boolean {
  return 'const' in schema || Array.isArray(schema.enum);
}
