import { unionOf } from './combine.js';
import { UNKNOWN, type PropertyExpr, type TypeExpr } from '../type-expr.js';

/** Rule `const`: a JSON value becomes the literal type of exactly that value. */
export function literalOf(value: unknown): TypeExpr {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return { kind: 'literal', value };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'literal', value } : UNKNOWN;
  if (Array.isArray(value)) return { kind: 'tuple', elements: value.map((v) => ({ type: literalOf(v), optional: false })) };
  if (typeof value === 'object') {
    const properties: PropertyExpr[] = Object.entries(value).map(([name, v]) => ({
      name,
      type: literalOf(v),
      optional: false,
      readOnly: false,
      doc: { tags: [] },
    }));
    return { kind: 'object', properties };
  }
  return UNKNOWN;
}

/** Rule `enum`: the union of the literal types of the allowed values. */
export function enumOf(values: readonly unknown[]): TypeExpr {
  return unionOf(values.map(literalOf));
}
