/** The model's vocabulary: what a TypeScript type says, before it is printed. */

export type TypeExpr =
  | { kind: 'keyword'; name: 'string' | 'number' | 'boolean' | 'null' | 'undefined' | 'unknown' | 'never' }
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'ref'; target: string }
  | { kind: 'array'; items: TypeExpr }
  | { kind: 'tuple'; elements: TupleElement[]; rest?: TypeExpr }
  | { kind: 'object'; properties: PropertyExpr[]; index?: TypeExpr }
  | { kind: 'union'; members: TypeExpr[] }
  /** What reading a name every object inherits returns when the data has no such own property: `Object["toString"]`. */
  | { kind: 'inherited'; name: InheritedName }
  /** A type expression the schema wrote itself (json-schema-to-typescript's `tsType`), accepted by `tsTypeProblem`'s check. */
  | { kind: 'verbatim'; text: string }
  | { kind: 'intersection'; members: TypeExpr[] };

/** Members of TypeScript's `Object` interface: every object literal has them, so TypeScript checks them. */
export const INHERITED_NAMES = ['constructor', 'toString', 'toLocaleString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable'] as const;
export type InheritedName = (typeof INHERITED_NAMES)[number];

export function isInheritedName(name: string): name is InheritedName {
  return (INHERITED_NAMES as readonly string[]).includes(name);
}

export interface TupleElement {
  type: TypeExpr;
  optional: boolean;
}

export interface PropertyExpr {
  name: string;
  type: TypeExpr;
  optional: boolean;
  readOnly: boolean;
  doc: DocInfo;
}

/** What a doc comment will say: the description (still as the schema wrote it), the enum's members, and tags. */
export interface DocInfo {
  description?: string;
  /** An enum's members with their descriptions or names (editors' `enumDescriptions`, `tsEnumNames`), when the schema gives any. */
  members?: EnumMemberDoc[];
  tags: DocTag[];
  /** The values of the constraint keywords the tags show (`{ minLength: 1 }`), as the schema wrote them; absent when none. */
  constraints?: Record<string, unknown>;
}

export interface EnumMemberDoc {
  /** The member as JSON text: `"a"`, `3`, `null`. */
  value: string;
  name?: string;
  description?: string;
}

export interface DocTag {
  name: string;
  value: string;
}

export const UNKNOWN: TypeExpr = { kind: 'keyword', name: 'unknown' };
export const NEVER: TypeExpr = { kind: 'keyword', name: 'never' };

export function keyword(name: Extract<TypeExpr, { kind: 'keyword' }>['name']): TypeExpr {
  return { kind: 'keyword', name };
}

export function isUnknown(type: TypeExpr): boolean {
  return type.kind === 'keyword' && type.name === 'unknown';
}

/** Types a named type refers to, for `import type`. Each distinct node is visited once. */
export function referencedTargets(type: TypeExpr, into = new Set<string>(), seen = new Set<TypeExpr>()): Set<string> {
  if (seen.has(type)) return into;
  seen.add(type);
  switch (type.kind) {
    case 'ref':
      into.add(type.target);
      break;
    case 'array':
      referencedTargets(type.items, into, seen);
      break;
    case 'tuple':
      type.elements.forEach((e) => referencedTargets(e.type, into, seen));
      if (type.rest) referencedTargets(type.rest, into, seen);
      break;
    case 'object':
      type.properties.forEach((p) => referencedTargets(p.type, into, seen));
      if (type.index) referencedTargets(type.index, into, seen);
      break;
    case 'union':
    case 'intersection':
      type.members.forEach((m) => referencedTargets(m, into, seen));
      break;
  }
  return into;
}
