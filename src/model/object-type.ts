import { DEFAULT_DIALECT } from '../schema/dialect.js';
import { vocabularyOf, type Vocabulary } from '../schema/keywords/index.js';
import { isSchemaObject, type SchemaObject } from '../schema/walk.js';
import { docInfoOf } from './docs.js';
import { patternMatchesKey } from './pattern-match.js';
import { isAnnotationOnly } from './rules/annotations.js';
import { intersectionOf, unionOf } from './rules/combine.js';
import { conditionalSubschemas, hasApplicatorSiblings, vocabularyBelow, type ReuseType, type SubType, type TypeOptions } from './schema-facts.js';
import { isInheritedName, isUnknown, keyword, NEVER, UNKNOWN, type PropertyExpr, type TypeExpr } from './type-expr.js';

type KeyPath = (string | number)[];

/** A property with the subschemas its type comes from (one, or several conditional ones). */
interface BuiltProperty {
  property: PropertyExpr;
  sources: [KeyPath, TypeExpr][];
}

/** What properties beyond the declared ones may hold: a type (and where it comes from), `undefined` when forbidden, or `'absent'`. */
type Additional = { path: KeyPath; type: TypeExpr } | undefined | 'absent';

/**
 * Beyond this many (finite keys × patterns) pairs, keys from `propertyNames` are not
 * listed one by one: the object keeps an index signature instead (wider, still sound),
 * so the work and the output stay proportional to the schema.
 */
export const MAX_KEY_PATTERN_PAIRS = 10_000;

/**
 * An object schema as an object type: its properties in schema order (optional unless
 * required), properties only conditional subschemas declare (`then`, `else`,
 * `dependentSchemas`, draft-07's `dependencies`) as optional ones, and an index
 * signature that admits every declared property, so TypeScript accepts the interface
 * and valid literals.
 */
export function objectType(schema: SchemaObject, sub: SubType, reuse: ReuseType, options: TypeOptions, vocabulary: Vocabulary = vocabularyOf(DEFAULT_DIALECT)): TypeExpr {
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
  const declared = isSchemaObject(schema.properties) ? schema.properties : {};
  const built: BuiltProperty[] = Object.entries(declared).map(([name, propertySchema]) => {
    const own = vocabularyBelow(propertySchema, vocabulary);
    const folded = isSchemaObject(propertySchema) && Array.isArray(propertySchema.allOf) ? propertySchema.allOf.filter((m) => isAnnotationOnly(m, own)) : [];
    const type = sub(['properties', name], propertySchema, true);
    return {
      property: {
        name,
        type: readAs(name, type, !required.has(name)),
        optional: !required.has(name),
        readOnly: [propertySchema, ...folded].some((s) => isSchemaObject(s) && s.readOnly === true),
        doc: docInfoOf(propertySchema, folded, own),
      },
      sources: [[['properties', name], type]],
    };
  });
  built.push(...conditionalProperties(schema, sub, new Set(Object.keys(declared)), vocabulary));
  const additional = additionalType(schema, sub, vocabulary);
  const patterns = patternTypes(schema, sub);
  const keys = vocabulary.keyword('propertyNames') ? finiteKeys(schema.propertyNames) : undefined;
  if (keys && keys.length * patterns.length <= MAX_KEY_PATTERN_PAIRS) {
    return knownKeysObject(
      built.map((b) => b.property),
      keys,
      patterns,
      additional,
      required,
      reuse,
    );
  }
  const properties = built.map((b) => b.property);
  // A required name without a property schema is still present, with the type extra properties have.
  const names = new Set(properties.map((p) => p.name));
  const extraRequired = [...required].filter((name) => !names.has(name));
  // That type is printed once per such name and in the index signature: when big, it gets a name.
  const extraType = additional && additional !== 'absent' ? (extraRequired.length > 0 && additional.path.length > 0 ? reuse(additional.path, additional.type) : additional.type) : UNKNOWN;
  for (const name of extraRequired) properties.push({ name, type: extraType, optional: false, readOnly: false, doc: { tags: [] } });
  const index = indexSignature(built, patterns, additional === 'absent' || additional === undefined ? additional : extraType, options, properties, reuse);
  if (index) return { kind: 'object', properties, index };
  if (properties.length > 0) return { kind: 'object', properties };
  // No properties at all: an object the schema says nothing about is a record (`{}`
  // would admit strings); a closed one admits only `{}`; next to a `$ref` or `allOf`
  // it adds nothing, so no `Base & { [key: string]: unknown }`.
  if (schema.additionalProperties === false || schema.propertyNames === false) return { kind: 'object', properties, index: NEVER };
  return { kind: 'object', properties, index: UNKNOWN };
}

/**
 * Every object has `toString`, `constructor` & co.: TypeScript checks an object literal
 * without them against what it inherits, and a read of an absent one returns the
 * inherited member. So an optional property with such a name admits that too.
 */
function readAs(name: string, type: TypeExpr, optional: boolean): TypeExpr {
  return optional && isInheritedName(name) ? unionOf([type, { kind: 'inherited', name }]) : type;
}

interface PatternType {
  pattern: string;
  path: KeyPath;
  type: TypeExpr;
}

function patternTypes(schema: SchemaObject, sub: SubType): PatternType[] {
  if (!isSchemaObject(schema.patternProperties)) return [];
  return Object.entries(schema.patternProperties).map(([pattern, value]) => ({
    pattern,
    path: ['patternProperties', pattern],
    type: sub(['patternProperties', pattern], value, true),
  }));
}

/** `propertyNames: {enum: [...]}` (or `const`) lists every key an instance may have. */
function finiteKeys(propertyNames: unknown): string[] | undefined {
  if (!isSchemaObject(propertyNames)) return undefined;
  const values = Array.isArray(propertyNames.enum) ? propertyNames.enum : 'const' in propertyNames ? [propertyNames.const] : undefined;
  return values?.every((v): v is string => typeof v === 'string') ? [...new Set(values)] : undefined;
}

/**
 * With a finite set of keys there is no index signature: each key not declared becomes
 * an optional property (required if listed) of the type its value may have there.
 * Patterns are never run (see `patternMatchesKey`): a key that a pattern might match
 * takes, soundly, the type of every pattern that might match it.
 */
function knownKeysObject(properties: PropertyExpr[], keys: string[], patterns: PatternType[], additional: Additional, required: Set<string>, reuse: ReuseType): TypeExpr {
  const listed = new Set(keys);
  const allowed = properties.filter((p) => listed.has(p.name));
  const declared = new Set(allowed.map((p) => p.name));
  const sources = keys.filter((key) => !declared.has(key)).map((key) => [key, valueSourcesOfKey(key, patterns, additional)] as const);
  // A source that several keys share is printed once per key: big ones get a name.
  const uses = new Map<ValueSource, number>();
  for (const [, of] of sources) of?.members.forEach((m) => uses.set(m, (uses.get(m) ?? 0) + 1));
  const typeOf = (m: ValueSource) => (m.path.length > 0 && uses.get(m)! > 1 ? reuse(m.path, m.type) : m.type);
  for (const [key, of] of sources) {
    if (of === undefined) continue; // not allowed after all
    const members = of.members.map(typeOf);
    const type = of.combine === 'all' ? intersectionOf(members) : unionOf(members);
    allowed.push({ name: key, type: readAs(key, type, !required.has(key)), optional: !required.has(key), readOnly: false, doc: { tags: [] } });
  }
  return allowed.length > 0 ? { kind: 'object', properties: allowed } : { kind: 'object', properties: [], index: NEVER };
}

interface ValueSource {
  path: KeyPath;
  type: TypeExpr;
}

/**
 * The value of an undeclared `key` satisfies every pattern that matches it, else the
 * additional-properties schema. Patterns known to match: all of them (one that only
 * might match can only narrow that further). None known: any one that might match,
 * or the additional type when none does. `undefined`: the key is not allowed.
 */
function valueSourcesOfKey(key: string, patterns: PatternType[], additional: Additional): { combine: 'all' | 'any'; members: ValueSource[] } | undefined {
  const matching: ValueSource[] = [];
  const possible: ValueSource[] = [];
  for (const pattern of patterns) {
    const matches = patternMatchesKey(pattern.pattern, key);
    if (matches === true) matching.push(pattern);
    else if (matches === undefined) possible.push(pattern);
  }
  if (matching.length > 0) return { combine: 'all', members: matching };
  const otherwise: ValueSource[] = additional === undefined ? [] : [additional === 'absent' ? { path: [], type: UNKNOWN } : additional];
  const members = [...possible, ...otherwise];
  return members.length > 0 ? { combine: 'any', members } : undefined;
}

/** Properties only conditional subschemas (`then`, `else`, `dependentSchemas`, `dependencies`) declare: optional, since they are conditional. */
function conditionalProperties(schema: SchemaObject, sub: SubType, declared: Set<string>, vocabulary: Vocabulary): BuiltProperty[] {
  const found = new Map<string, { sources: [KeyPath, TypeExpr][]; schema: unknown; vocabulary: Vocabulary }>();
  for (const [path, source] of conditionalSubschemas(schema, vocabulary)) {
    if (!isSchemaObject(source) || !isSchemaObject(source.properties)) continue;
    for (const [name, propertySchema] of Object.entries(source.properties)) {
      if (declared.has(name)) continue;
      const entry = found.get(name) ?? { sources: [], schema: propertySchema, vocabulary: vocabularyBelow(propertySchema, vocabularyBelow(source, vocabulary)) };
      const at = [...path, 'properties', name];
      entry.sources.push([at, sub(at, propertySchema, true)]);
      found.set(name, entry);
    }
  }
  return [...found].map(([name, { sources: from, schema: propertySchema, vocabulary: own }]) => ({
    property: { name, type: readAs(name, unionOf(from.map(([, type]) => type)), true), optional: true, readOnly: false, doc: docInfoOf(propertySchema, [], own) },
    sources: from,
  }));
}

/**
 * What properties beyond the declared ones may hold. Without siblings that evaluate
 * properties, `unevaluatedProperties` means what `additionalProperties` would.
 */
function additionalType(schema: SchemaObject, sub: SubType, vocabulary: Vocabulary): Additional {
  if (schema.additionalProperties !== undefined) {
    return schema.additionalProperties === false ? undefined : { path: ['additionalProperties'], type: sub(['additionalProperties'], schema.additionalProperties, true) };
  }
  if (schema.unevaluatedProperties === undefined || !vocabulary.keyword('unevaluatedProperties')) return 'absent';
  // Siblings may evaluate more properties than this schema declares: stay open.
  if (hasApplicatorSiblings(schema, vocabulary)) return schema.unevaluatedProperties === false ? undefined : { path: [], type: UNKNOWN };
  return schema.unevaluatedProperties === false ? undefined : { path: ['unevaluatedProperties'], type: sub(['unevaluatedProperties'], schema.unevaluatedProperties, true) };
}

/**
 * The index signature must admit every declared property too (optional ones:
 * `undefined`), or TypeScript rejects the interface. A property type that is not
 * small would then be printed twice, so it becomes a named type (see `ReuseType`).
 */
function indexSignature(
  built: BuiltProperty[],
  patterns: PatternType[],
  additional: TypeExpr | undefined | 'absent',
  options: TypeOptions,
  properties: PropertyExpr[],
  reuse: ReuseType,
): TypeExpr | undefined {
  const extra: TypeExpr[] = patterns.map((p) => p.type);
  if (additional === 'absent') {
    if (options.additionalProperties === 'index' || extra.length > 0) extra.push(UNKNOWN);
  } else if (additional !== undefined) {
    extra.push(additional);
  }
  if (extra.length === 0) return undefined;
  if ([...extra, ...properties.map((p) => p.type)].some(isUnknown)) return UNKNOWN; // admits every property as it is
  for (const { property, sources } of built) property.type = readAs(property.name, unionOf(sources.map(([path, type]) => reuse(path, type))), property.optional);
  const optional = properties.some((p) => p.optional) ? [keyword('undefined')] : [];
  return unionOf([...extra, ...properties.map((p) => p.type), ...optional]);
}
