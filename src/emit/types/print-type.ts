import { isPlainTypeName, tsTypeProblem, type PropertyExpr, type TypeExpr, type TypeModel } from '../../model/index.js';
import { CodeTextError, identifier, propertyName, stringLiteral } from '../code-text.js';
import { renderDocComment } from './doc-comment.js';

export interface PrintContext {
  /** Model key → type name. */
  nameOf(key: string): string;
  /** Whether the named type of a model key is declared as a type alias (not an interface). */
  isAlias(key: string): boolean;
  readonlyProperties: boolean;
}

/** How the types of `model` are printed: by their names, `unknown` for a key with none. */
export function printContextOf(model: TypeModel, readonlyProperties: boolean): PrintContext {
  return {
    nameOf: (key) => {
      const named = model.byKey.get(key);
      return named ? identifier(named.name) : 'unknown';
    },
    isAlias: (key) => {
      const named = model.byKey.get(key);
      return named !== undefined && named.body.kind !== 'object';
    },
    readonlyProperties,
  };
}

/** Deterministic layout, 2-space indentation: no formatter needed. */
export function printType(type: TypeExpr, ctx: PrintContext, indent = ''): string {
  switch (type.kind) {
    case 'keyword':
      return type.name;
    case 'literal':
      return printLiteral(type.value);
    case 'ref':
      return ctx.nameOf(type.target);
    case 'array':
      return `${wrapIfCompound(type.items, ctx, indent)}[]`;
    case 'tuple':
      return printTuple(type, ctx, indent);
    case 'object':
      return printObjectBody(type.properties, type.index, ctx, indent);
    case 'inherited':
      return `Object[${stringLiteral(type.name)}]`;
    case 'verbatim':
      return typeExpressionText(type.text);
    case 'union':
      return type.members.map((m) => (m.kind === 'intersection' || needsParentheses(m) ? `(${printType(m, ctx, indent)})` : printType(m, ctx, indent))).join(' | ');
    case 'intersection':
      return type.members.map((m) => (m.kind === 'union' || needsParentheses(m) ? `(${printType(m, ctx, indent)})` : printType(m, ctx, indent))).join(' & ');
  }
}

/**
 * A tuple, labelled or not as TypeScript can resolve it where it refers back to the alias
 * being declared (tested in test/emit/types/print-type.test.ts with tsc):
 * - TypeScript resolves a tuple's element types later, as recursion needs, only when one
 *   element (`T`, `T?`) or the rest (`...T[]`) names a type alias (itself, or as a member
 *   of a union or intersection), unlabelled; a label around the rest (`...rest: T[]`)
 *   loses that (`type A = [item0?: unknown, ...rest: A[]] | string` is TS2456,
 *   `type A = [unknown?, ...A[]] | string` is fine);
 * - otherwise it resolves them at once, and cannot resolve an unlabelled optional element
 *   whose array type refers back (`type A = [A[]?] | string` is TS2456, `[item0?: A[]]`
 *   is fine): a tuple with an optional element is labelled.
 * Labels change nothing else.
 */
function printTuple(type: Extract<TypeExpr, { kind: 'tuple' }>, ctx: PrintContext, indent: string): string {
  // A union or intersection names what one of its members names (`...(A & string)[]`).
  const namesAlias = (t: TypeExpr | undefined): boolean => (t?.kind === 'ref' ? ctx.isAlias(t.target) : (t?.kind === 'union' || t?.kind === 'intersection') && t.members.some(namesAlias));
  const resolvedLater = type.elements.some((e) => namesAlias(e.type)) || namesAlias(type.rest);
  if (!resolvedLater && type.elements.some((e) => e.optional)) {
    const labelled = type.elements.map((e, i) => `item${i}${e.optional ? '?' : ''}: ${wrapIfVerbatim(e.type, ctx, indent)}`);
    if (type.rest) labelled.push(`...rest: ${wrapIfCompound(type.rest, ctx, indent)}[]`);
    return `[${labelled.join(', ')}]`;
  }
  // `T?` needs parentheses around a union or an intersection: `(A | B)?`.
  const elements = type.elements.map((e) => (e.optional ? `${wrapIfCompound(e.type, ctx, indent)}?` : printType(e.type, ctx, indent)));
  if (type.rest) elements.push(`...${wrapIfCompound(type.rest, ctx, indent)}[]`);
  return `[${elements.join(', ')}]`;
}

export function printObjectBody(properties: PropertyExpr[], index: TypeExpr | undefined, ctx: PrintContext, indent: string): string {
  if (properties.length === 0 && !index) return '{}';
  const inner = `${indent}  `;
  let body = '{\n';
  for (const property of properties) {
    body += renderDocComment(property.doc, inner);
    const readonly = ctx.readonlyProperties && property.readOnly ? 'readonly ' : '';
    body += `${inner}${readonly}${propertyName(property.name)}${property.optional ? '?' : ''}: ${printType(property.type, ctx, inner)};\n`;
  }
  if (index) body += `${inner}[key: string]: ${printType(index, ctx, inner)};\n`;
  return `${body}${indent}}`;
}

function wrapIfVerbatim(type: TypeExpr, ctx: PrintContext, indent: string): string {
  const printed = printType(type, ctx, indent);
  return needsParentheses(type) ? `(${printed})` : printed;
}

function wrapIfCompound(type: TypeExpr, ctx: PrintContext, indent: string): string {
  const printed = printType(type, ctx, indent);
  return type.kind === 'union' || type.kind === 'intersection' || needsParentheses(type) ? `(${printed})` : printed;
}

/** A schema's own type expression (`tsType`) keeps its meaning beside others only in parentheses, unless it is a plain name. */
function needsParentheses(type: TypeExpr): boolean {
  return type.kind === 'verbatim' && !isPlainTypeName(type.text);
}

/**
 * A `tsType` reaches output only through here, checked once more: the model accepted it
 * (see `tsTypeProblem`), so a failure is our bug, never schema text in a declaration.
 */
function typeExpressionText(text: string): string {
  const problem = tsTypeProblem(text);
  if (problem !== undefined) throw new CodeTextError(`refusing to write a tsType that is not a type expression (${problem})`);
  return text;
}

/** String literal types are written by the one code writer (JSON escaping plus U+2028/2029). */
export function printLiteral(value: string | number | boolean | null): string {
  if (typeof value === 'string') return stringLiteral(value);
  return String(value);
}
