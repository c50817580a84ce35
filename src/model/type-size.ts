import type { TypeExpr } from './type-expr.js';

/**
 * How many nodes printing `type` visits (each property counts too). Shared subtrees
 * are counted once per use, as the printer would print them, but computed once: the
 * answer for an exponential tree is found in time linear in its distinct nodes.
 */
export function typeSize(type: TypeExpr, memo = new Map<TypeExpr, number>()): number {
  const known = memo.get(type);
  if (known !== undefined) return known;
  let size = 1;
  switch (type.kind) {
    case 'array':
      size += typeSize(type.items, memo);
      break;
    case 'tuple':
      for (const element of type.elements) size += typeSize(element.type, memo);
      if (type.rest) size += typeSize(type.rest, memo);
      break;
    case 'object':
      for (const property of type.properties) size += 1 + typeSize(property.type, memo);
      if (type.index) size += typeSize(type.index, memo);
      break;
    case 'union':
    case 'intersection':
      for (const member of type.members) size += typeSize(member, memo);
      break;
  }
  memo.set(type, size);
  return size;
}

/** A literal longer than this is not "small": repeating it would repeat its text. */
const SMALL_LITERAL_LENGTH = 64;
/** At most this many keywords, literals or names. */
const SMALL_LEAVES = 8;

/**
 * A type short enough to print at every place that uses it (`string`, `"a" | "b"`,
 * `Money`, `Money | null`) rather than name it: a bounded number of keywords, short
 * literals and references, so repeating it keeps the output linear in the input.
 */
export function isSmallType(type: TypeExpr): boolean {
  const leaves = smallLeaves(type, 0);
  return leaves !== undefined && leaves <= SMALL_LEAVES;
}

function smallLeaves(type: TypeExpr, depth: number): number | undefined {
  switch (type.kind) {
    case 'keyword':
    case 'ref':
      return 1;
    case 'literal':
      return typeof type.value === 'string' && type.value.length > SMALL_LITERAL_LENGTH ? undefined : 1;
    case 'verbatim':
      return type.text.length > SMALL_LITERAL_LENGTH ? undefined : 1;
    case 'union':
    case 'intersection': {
      if (depth > 1 || type.members.length > SMALL_LEAVES) return undefined;
      let total = 0;
      for (const member of type.members) {
        const leaves = smallLeaves(member, depth + 1);
        if (leaves === undefined) return undefined;
        total += leaves;
      }
      return total;
    }
    default:
      return undefined;
  }
}
