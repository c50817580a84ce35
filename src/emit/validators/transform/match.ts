import type { Identifier, Literal, MemberExpression, Node } from 'acorn';

/** Small predicates over ESTree nodes, so steps read as the shapes they expect. */

export function isIdentifier(node: Node | null | undefined, name?: string | RegExp): node is Identifier {
  if (node?.type !== 'Identifier') return false;
  const actual = (node as Identifier).name;
  return name === undefined || (typeof name === 'string' ? actual === name : name.test(actual));
}

export function isStringLiteral(node: Node | null | undefined): node is Literal & { value: string } {
  return node?.type === 'Literal' && typeof (node as Literal).value === 'string';
}

/** The name a member expression reads: `x.name` or `x["name"]`; undefined for other computed reads. */
export function memberName(node: MemberExpression): string | undefined {
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.computed && node.property.type === 'Literal' && (typeof node.property.value === 'string' || typeof node.property.value === 'number')) {
    return String(node.property.value);
  }
  return undefined;
}

/** `object.property` with a plain identifier on the left. */
export function isMemberOf(node: Node | null | undefined, object: string | RegExp, property: string): node is MemberExpression {
  return node?.type === 'MemberExpression' && isIdentifier((node as MemberExpression).object, object) && memberName(node as MemberExpression) === property;
}
