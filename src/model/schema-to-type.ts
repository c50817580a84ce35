import { diagnosticAt } from '../diagnostics/at-location.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locationKey, type ResolvedGraph, type SchemaLocation } from '../resolve/index.js';
import type { Vocabulary } from '../schema/keywords/index.js';
import { getAtPointer, joinPointer, parsePointer } from '../schema/pointer.js';
import { isSchemaObject, type SchemaObject } from '../schema/walk.js';
import { arrayType } from './array-type.js';
import { objectType } from './object-type.js';
import { isInPlaceMember } from './place-in-document.js';
import { recursiveRefTarget } from './recursive-ref.js';
import { isAnnotationOnly } from './rules/annotations.js';
import { intersectionOf, unionOf } from './rules/combine.js';
import { enumOf, literalOf } from './rules/literals.js';
import { tsTypeProblem } from './rules/ts-type.js';
import { impliedKinds, refOverridesSiblings, vocabularyAt, type ReuseType, type SubType, type TypeOptions } from './schema-facts.js';
import type { SharedTypes } from './shared-types.js';
import { isSmallType } from './type-size.js';
import { keyword, NEVER, referencedTargets, UNKNOWN, type TypeExpr } from './type-expr.js';

export type { TypeOptions } from './schema-facts.js';

export interface TypeContext {
  graph: ResolvedGraph;
  /** `locationKey` of every named schema: refs to these become references, not copies. */
  named: ReadonlySet<string>;
  options: TypeOptions;
  /** The named type being built. */
  current?: string;
  /** Subschemas more than one place prints, and what became of each (see `sharedSubschemas`). */
  shared: SharedTypes;
  /**
   * The type built for each other unnamed subschema. Each is reached once (that is what
   * `sharedSubschemas` makes sure of); should one be reached again, the same type is
   * reused instead of built again, so the work stays linear whatever happens.
   */
  inlined: Map<string, TypeExpr>;
  /** Told of each schema whose kind its keywords imply (no `type`), with the type it got. */
  onImpliedType?: (found: ImpliedType) => void;
  /** Told of problems found while building types (a refused `tsType`, say); each schema is built once, so each is told once. */
  onWarning?: (warning: Diagnostic) => void;
}

/** A schema without `type` whose object (array) keywords imply the kind it describes. */
export interface ImpliedType {
  location: SchemaLocation;
  kinds: string[];
  type: TypeExpr;
}

/** Where in the type a schema sits. */
interface Position {
  /** Unnamed schemas being inlined through refs: reaching one again is a cycle. */
  inlining: Set<string>;
  /**
   * Named types whose top level this is (none inside an object or array): a reference
   * to one of them here would make a circular alias (`type A = A & …`).
   */
  topLevelOf: ReadonlySet<string>;
}

const NOWHERE: ReadonlySet<string> = new Set();

/** The TypeScript type of the schema at `location` (whose value is `schema`). */
export function typeOfSchema(schema: unknown, location: SchemaLocation, ctx: TypeContext, position?: Position): TypeExpr {
  const at = position ?? { inlining: new Set<string>(), topLevelOf: ctx.current === undefined ? NOWHERE : new Set([ctx.current]) };
  const here = locationKey(location);
  if (here !== ctx.current) {
    // A subschema that is itself a named type is referenced, not repeated.
    if (ctx.named.has(here)) return { kind: 'ref', target: here };
    if (ctx.shared.isShared(here) && isSchemaObject(schema)) return sharedType(schema, location, here, ctx, at);
    const built = ctx.inlined.get(here);
    if (built) return built;
  }
  const type = ownAndApplicatorTypes(schema, location, ctx, at);
  if (here !== ctx.current) ctx.inlined.set(here, type);
  return type;
}

function ownAndApplicatorTypes(schema: unknown, location: SchemaLocation, ctx: TypeContext, at: Position): TypeExpr {
  if (schema === true) return UNKNOWN;
  if (schema === false) return NEVER;
  if (!isSchemaObject(schema)) return UNKNOWN;
  const vocabulary = vocabularyAt(location);
  const written = tsTypeOf(schema, location, vocabulary, ctx);
  if (written) return written;
  // Up to draft-07 the keywords beside a `$ref` are ignored: the referenced type alone.
  if (refOverridesSiblings(schema, vocabulary)) return typeOfRef(location, ctx, at);
  const sub: SubType = (key, value, nested = false) =>
    typeOfSchema(value, { doc: location.doc, pointer: joinPointer(location.pointer, ...key) }, ctx, { inlining: at.inlining, topLevelOf: nested ? NOWHERE : at.topLevelOf });
  const reuse: ReuseType = (key, type) => {
    if (isSmallType(type)) return type;
    const target = { doc: location.doc, pointer: joinPointer(location.pointer, ...key) };
    ctx.shared.declare(locationKey(target), target, type);
    return { kind: 'ref', target: locationKey(target) };
  };

  const parts: TypeExpr[] = [];
  if (typeof schema.$ref === 'string') parts.push(typeOfRef(location, ctx, at));
  const recursive = recursiveRefTarget(ctx.graph, location, schema, vocabulary);
  // Where the dynamic scope decides the target, the type cannot: `unknown` (see recursiveRefTarget).
  if (recursive) parts.push(recursive === 'dynamic' ? UNKNOWN : typeOfTarget(recursive, ctx, at));
  let implied: string[] | undefined;
  parts.push(ownType(schema, sub, reuse, ctx.options, (kinds) => (implied = kinds), vocabulary));
  // Rule `combinators`: members that must all hold intersect; members of which any (or one) holds unite.
  for (const { name, facts } of vocabulary.combinators) {
    const list = schema[name];
    if (!Array.isArray(list)) continue;
    if (facts.combines === 'all') list.forEach((entry, i) => isAnnotationOnly(entry, vocabulary) || parts.push(sub([name, i], entry)));
    else parts.push(unionOf(list.map((entry, i) => sub([name, i], entry))));
  }
  const intersected = intersectionOf(parts);
  // OpenAPI 3.0 `nullable: true` widens whatever the schema says with null; ajv honours it
  // in every dialect, so the type does too (a type never rejects what the validator accepts).
  const type = schema.nullable === true ? unionOf([intersected, keyword('null')]) : intersected;
  if (implied && !isInPlaceMember(location.pointer, vocabulary)) ctx.onImpliedType?.({ location, kinds: implied, type });
  return type;
}

/**
 * json-schema-to-typescript's `tsType`, honoured as the type when it passes the check
 * that keeps it a type expression (see `tsTypeProblem`); refused with a warning
 * otherwise, and the schema's own type stands.
 */
function tsTypeOf(schema: SchemaObject, location: SchemaLocation, vocabulary: Vocabulary, ctx: TypeContext): TypeExpr | undefined {
  if (typeof schema.tsType !== 'string' || !vocabulary.keyword('tsType')) return undefined;
  const problem = tsTypeProblem(schema.tsType);
  if (problem === undefined) return { kind: 'verbatim', text: schema.tsType.trim() };
  ctx.onWarning?.(
    diagnosticAt(location.doc, joinPointer(location.pointer, 'tsType'), {
      severity: 'warning',
      code: 'unsafe-ts-type',
      message: `"tsType" is not used: ${problem}; the type comes from the schema's own keywords`,
      hint: 'write one TypeScript type expression on one line, without ";", comments, imports or declarations (e.g. "Record<string, Foo> | null")',
    }),
  );
  return undefined;
}

/**
 * A subschema more than one place prints: its type is built once, as if it were a
 * named type of its own, then either repeated (small) or declared and referenced.
 */
function sharedType(schema: SchemaObject, location: SchemaLocation, here: string, ctx: TypeContext, at: Position): TypeExpr {
  const known = ctx.shared.decisionOf(here);
  if (known?.kind === 'building') {
    // Reached again from inside its own type: recursion, so it must be declared.
    if (at.topLevelOf.has(here)) return UNKNOWN;
    ctx.shared.markRecursive(here);
    return { kind: 'ref', target: here };
  }
  let decision = known;
  if (!decision) {
    ctx.shared.startBuilding(here);
    const body = typeOfSchema(schema, location, { ...ctx, current: here }, { inlining: new Set(), topLevelOf: new Set([...at.topLevelOf, here]) });
    decision = ctx.shared.finishBuilding(here, location, body);
  }
  if (decision.kind === 'declared') return { kind: 'ref', target: here };
  const body = decision.body;
  return [...referencedTargets(body)].some((key) => at.topLevelOf.has(key)) ? UNKNOWN : body;
}

/** A `$ref` to a named schema is a reference; to anything else, that schema inlined. */
function typeOfRef(location: SchemaLocation, ctx: TypeContext, at: Position): TypeExpr {
  const resolved = ctx.graph.refs.get(locationKey(location));
  return resolved ? typeOfTarget(resolved.target, ctx, at) : UNKNOWN;
}

/** The type of the schema a reference leads to: a name when it has one, else the schema inlined. */
function typeOfTarget(target: SchemaLocation, ctx: TypeContext, at: Position): TypeExpr {
  const targetKey = locationKey(target);
  // `type A = A & …` is circular in TypeScript (and the schema recurses forever there).
  if (at.topLevelOf.has(targetKey)) return UNKNOWN;
  if (targetKey === ctx.current) {
    ctx.shared.markRecursive(targetKey);
    return { kind: 'ref', target: targetKey };
  }
  if (ctx.named.has(targetKey)) return { kind: 'ref', target: targetKey };
  if (at.inlining.has(targetKey)) return UNKNOWN; // a cycle through unnamed schemas
  const schema = getAtPointer(target.doc.json, parsePointer(target.pointer)!);
  at.inlining.add(targetKey);
  const type = typeOfSchema(schema, target, ctx, at);
  at.inlining.delete(targetKey);
  return type;
}

/** What the schema's own keywords (not its `$ref` or combinators) allow. */
function ownType(schema: SchemaObject, sub: SubType, reuse: ReuseType, options: TypeOptions, implied: (kinds: string[]) => void, vocabulary: Vocabulary): TypeExpr {
  if (vocabulary.keyword('const') && Object.hasOwn(schema, 'const')) return literalOf(schema.const);
  if (Array.isArray(schema.enum)) return enumOf(schema.enum);
  const shape = (t: string) => typeOfJsonType(t, schema, sub, reuse, options, vocabulary);
  if (typeof schema.type === 'string') return shape(schema.type);
  // Rule `type arrays`: `type: [a, b]` is a union.
  if (Array.isArray(schema.type)) return unionOf(schema.type.filter((t): t is string => typeof t === 'string').map(shape));
  const kinds = impliedKinds(schema, vocabulary);
  if (kinds.length === 0) return UNKNOWN;
  implied(kinds);
  const shaped = kinds.map(shape);
  // Rule `implied type`: object (or array) keywords constrain only objects (arrays); every
  // other value passes them, so the type admits it too — unless the user chose
  // `assumeTypes`, which makes the validator check the type as well.
  if (options.assumeTypes) return unionOf(shaped);
  const others = (['string', 'number', 'boolean', 'null', 'array', 'object'] as const).filter((k) => !(kinds as string[]).includes(k)).map(bareType);
  return unionOf([...shaped, ...others]);
}

function bareType(kind: 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object'): TypeExpr {
  if (kind === 'array') return { kind: 'array', items: UNKNOWN };
  if (kind === 'object') return { kind: 'object', properties: [], index: UNKNOWN };
  return keyword(kind);
}

function typeOfJsonType(type: string, schema: SchemaObject, sub: SubType, reuse: ReuseType, options: TypeOptions, vocabulary: Vocabulary): TypeExpr {
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
      return arrayType(schema, sub, vocabulary);
    case 'object':
      return objectType(schema, sub, reuse, options, vocabulary);
    default:
      return UNKNOWN;
  }
}
