import type { PropertyExpr, TypeExpr } from '../../model/index.js';
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
      return `Object[${escapeStringLiteral(type.name)}]`;
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
    body += `${inner}${readonly}${printPropertyName(property.name)}${property.optional ? '?' : ''}: ${printType(property.type, ctx, inner)};\n`;
  }
  if (index) body += `${inner}[key: string]: ${printType(index, ctx, inner)};\n`;
  return `${body}${indent}}`;
}

function wrapIfCompound(type: TypeExpr, ctx: PrintContext, indent: string): string {
  const printed = printType(type, ctx, indent);
  return type.kind === 'union' || type.kind === 'intersection' ? `(${printed})` : printed;
}

/** String literals go through JSON escaping plus the two line separators JSON leaves raw. */
export function printLiteral(value: string | number | boolean | null): string {
  if (typeof value === 'string') return escapeStringLiteral(value);
  return String(value);
}

export function escapeStringLiteral(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Property keys that are not identifiers are quoted exactly. */
export function printPropertyName(name: string): string {
  return IDENTIFIER.test(name) ? name : escapeStringLiteral(name);
}
