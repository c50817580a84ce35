import { ALL_KINDS, kindsOf, type JsonKind, type KindsOfRef } from './rules/kinds.js';
import type { TypeExpr } from './type-expr.js';

/**
 * The kinds of JSON value each named type admits, worked out on demand from the types'
 * bodies; a type still being worked out (recursion) admits every kind, which is never
 * wrong, only less precise.
 */
export function refKinds(byKey: ReadonlyMap<string, { body: TypeExpr }>): KindsOfRef {
  const known = new Map<string, ReadonlySet<JsonKind>>();
  const kindsOfRef: KindsOfRef = (target) => {
    const done = known.get(target);
    if (done) return done;
    const type = byKey.get(target);
    if (!type) return ALL_KINDS;
    known.set(target, ALL_KINDS);
    const kinds = kindsOf(type.body, kindsOfRef);
    known.set(target, kinds);
    return kinds;
  };
  return kindsOfRef;
}
