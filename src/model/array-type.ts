import { DEFAULT_DIALECT } from '../schema/dialect.js';
import { vocabularyOf, type Vocabulary } from '../schema/keywords/index.js';
import type { SchemaObject } from '../schema/walk.js';
import { hasApplicatorSiblings, type SubType } from './schema-facts.js';
import { UNKNOWN, type TypeExpr } from './type-expr.js';

/** Where an array schema's tuple and the rest of its items come from, by keyword. */
export interface ArrayParts {
  /** `prefixItems`, or (before 2020-12) `items` when it is a list. */
  tuple?: 'prefixItems' | 'items';
  /** What the items after the tuple (all of them, without one) must be: `items`, `additionalItems` or `unevaluatedItems`. */
  rest?: 'items' | 'additionalItems' | 'unevaluatedItems';
}

/**
 * The keywords an array type is read from in the schema's dialect. 2020-12: `prefixItems`
 * is the tuple and `items` the rest. Before (draft-04 to 2019-09), `items` holds one
 * schema for every item, or a list that is the tuple, with `additionalItems` the rest
 * (which nothing else reads). Without siblings that evaluate items, `unevaluatedItems`
 * means what the rest would; `contains` evaluates the items it matches too (2020-12),
 * whatever their place.
 */
export function arrayParts(schema: SchemaObject, vocabulary: Vocabulary): ArrayParts {
  const listItems = vocabulary.keyword('items')?.holds === 'schema-or-schemas' && Array.isArray(schema.items);
  const tuple = vocabulary.keyword('prefixItems') && Array.isArray(schema.prefixItems) ? 'prefixItems' : listItems ? 'items' : undefined;
  let rest: ArrayParts['rest'];
  if (listItems) rest = vocabulary.keyword('additionalItems') && 'additionalItems' in schema ? 'additionalItems' : undefined;
  else if ('items' in schema && !Array.isArray(schema.items)) rest = 'items';
  if (!rest && vocabulary.keyword('unevaluatedItems') && 'unevaluatedItems' in schema && !hasApplicatorSiblings(schema, vocabulary) && !('contains' in schema)) rest = 'unevaluatedItems';
  return { ...(tuple ? { tuple } : {}), ...(rest ? { rest } : {}) };
}

/**
 * Items of one schema → `T[]`; a tuple (`prefixItems`, draft-07's `items: [..]`) → a
 * tuple type whose elements are optional unless `minItems` requires them, closed by a
 * `false` rest, with `...T[]` for the rest. `minItems`/`maxItems` alone never make
 * tuples (they stay doc tags).
 */
export function arrayType(schema: SchemaObject, sub: SubType, vocabulary: Vocabulary = vocabularyOf(DEFAULT_DIALECT)): TypeExpr {
  const { tuple, rest: restKey } = arrayParts(schema, vocabulary);
  const rest = restKey ? sub([restKey], schema[restKey], true) : UNKNOWN;
  if (!tuple) return { kind: 'array', items: rest };
  const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const elements = (schema[tuple] as unknown[]).map((item, i) => ({ type: sub([tuple, i], item, true), optional: i >= minItems }));
  const closed = rest.kind === 'keyword' && rest.name === 'never';
  return closed ? { kind: 'tuple', elements } : { kind: 'tuple', elements, rest };
}
