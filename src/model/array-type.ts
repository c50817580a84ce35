import type { SchemaObject } from '../schema/walk.js';
import { hasApplicatorSiblings, type SubType } from './schema-facts.js';
import { UNKNOWN, type TypeExpr } from './type-expr.js';

/**
 * `items` → `T[]`; `prefixItems` → a tuple whose elements are optional unless
 * `minItems` requires them, closed by `items: false`, with `...T[]` for the rest.
 * `minItems`/`maxItems` alone never make tuples (they stay doc tags).
 */
export function arrayType(schema: SchemaObject, sub: SubType): TypeExpr {
  // Without siblings that evaluate items, `unevaluatedItems` means what `items` would.
  // `contains` evaluates the items it matches too (2020-12), whatever their place.
  const restKey = 'items' in schema && !Array.isArray(schema.items) ? 'items' : !hasApplicatorSiblings(schema) && !('contains' in schema) && 'unevaluatedItems' in schema ? 'unevaluatedItems' : undefined;
  const rest = restKey ? sub([restKey], schema[restKey], true) : UNKNOWN;
  if (!Array.isArray(schema.prefixItems)) return { kind: 'array', items: rest };
  const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const elements = schema.prefixItems.map((item, i) => ({ type: sub(['prefixItems', i], item, true), optional: i >= minItems }));
  const closed = rest.kind === 'keyword' && rest.name === 'never';
  return closed ? { kind: 'tuple', elements } : { kind: 'tuple', elements, rest };
}
