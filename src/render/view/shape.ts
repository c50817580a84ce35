import type { PropertyExpr, TypeExpr } from '../../model/index.js';
import { propertyName } from '../../emit/code-text.js';
import { printLiteral, printObjectBody, printType, type PrintContext } from '../../emit/types/print-type.js';
import { docView } from './doc.js';
import type { PropertyView, ShapeKinds, TypeShape } from './generated/view-types.js';
import { lazy, lazyView } from './lazy.js';

type Kind = TypeExpr['kind'];
const KINDS: readonly Kind[] = ['keyword', 'literal', 'ref', 'array', 'tuple', 'object', 'union', 'intersection', 'inherited', 'verbatim'];

/** One flags object per kind, shared by every shape of that kind. */
const FLAGS = new Map<Kind, ShapeKinds>(KINDS.map((kind) => [kind, Object.freeze(Object.fromEntries(KINDS.map((k) => [k, k === kind]))) as unknown as ShapeKinds]));

/**
 * A type of the model as data for templates. `text` is what the printer writes for it at
 * its place (`indent` is the indentation of the line it starts on), so a template that
 * takes a property's `type.text` gets exactly what the default declaration shows.
 * Children and text are computed when read.
 */
export function typeShape(type: TypeExpr, ctx: PrintContext, indent: string): TypeShape {
  const is = FLAGS.get(type.kind)!;
  const text = lazy(() => (type.kind === 'object' ? printObjectBody(type.properties, type.index, ctx, indent) : printType(type, ctx, indent)));
  switch (type.kind) {
    case 'keyword':
      return lazyView<TypeShape>({ kind: 'keyword', is, text, name: type.name });
    case 'literal':
      return lazyView<TypeShape>({ kind: 'literal', is, text: printLiteral(type.value), value: type.value });
    case 'ref':
      return lazyView<TypeShape>({ kind: 'ref', is, text, name: ctx.nameOf(type.target) });
    case 'array':
      return lazyView<TypeShape>({ kind: 'array', is, text, items: lazy(() => typeShape(type.items, ctx, indent)) });
    case 'tuple':
      return lazyView<TypeShape>({
        kind: 'tuple',
        is,
        text,
        elements: lazy(() => type.elements.map((e) => lazyView({ type: typeShape(e.type, ctx, indent), optional: e.optional }))),
        rest: lazy(() => (type.rest ? typeShape(type.rest, ctx, indent) : null)),
      });
    case 'object': {
      const inner = `${indent}  `;
      return lazyView<TypeShape>({
        kind: 'object',
        is,
        text,
        properties: lazy(() => type.properties.map((p) => propertyView(p, ctx, inner))),
        index: lazy(() => (type.index ? typeShape(type.index, ctx, inner) : null)),
      });
    }
    case 'union':
      return lazyView<TypeShape>({
        kind: 'union',
        is,
        text,
        members: lazy(() => type.members.map((m) => typeShape(m, ctx, indent))),
        enum: type.members.every((m) => m.kind === 'literal'),
      });
    case 'intersection':
      return lazyView<TypeShape>({ kind: 'intersection', is, text, members: lazy(() => type.members.map((m) => typeShape(m, ctx, indent))) });
    case 'inherited':
      return lazyView<TypeShape>({ kind: 'inherited', is, text, name: type.name });
    case 'verbatim':
      return lazyView<TypeShape>({ kind: 'verbatim', is, text });
  }
}

function propertyView(property: PropertyExpr, ctx: PrintContext, indent: string): PropertyView {
  return lazyView<PropertyView>({
    name: property.name,
    key: propertyName(property.name),
    required: !property.optional,
    readonly: property.readOnly,
    type: lazy(() => typeShape(property.type, ctx, indent)),
    doc: lazy(() => docView(property.doc)),
  });
}
