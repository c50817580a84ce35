import { DEFAULT_DIALECT } from '../schema/dialect.js';
import { vocabularyOf, type Vocabulary } from '../schema/keywords/index.js';
import { isSchemaObject, type SchemaObject } from '../schema/walk.js';
import { arrayParts } from './array-type.js';
import { isAnnotationOnly } from './rules/annotations.js';
import { conditionalSubschemas, declaredTypes, hasApplicatorSiblings, isLiteralSchema, refOverridesSiblings } from './schema-facts.js';

/** A subschema by its keyword path below the schema that holds it. */
export type TypeEdge = [path: (string | number)[], schema: unknown];

/**
 * The subschemas whose types become part of this schema's type: exactly the ones
 * `typeOfSchema` (with `objectType` and `arrayType`) computes, each once, in the
 * schema's dialect. Not `$ref`, which the caller follows through the resolved graph.
 * Kept next to those functions' rules: a path missing here is a schema the model may
 * inline twice.
 */
export function typeEdges(schema: SchemaObject, vocabulary: Vocabulary = vocabularyOf(DEFAULT_DIALECT)): TypeEdge[] {
  // Up to draft-07 a `$ref` makes its siblings ignored: only the ref is read.
  if (refOverridesSiblings(schema, vocabulary)) return [];
  const edges: TypeEdge[] = [];
  if (!isLiteralSchema(schema, vocabulary)) {
    for (const type of declaredTypes(schema, vocabulary) ?? []) {
      if (type === 'object') edges.push(...objectEdges(schema, vocabulary));
      if (type === 'array') edges.push(...arrayEdges(schema, vocabulary));
    }
  }
  for (const { name, facts } of vocabulary.combinators) {
    const list = schema[name];
    if (!Array.isArray(list)) continue;
    list.forEach((member, i) => (facts.combines === 'all' && isAnnotationOnly(member, vocabulary)) || edges.push([[name, i], member]));
  }
  return edges;
}

function objectEdges(schema: SchemaObject, vocabulary: Vocabulary): TypeEdge[] {
  const edges: TypeEdge[] = [];
  const declared = isSchemaObject(schema.properties) ? schema.properties : {};
  for (const [name, value] of Object.entries(declared)) edges.push([['properties', name], value]);
  for (const [path, source] of conditionalSubschemas(schema, vocabulary)) {
    if (!isSchemaObject(source) || !isSchemaObject(source.properties)) continue;
    for (const [name, value] of Object.entries(source.properties)) {
      if (!Object.hasOwn(declared, name)) edges.push([[...path, 'properties', name], value]);
    }
  }
  if (schema.additionalProperties !== undefined) edges.push([['additionalProperties'], schema.additionalProperties]);
  else if (schema.unevaluatedProperties !== undefined && vocabulary.keyword('unevaluatedProperties') && !hasApplicatorSiblings(schema, vocabulary))
    edges.push([['unevaluatedProperties'], schema.unevaluatedProperties]);
  if (isSchemaObject(schema.patternProperties)) {
    for (const [pattern, value] of Object.entries(schema.patternProperties)) edges.push([['patternProperties', pattern], value]);
  }
  return edges;
}

function arrayEdges(schema: SchemaObject, vocabulary: Vocabulary): TypeEdge[] {
  const edges: TypeEdge[] = [];
  const { tuple, rest } = arrayParts(schema, vocabulary);
  if (rest) edges.push([[rest], schema[rest]]);
  if (tuple) (schema[tuple] as unknown[]).forEach((item, i) => edges.push([[tuple, i], item]));
  return edges;
}
