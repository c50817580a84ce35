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

/** Keywords next to which other subschemas may evaluate properties or items of the same instance. */
export function hasApplicatorSiblings(schema: SchemaObject): boolean {
  return ['$ref', '$dynamicRef', 'allOf', 'anyOf', 'oneOf', 'if', 'dependentSchemas', 'not'].some((key) => key in schema);
}
