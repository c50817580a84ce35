import type { PropertyExpr, TypeExpr } from '../../model/index.js';
import { propertyName, stringLiteral } from '../code-text.js';
import { renderDocComment } from './doc-comment.js';

export interface PrintContext {
  /** Model key → type name. */
  nameOf(key: string): string;
  readonlyProperties: boolean;
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
    case 'tuple': {
      const elements = type.elements.map((e) => (e.optional ? `${wrapIfCompound(e.type, ctx, indent)}?` : printType(e.type, ctx, indent)));
      if (type.rest) elements.push(`...${wrapIfCompound(type.rest, ctx, indent)}[]`);
      return `[${elements.join(', ')}]`;
    }
    case 'object':
      return printObjectBody(type.properties, type.index, ctx, indent);
    case 'inherited':
      return `Object[${stringLiteral(type.name)}]`;
    case 'union':
      return type.members.map((m) => (m.kind === 'intersection' ? `(${printType(m, ctx, indent)})` : printType(m, ctx, indent))).join(' | ');
    case 'intersection':
      return type.members.map((m) => (m.kind === 'union' ? `(${printType(m, ctx, indent)})` : printType(m, ctx, indent))).join(' & ');
  }
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

function wrapIfCompound(type: TypeExpr, ctx: PrintContext, indent: string): string {
  const printed = printType(type, ctx, indent);
  return type.kind === 'union' || type.kind === 'intersection' ? `(${printed})` : printed;
}

/** String literal types are written by the one code writer (JSON escaping plus U+2028/2029). */
export function printLiteral(value: string | number | boolean | null): string {
  if (typeof value === 'string') return stringLiteral(value);
  return String(value);
}
