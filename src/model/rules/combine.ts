import { isUnknown, NEVER, UNKNOWN, type TypeExpr } from '../type-expr.js';
import { structuralKey } from '../structural-key.js';

/**
 * Rule `union`: anyOf / oneOf / type arrays / enums become a union. Nested unions are
 * flattened, duplicates dropped, a single member unwrapped; `unknown` absorbs the rest.
 */
export function unionOf(members: TypeExpr[]): TypeExpr {
  const flat: TypeExpr[] = [];
  for (const member of members) {
    if (member.kind === 'union') flat.push(...member.members);
    else if (!(member.kind === 'keyword' && member.name === 'never')) flat.push(member);
  }
  if (flat.some(isUnknown)) return UNKNOWN;
  const unique = dedupe(flat);
  if (unique.length === 0) return NEVER;
  return unique.length === 1 ? unique[0]! : { kind: 'union', members: unique };
}

/**
 * Rule `intersection`: allOf and `$ref`-with-siblings become an intersection only when
 * more than one side constrains; `unknown` members (annotations, unconstrained
 * schemas) are dropped and a single member unwrapped, so no `Foo & unknown`.
 */
export function intersectionOf(members: TypeExpr[]): TypeExpr {
  const flat: TypeExpr[] = [];
  for (const member of members) {
    if (member.kind === 'intersection') flat.push(...member.members);
    else if (!isUnknown(member)) flat.push(member);
  }
  // `{}` and `{ [key: string]: unknown }` (objects that say nothing more) add nothing next to another member.
  // `{}` and `{ [key: string]: unknown }` (objects that say nothing more) add nothing next
  // to another object; next to a union or a reference they still say "an object", which
  // the model's `narrow by kind` pass uses once every reference's kinds are known.
  const saysNothing = (m: TypeExpr) => m.kind === 'object' && m.properties.length === 0 && (!m.index || isUnknown(m.index));
  const anotherObject = (m: TypeExpr) => flat.some((other) => other !== m && other.kind === 'object' && !saysNothing(other));
  const constraining = flat.filter((m) => !(saysNothing(m) && anotherObject(m)));
  const unique = dedupe(constraining);
  if (unique.length === 0) return UNKNOWN;
  return unique.length === 1 ? unique[0]! : { kind: 'intersection', members: unique };
}

/** Drops members equal to an earlier one: the same object, or the same structure (see `structuralKey`). */
function dedupe(types: TypeExpr[]): TypeExpr[] {
  if (types.length < 2) return types;
  const seenObjects = new Set<TypeExpr>();
  const seenKeys = new Set<string>();
  return types.filter((t) => {
    if (seenObjects.has(t)) return false;
    seenObjects.add(t);
    const key = structuralKey(t);
    if (key === undefined) return true;
    if (seenKeys.has(key)) return false;
    seenKeys.add(key);
    return true;
  });
}
