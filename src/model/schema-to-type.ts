import { locationKey, type ResolvedGraph, type SchemaLocation } from '../resolve/index.js';
import { getAtPointer, joinPointer, parsePointer } from '../resolve/pointer.js';
import { isSchemaObject, type SchemaObject } from '../resolve/schema-walk.js';
import { docInfoOf } from './docs.js';
import { isAnnotationOnly } from './rules/annotations.js';
import { intersectionOf, unionOf } from './rules/combine.js';
import { enumOf, literalOf } from './rules/literals.js';
import { keyword, NEVER, UNKNOWN, type PropertyExpr, type TypeExpr } from './type-expr.js';

export interface TypeOptions {
  /** Objects whose schema says nothing about additional properties: `none` = no index signature. */
  additionalProperties: 'none' | 'index';
}

export interface TypeContext {
  graph: ResolvedGraph;
  /** `locationKey` of every named schema: refs to these become references, not copies. */
  named: ReadonlySet<string>;
  options: TypeOptions;
}

/** The TypeScript type of the schema at `location` (whose value is `schema`). */
export function typeOfSchema(schema: unknown, location: SchemaLocation, ctx: TypeContext, inlining = new Set<string>()): TypeExpr {
  if (schema === true) return UNKNOWN;
  if (schema === false) return NEVER;
  if (!isSchemaObject(schema)) return UNKNOWN;
  const sub = (key: (string | number)[], value: unknown) =>
    typeOfSchema(value, { doc: location.doc, pointer: joinPointer(location.pointer, ...key) }, ctx, inlining);

  const parts: TypeExpr[] = [];
  if (typeof schema.$ref === 'string') parts.push(typeOfRef(location, ctx, inlining));
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
function typeOfRef(location: SchemaLocation, ctx: TypeContext, inlining: Set<string>): TypeExpr {
  const resolved = ctx.graph.refs.get(locationKey(location));
  if (!resolved) return UNKNOWN;
  const targetKey = locationKey(resolved.target);
  if (ctx.named.has(targetKey)) return { kind: 'ref', target: targetKey };
  if (inlining.has(targetKey)) return UNKNOWN; // a cycle through unnamed schemas
  const target = getAtPointer(resolved.target.doc.json, parsePointer(resolved.target.pointer)!);
  inlining.add(targetKey);
  const type = typeOfSchema(target, resolved.target, ctx, inlining);
  inlining.delete(targetKey);
  return type;
}

type SubType = (key: (string | number)[], value: unknown) => TypeExpr;

/** What the schema's own keywords (not its `$ref` or combinators) allow. */
function ownType(schema: SchemaObject, sub: SubType, options: TypeOptions): TypeExpr {
  if ('const' in schema) return literalOf(schema.const);
  if (Array.isArray(schema.enum)) return enumOf(schema.enum);
  const types = declaredTypes(schema);
  if (types === undefined) return UNKNOWN;
  return unionOf(types.map((t) => typeOfJsonType(t, schema, sub, options)));
}

/** Rule `type arrays`: `type: [a, b]` is a union; without `type`, object/array keywords imply it. */
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

/** `items` → `T[]`; `prefixItems` → a tuple whose elements are optional unless `minItems` says otherwise. */
function arrayType(schema: SchemaObject, sub: SubType): TypeExpr {
  const rest = 'items' in schema && !Array.isArray(schema.items) ? sub(['items'], schema.items) : UNKNOWN;
  if (!Array.isArray(schema.prefixItems)) return { kind: 'array', items: rest };
  const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const elements = schema.prefixItems.map((item, i) => ({ type: sub(['prefixItems', i], item), optional: i >= minItems }));
  const closed = rest.kind === 'keyword' && rest.name === 'never';
  return closed ? { kind: 'tuple', elements } : { kind: 'tuple', elements, rest };
}

function objectType(schema: SchemaObject, sub: SubType, options: TypeOptions): TypeExpr {
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
  const properties: PropertyExpr[] = [];
  const declared = isSchemaObject(schema.properties) ? schema.properties : {};
  for (const [name, propertySchema] of Object.entries(declared)) {
    const folded = isSchemaObject(propertySchema) && Array.isArray(propertySchema.allOf) ? propertySchema.allOf.filter(isAnnotationOnly) : [];
    properties.push({
      name,
      type: sub(['properties', name], propertySchema),
      optional: !required.has(name),
      readOnly: isSchemaObject(propertySchema) && propertySchema.readOnly === true,
      doc: docInfoOf(propertySchema, folded),
    });
  }
  // A required name without a property schema must still be present.
  for (const name of required) {
    if (!(name in declared)) properties.push({ name, type: UNKNOWN, optional: false, readOnly: false, doc: { tags: [] } });
  }
  const index = indexSignature(schema, sub, options, properties);
  if (index) return { kind: 'object', properties, index };
  // `{}` would admit strings and numbers: an object the schema says nothing about is a record.
  if (properties.length === 0 && schema.additionalProperties !== false && schema.unevaluatedProperties !== false) {
    return { kind: 'object', properties, index: UNKNOWN };
  }
  return { kind: 'object', properties };
}

/** The index signature must admit every declared property too, or TypeScript rejects the interface. */
function indexSignature(schema: SchemaObject, sub: SubType, options: TypeOptions, properties: PropertyExpr[]): TypeExpr | undefined {
  const extra: TypeExpr[] = [];
  if (isSchemaObject(schema.patternProperties)) {
    for (const [pattern, value] of Object.entries(schema.patternProperties)) extra.push(sub(['patternProperties', pattern], value));
  }
  const additional = schema.additionalProperties ?? schema.unevaluatedProperties;
  if (additional === undefined) {
    if (options.additionalProperties === 'index' || extra.length > 0) extra.push(UNKNOWN);
  } else if (additional !== false) {
    extra.push(sub([schema.additionalProperties !== undefined ? 'additionalProperties' : 'unevaluatedProperties'], additional));
  }
  if (extra.length === 0) return undefined;
  return unionOf([...extra, ...properties.map((p) => p.type)]);
}
