import type { PropertyExpr, TypeExpr } from '../type-expr.js';
import { intersectionOf, unionOf } from './combine.js';
import { ALL_KINDS, isBareKind, kindsOf, type JsonKind, type KindsOfRef } from './kinds.js';
import { NEVER } from '../type-expr.js';

/**
 * Rule `narrow by kind`: in an intersection, a union member's alternatives that admit
 * no kind of JSON value every other member admits can never match, and are dropped:
 * `{…} & ({…} | null)` is `{…} & {…}`, while `({…} | null) & ({…} | null)` keeps `null`
 * — the schema accepts it, so the type must. A bare kind (`string`, `unknown[]`) next
 * to a narrower member of its kind adds nothing and goes too; no kind in common at all
 * is `never`. Members keep their order and unions stay unions, so the type still reads
 * as the schema wrote it.
 */
export function narrowIntersections(type: TypeExpr, kindsOfRef: KindsOfRef): TypeExpr {
  const inner = (t: TypeExpr) => narrowIntersections(t, kindsOfRef);
  switch (type.kind) {
    case 'array':
      return { ...type, items: inner(type.items) };
    case 'tuple':
      return { ...type, elements: type.elements.map((e) => ({ ...e, type: inner(e.type) })), ...(type.rest ? { rest: inner(type.rest) } : {}) };
    case 'object':
      return { ...type, properties: type.properties.map((p): PropertyExpr => ({ ...p, type: inner(p.type) })), ...(type.index ? { index: inner(type.index) } : {}) };
    case 'union':
      return unionOf(type.members.map(inner));
    case 'intersection':
      return narrowByKind(type.members.map(inner), kindsOfRef);
    default:
      return type;
  }
}

function narrowByKind(members: TypeExpr[], kindsOfRef: KindsOfRef): TypeExpr {
  let current = members;
  for (;;) {
    const kinds = current.map((m) => kindsOf(m, kindsOfRef));
    const common = kinds.reduce((a, b) => new Set([...a].filter((k) => b.has(k))), ALL_KINDS);
    if (common.size === 0) return NEVER;
    const admitsCommon = (t: TypeExpr) => [...kindsOf(t, kindsOfRef)].some((k) => common.has(k));
    const narrowed = current
      .map((m) => (m.kind === 'union' && !m.members.every(admitsCommon) ? unionOf(m.members.filter(admitsCommon)) : m))
      .filter((m, i, all) => !(isBareKind(m) && all.some((other, j) => j !== i && !isBareKind(other) && isSubset(kindsOf(other, kindsOfRef), kindsOf(m, kindsOfRef)))));
    const changed = narrowed.length !== current.length || narrowed.some((m, i) => m !== current[i]);
    if (!changed) return intersectionOf(current);
    current = narrowed;
  }
}

function isSubset(a: ReadonlySet<JsonKind>, b: ReadonlySet<JsonKind>): boolean {
  return [...a].every((k) => b.has(k));
}
