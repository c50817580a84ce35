import type { TypeExpr } from './type-expr.js';

/** Types whose structure prints longer than this are compared by identity only. */
const MAX_KEY_LENGTH = 1024;

const keys = new WeakMap<TypeExpr, string | null>();

/**
 * A string that is equal for structurally equal types, or `undefined` for large ones.
 * Built from the children's memoised keys, so shared subtrees cost once and a type
 * never costs more than `MAX_KEY_LENGTH` characters per node: comparing big types by their full
 * text (as `JSON.stringify` would) can take as long as printing an exponential tree.
 */
export function structuralKey(type: TypeExpr): string | undefined {
  const known = keys.get(type);
  if (known !== undefined) return known ?? undefined;
  const key = computeKey(type);
  keys.set(type, key !== undefined && key.length <= MAX_KEY_LENGTH ? key : null);
  return keys.get(type) ?? undefined;
}

function computeKey(type: TypeExpr): string | undefined {
  const parts: (string | undefined)[] = [];
  switch (type.kind) {
    case 'keyword':
      return `k:${type.name}`;
    case 'literal':
      return `l:${JSON.stringify(type.value)}`;
    case 'ref':
      return `r:${JSON.stringify(type.target)}`;
    case 'verbatim':
      return `v:${JSON.stringify(type.text)}`;
    case 'array':
      return wrap('a', [structuralKey(type.items)]);
    case 'tuple':
      for (const element of type.elements) parts.push(element.optional ? '?' : '!', structuralKey(element.type));
      parts.push(type.rest ? structuralKey(type.rest) : '-');
      return wrap('t', parts);
    case 'object':
      for (const p of type.properties) {
        parts.push(JSON.stringify([p.name, p.optional, p.readOnly, p.doc]), structuralKey(p.type));
      }
      parts.push(type.index ? structuralKey(type.index) : '-');
      return wrap('o', parts);
    case 'union':
    case 'intersection':
      return wrap(type.kind === 'union' ? 'u' : 'i', type.members.map(structuralKey));
  }
}

function wrap(tag: string, parts: (string | undefined)[]): string | undefined {
  if (parts.some((p) => p === undefined)) return undefined;
  let length = tag.length + 2;
  for (const p of parts) length += p!.length + 1;
  return length > MAX_KEY_LENGTH ? undefined : `${tag}(${parts.join(',')})`;
}
