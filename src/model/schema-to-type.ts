import { locationKey, type ResolvedGraph, type SchemaLocation } from '../resolve/index.js';
import { getAtPointer, joinPointer, parsePointer } from '../schema/pointer.js';
import { isSchemaObject, type SchemaObject } from '../schema/walk.js';
import { arrayType } from './array-type.js';
import { objectType } from './object-type.js';
import { isAnnotationOnly } from './rules/annotations.js';
import { intersectionOf, unionOf } from './rules/combine.js';
import { enumOf, literalOf } from './rules/literals.js';
import type { SubType, TypeOptions } from './schema-facts.js';
import { keyword, NEVER, UNKNOWN, type TypeExpr } from './type-expr.js';

export type { TypeOptions } from './schema-facts.js';

export interface TypeContext {
  graph: ResolvedGraph;
  /** `locationKey` of every named schema: refs to these become references, not copies. */
  named: ReadonlySet<string>;
  options: TypeOptions;
  /** The named type being built: a reference to itself outside any object or array would be circular. */
  current?: string;
}

/** Where in the type a schema sits: unnamed schemas being inlined, and whether we are inside an object or array. */
interface Position {
  inlining: Set<string>;
  nested: boolean;
}

/** The TypeScript type of the schema at `location` (whose value is `schema`). */
export function typeOfSchema(schema: unknown, location: SchemaLocation, ctx: TypeContext, at: Position = { inlining: new Set(), nested: false }): TypeExpr {
  // A subschema that is itself a named type (a recursion target) is referenced, not repeated.
  const here = locationKey(location);
  if (here !== ctx.current && ctx.named.has(here)) return { kind: 'ref', target: here };
  if (schema === true) return UNKNOWN;
  if (schema === false) return NEVER;
  if (!isSchemaObject(schema)) return UNKNOWN;
  const sub: SubType = (key, value, nested = at.nested) =>
    typeOfSchema(value, { doc: location.doc, pointer: joinPointer(location.pointer, ...key) }, ctx, { inlining: at.inlining, nested });

  const parts: TypeExpr[] = [];
  if (typeof schema.$ref === 'string') parts.push(typeOfRef(location, ctx, at));
  parts.push(ownType(schema, sub, ctx.options));
  if (Array.isArray(schema.allOf)) {
    schema.allOf.forEach((member, i) => {
      if (!isAnnotationOnly(member)) parts.push(sub(['allOf', i], member));
    });
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) parts.push(unionOf(list.map((member, i) => sub([key, i], member))));
  }
  const type = intersectionOf(parts);
  // OpenAPI 3.0 `nullable: true` widens whatever the schema says with null.
  return schema.nullable === true ? unionOf([type, keyword('null')]) : type;
}

/** A `$ref` to a named schema is a reference; to anything else, that schema inlined. */
function typeOfRef(location: SchemaLocation, ctx: TypeContext, at: Position): TypeExpr {
  const resolved = ctx.graph.refs.get(locationKey(location));
  if (!resolved) return UNKNOWN;
  const targetKey = locationKey(resolved.target);
  // `type A = A & …` is circular in TypeScript (and the schema recurses forever there).
  if (targetKey === ctx.current && !at.nested) return UNKNOWN;
  if (ctx.named.has(targetKey)) return { kind: 'ref', target: targetKey };
  if (at.inlining.has(targetKey)) return UNKNOWN; // a cycle through unnamed schemas
  const target = getAtPointer(resolved.target.doc.json, parsePointer(resolved.target.pointer)!);
  at.inlining.add(targetKey);
  const type = typeOfSchema(target, resolved.target, ctx, at);
  at.inlining.delete(targetKey);
  return type;
}

/** What the schema's own keywords (not its `$ref` or combinators) allow. */
function ownType(schema: SchemaObject, sub: SubType, options: TypeOptions): TypeExpr {
  if ('const' in schema) return literalOf(schema.const);
  if (Array.isArray(schema.enum)) return enumOf(schema.enum);
  const types = declaredTypes(schema);
  if (types === undefined) return UNKNOWN;
  return unionOf(types.map((t) => typeOfJsonType(t, schema, sub, options)));
}

/**
 * Rule `type arrays`: `type: [a, b]` is a union. Without `type`, object or array
 * keywords imply it (a deliberate choice: such schemas describe objects in practice;
 * see the README's support matrix).
 */
function declaredTypes(schema: SchemaObject): string[] | undefined {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === 'string');
  if ('properties' in schema || 'additionalProperties' in schema || 'patternProperties' in schema || 'required' in schema) return ['object'];
  if ('items' in schema || 'prefixItems' in schema) return ['array'];
  return undefined;
}

function typeOfJsonType(type: string, schema: SchemaObject, sub: SubType, options: TypeOptions): TypeExpr {
  switch (type) {
    case 'string':
      return keyword('string');
    case 'integer':
    case 'number':
      return keyword('number');
    case 'boolean':
      return keyword('boolean');
    case 'null':
      return keyword('null');
    case 'array':
      return arrayType(schema, sub);
    case 'object':
      return objectType(schema, sub, options);
    default:
      return UNKNOWN;
  }
}
