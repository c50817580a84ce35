// A zod schema per schema, written from the view's type shapes: an ES-module template,
// since a type is a tree and mustache cannot recurse. Trusted code, like a config file.

/** @typedef {import('schema-gen').TypeShape} TypeShape */
/** @typedef {import('schema-gen').DocView} DocView */
/** @typedef {import('schema-gen').TemplateHelpers} TemplateHelpers */

/** @type {import('schema-gen').TemplateFunction<import('schema-gen').SchemaFileView>} */
export default function zodFile(view, h) {
  const { schema } = view;
  const lines = [h.partial('banner', view).trimEnd(), "import { z } from 'zod';"];
  for (const used of schema.imports) lines.push(`import { ${schemaName(used.name, h)} } from '${used.modules.zod}';`);
  lines.push('', `${schema.doc.comment}export const ${schemaName(schema.name, h)} = ${zodOf(schema.type, schema.doc, h, '', schema.name)};`);
  return lines.join('\n');
}

/** `AuthFlowType` → `authFlowTypeSchema`. */
function schemaName(typeName, h) {
  return `${h.camel(typeName)}Schema`;
}

/**
 * The zod expression for a shape. `doc` holds the constraints of the schema the shape
 * comes from (a named type's, or a property's); `indent` is the line's indentation.
 * @param {TypeShape} shape @param {DocView | undefined} doc @param {TemplateHelpers} h @param {string} indent @param {string} self
 */
function zodOf(shape, doc, h, indent, self) {
  const c = doc?.constraints ?? {};
  switch (shape.kind) {
    case 'keyword':
      if (shape.name === 'string')
        return `z.string()${c.minLength !== undefined ? `.min(${c.minLength})` : ''}${c.maxLength !== undefined ? `.max(${c.maxLength})` : ''}${c.pattern !== undefined ? `.regex(${h.regExp(c.pattern)})` : ''}`;
      if (shape.name === 'number') return `z.number()${c.minimum !== undefined ? `.min(${c.minimum})` : ''}${c.maximum !== undefined ? `.max(${c.maximum})` : ''}`;
      return `z.${shape.name}()`;
    case 'literal':
      return `z.literal(${shape.text})`;
    case 'ref':
      // A schema that refers to itself is read lazily (its type then needs an annotation of its own).
      return shape.name === self ? `z.lazy(() => ${schemaName(self, h)})` : schemaName(shape.name, h);
    case 'array':
      return `z.array(${zodOf(shape.items, undefined, h, indent, self)})${c.minItems !== undefined ? `.min(${c.minItems})` : ''}${c.maxItems !== undefined ? `.max(${c.maxItems})` : ''}`;
    case 'tuple': {
      const elements = shape.elements.map((e) => `${zodOf(e.type, undefined, h, indent, self)}${e.optional ? '.optional()' : ''}`);
      return `z.tuple([${elements.join(', ')}]${shape.rest ? `, ${zodOf(shape.rest, undefined, h, indent, self)}` : ''})`;
    }
    case 'object': {
      const inner = `${indent}  `;
      if (shape.properties.length === 0 && shape.index) return `z.record(z.string(), ${zodOf(shape.index, undefined, h, inner, self)})`;
      const fields = shape.properties.map((p) => `${h.indent(p.doc.comment, inner)}${inner}${p.key}: ${zodOf(p.type, p.doc, h, inner, self)}${p.required ? '' : '.optional()'},\n`);
      const object = `z.object({\n${fields.join('')}${indent}})`;
      return shape.index ? `${object}.catchall(${zodOf(shape.index, undefined, h, inner, self)})` : object;
    }
    case 'union':
      if (shape.enum && shape.members.every((m) => typeof m.value === 'string')) return `z.enum([${shape.members.map((m) => m.text).join(', ')}])`;
      return `z.union([${shape.members.map((m) => zodOf(m, undefined, h, indent, self)).join(', ')}])`;
    case 'intersection':
      return shape.members.map((m) => zodOf(m, undefined, h, indent, self)).reduce((a, b) => `z.intersection(${a}, ${b})`);
    case 'inherited':
    case 'verbatim':
      // What zod cannot say is checked by type only.
      return `z.custom<${shape.text}>()`;
  }
}
