import { isSchemaObject, type SchemaObject } from '../schema/walk.js';
import { docInfoOf } from './docs.js';
import { isAnnotationOnly } from './rules/annotations.js';
import { intersectionOf, unionOf } from './rules/combine.js';
import { hasApplicatorSiblings, type SubType, type TypeOptions } from './schema-facts.js';
import { isInheritedName, keyword, NEVER, UNKNOWN, type PropertyExpr, type TypeExpr } from './type-expr.js';

/**
 * An object schema as an object type: its properties in schema order (optional unless
 * required), properties only conditional subschemas declare (`then`, `else`,
 * `dependentSchemas`) as optional ones, and an index signature that admits every
 * declared property, so TypeScript accepts the interface and valid literals.
 */
export function objectType(schema: SchemaObject, sub: SubType, options: TypeOptions): TypeExpr {
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
  const declared = isSchemaObject(schema.properties) ? schema.properties : {};
  const properties: PropertyExpr[] = Object.entries(declared).map(([name, propertySchema]) => {
    const folded = isSchemaObject(propertySchema) && Array.isArray(propertySchema.allOf) ? propertySchema.allOf.filter(isAnnotationOnly) : [];
    const optional = !required.has(name);
    const type = sub(['properties', name], propertySchema, true);
    return {
      name,
      type: readAs(name, type, optional),
      optional,
      readOnly: [propertySchema, ...folded].some((s) => isSchemaObject(s) && s.readOnly === true),
      doc: docInfoOf(propertySchema, folded),
    };
  });
  properties.push(...conditionalProperties(schema, sub, new Set(Object.keys(declared))));
  const additional = additionalType(schema, sub);
  const keys = finiteKeys(schema.propertyNames);
  if (keys) return knownKeysObject(schema, sub, properties, keys, additional, required);
  // A required name without a property schema is still present, with the type extra properties have.
  for (const name of required) {
    if (!properties.some((p) => p.name === name)) {
      properties.push({ name, type: additional && additional !== 'absent' ? additional : UNKNOWN, optional: false, readOnly: false, doc: { tags: [] } });
    }
  }
  const index = indexSignature(schema, sub, additional, options, properties);
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

/** `propertyNames: {enum: [...]}` (or `const`) lists every key an instance may have. */
function finiteKeys(propertyNames: unknown): string[] | undefined {
  if (!isSchemaObject(propertyNames)) return undefined;
  const values = Array.isArray(propertyNames.enum) ? propertyNames.enum : 'const' in propertyNames ? [propertyNames.const] : undefined;
  return values?.every((v): v is string => typeof v === 'string') ? values : undefined;
}

/**
 * With a finite set of keys there is no index signature: each key not declared becomes
 * an optional property (required if listed) of the type extra properties have there.
 */
function knownKeysObject(
  schema: SchemaObject,
  sub: SubType,
  properties: PropertyExpr[],
  keys: string[],
  additional: TypeExpr | undefined | 'absent',
  required: Set<string>,
): TypeExpr {
  const patterns = isSchemaObject(schema.patternProperties) ? Object.entries(schema.patternProperties) : [];
  const allowed = properties.filter((p) => keys.includes(p.name));
  for (const key of keys) {
    if (allowed.some((p) => p.name === key)) continue;
    const matching = patterns.filter(([pattern]) => safeTest(pattern, key)).map(([pattern, value]) => sub(['patternProperties', pattern], value, true));
    if (matching.length === 0 && additional === undefined) continue; // not allowed after all
    const type = matching.length > 0 ? intersectionOf(matching) : additional === 'absent' ? UNKNOWN : additional!;
    allowed.push({ name: key, type: readAs(key, type, !required.has(key)), optional: !required.has(key), readOnly: false, doc: { tags: [] } });
  }
  return allowed.length > 0 ? { kind: 'object', properties: allowed } : { kind: 'object', properties: [], index: NEVER };
}

function safeTest(pattern: string, key: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(key);
  } catch {
    return false;
  }
}

/** Properties only `then`, `else` or `dependentSchemas` declare: optional, since they are conditional. */
function conditionalProperties(schema: SchemaObject, sub: SubType, declared: Set<string>): PropertyExpr[] {
  const sources: [(string | number)[], unknown][] = [
    [['then'], schema.then],
    [['else'], schema.else],
    ...(isSchemaObject(schema.dependentSchemas) ? Object.entries(schema.dependentSchemas).map(([k, v]) => [['dependentSchemas', k], v] as [string[], unknown]) : []),
  ];
  const found = new Map<string, { types: TypeExpr[]; schema: unknown }>();
  for (const [path, source] of sources) {
    if (!isSchemaObject(source) || !isSchemaObject(source.properties)) continue;
    for (const [name, propertySchema] of Object.entries(source.properties)) {
      if (declared.has(name)) continue;
      const entry = found.get(name) ?? { types: [], schema: propertySchema };
      entry.types.push(sub([...path, 'properties', name], propertySchema, true));
      found.set(name, entry);
    }
  }
  return [...found].map(([name, { types, schema: propertySchema }]) => ({
    name,
    type: readAs(name, unionOf(types), true),
    optional: true,
    readOnly: false,
    doc: docInfoOf(propertySchema),
  }));
}

/**
 * What properties beyond the declared ones may hold: a type, `undefined` when they are
 * forbidden, or `'absent'` when the schema does not say. Without siblings that evaluate
 * properties, `unevaluatedProperties` means what `additionalProperties` would.
 */
function additionalType(schema: SchemaObject, sub: SubType): TypeExpr | undefined | 'absent' {
  if (schema.additionalProperties !== undefined) return schema.additionalProperties === false ? undefined : sub(['additionalProperties'], schema.additionalProperties, true);
  if (schema.unevaluatedProperties === undefined) return 'absent';
  // Siblings may evaluate more properties than this schema declares: stay open.
  if (hasApplicatorSiblings(schema)) return schema.unevaluatedProperties === false ? undefined : UNKNOWN;
  return schema.unevaluatedProperties === false ? undefined : sub(['unevaluatedProperties'], schema.unevaluatedProperties, true);
}

/** The index signature must admit every declared property too (optional ones: `undefined`), or TypeScript rejects the interface. */
function indexSignature(
  schema: SchemaObject,
  sub: SubType,
  additional: TypeExpr | undefined | 'absent',
  options: TypeOptions,
  properties: PropertyExpr[],
): TypeExpr | undefined {
  const extra: TypeExpr[] = [];
  if (isSchemaObject(schema.patternProperties)) {
    for (const [pattern, value] of Object.entries(schema.patternProperties)) extra.push(sub(['patternProperties', pattern], value, true));
  }
  if (additional === 'absent') {
    if (options.additionalProperties === 'index' || extra.length > 0) extra.push(UNKNOWN);
  } else if (additional !== undefined) {
    extra.push(additional);
  }
  if (extra.length === 0) return undefined;
  const optional = properties.some((p) => p.optional) ? [keyword('undefined')] : [];
  return unionOf([...extra, ...properties.map((p) => p.type), ...optional]);
}
