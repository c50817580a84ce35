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
  /** Told of each schema whose kind its keywords imply (no `type`), with the type it got. */
  onImpliedType?: (found: ImpliedType) => void;
}

/** A schema without `type` whose object (array) keywords imply the kind it describes. */
export interface ImpliedType {
  location: SchemaLocation;
  kinds: string[];
  type: TypeExpr;
}

/** Where in the type a schema sits: unnamed schemas being inlined, and whether we are inside an object or array. */
interface Position {
  inlining: Set<string>;
  nested: boolean;
  /** A member of allOf/anyOf/oneOf/not/if/then/else: its siblings and parent decide the value's kind. */
  member?: boolean;
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
  const member = (key: (string | number)[], value: unknown) =>
    typeOfSchema(value, { doc: location.doc, pointer: joinPointer(location.pointer, ...key) }, ctx, { inlining: at.inlining, nested: at.nested, member: true });

  const parts: TypeExpr[] = [];
  if (typeof schema.$ref === 'string') parts.push(typeOfRef(location, ctx, at));
  let implied: string[] | undefined;
  parts.push(ownType(schema, sub, ctx.options, (kinds) => (implied = kinds)));
  if (Array.isArray(schema.allOf)) {
    schema.allOf.forEach((entry, i) => {
      if (!isAnnotationOnly(entry)) parts.push(member(['allOf', i], entry));
    });
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) parts.push(unionOf(list.map((entry, i) => member([key, i], entry))));
  }
  const intersected = intersectionOf(parts);
  // OpenAPI 3.0 `nullable: true` widens whatever the schema says with null.
  const type = schema.nullable === true ? unionOf([intersected, keyword('null')]) : intersected;
  if (implied && !at.member) ctx.onImpliedType?.({ location, kinds: implied, type });
  return type;
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
function ownType(schema: SchemaObject, sub: SubType, options: TypeOptions, implied: (kinds: string[]) => void): TypeExpr {
  if ('const' in schema) return literalOf(schema.const);
  if (Array.isArray(schema.enum)) return enumOf(schema.enum);
  if (typeof schema.type === 'string') return typeOfJsonType(schema.type, schema, sub, options);
  // Rule `type arrays`: `type: [a, b]` is a union.
  if (Array.isArray(schema.type)) return unionOf(schema.type.filter((t): t is string => typeof t === 'string').map((t) => typeOfJsonType(t, schema, sub, options)));
  const kinds = impliedKinds(schema);
  if (kinds.length === 0) return UNKNOWN;
  implied(kinds);
  const shaped = kinds.map((t) => typeOfJsonType(t, schema, sub, options));
  // Rule `implied type`: object (or array) keywords constrain only objects (arrays); every
  // other value passes them, so the type admits it too — unless the user chose
  // `assumeTypes`, which makes the validator check the type as well.
  if (options.assumeTypes) return unionOf(shaped);
  const others = (['string', 'number', 'boolean', 'null', 'array', 'object'] as const).filter((k) => !(kinds as string[]).includes(k)).map(bareType);
  return unionOf([...shaped, ...others]);
}

/** The kinds a schema without `type` constrains by its keywords: `properties` → object, `items` → array. */
export function impliedKinds(schema: SchemaObject): ('object' | 'array')[] {
  const kinds: ('object' | 'array')[] = [];
  if (OBJECT_KEYWORDS.some((k) => k in schema)) kinds.push('object');
  if (ARRAY_KEYWORDS.some((k) => k in schema)) kinds.push('array');
  return kinds;
}

const OBJECT_KEYWORDS = ['properties', 'additionalProperties', 'patternProperties', 'required'];
const ARRAY_KEYWORDS = ['items', 'prefixItems'];

function bareType(kind: 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object'): TypeExpr {
  if (kind === 'array') return { kind: 'array', items: UNKNOWN };
  if (kind === 'object') return { kind: 'object', properties: [], index: UNKNOWN };
  return keyword(kind);
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
