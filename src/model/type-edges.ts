import { isSchemaObject, type SchemaObject } from '../schema/walk.js';
import { isAnnotationOnly } from './rules/annotations.js';
import { declaredTypes, hasApplicatorSiblings, isLiteralSchema } from './schema-facts.js';

/** A subschema by its keyword path below the schema that holds it. */
export type TypeEdge = [path: (string | number)[], schema: unknown];

/**
 * The subschemas whose types become part of this schema's type: exactly the ones
 * `typeOfSchema` (with `objectType` and `arrayType`) computes, each once. Not `$ref`,
 * which the caller follows through the resolved graph. Kept next to those functions'
 * rules: a path missing here is a schema the model may inline twice.
 */
export function typeEdges(schema: SchemaObject): TypeEdge[] {
  const edges: TypeEdge[] = [];
  if (!isLiteralSchema(schema)) {
    for (const type of declaredTypes(schema) ?? []) {
      if (type === 'object') edges.push(...objectEdges(schema));
      if (type === 'array') edges.push(...arrayEdges(schema));
    }
  }
  if (Array.isArray(schema.allOf)) schema.allOf.forEach((member, i) => isAnnotationOnly(member) || edges.push([['allOf', i], member]));
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((member, i) => edges.push([[key, i], member]));
  }
  return edges;
}

function objectEdges(schema: SchemaObject): TypeEdge[] {
  const edges: TypeEdge[] = [];
  const declared = isSchemaObject(schema.properties) ? schema.properties : {};
  for (const [name, value] of Object.entries(declared)) edges.push([['properties', name], value]);
  const conditional: [(string | number)[], unknown][] = [
    [['then'], schema.then],
    [['else'], schema.else],
    ...(isSchemaObject(schema.dependentSchemas) ? Object.entries(schema.dependentSchemas).map(([k, v]) => [['dependentSchemas', k], v] as [string[], unknown]) : []),
  ];
  for (const [path, source] of conditional) {
    if (!isSchemaObject(source) || !isSchemaObject(source.properties)) continue;
    for (const [name, value] of Object.entries(source.properties)) {
      if (!Object.hasOwn(declared, name)) edges.push([[...path, 'properties', name], value]);
    }
  }
  if (schema.additionalProperties !== undefined) edges.push([['additionalProperties'], schema.additionalProperties]);
  else if (schema.unevaluatedProperties !== undefined && !hasApplicatorSiblings(schema)) edges.push([['unevaluatedProperties'], schema.unevaluatedProperties]);
  if (isSchemaObject(schema.patternProperties)) {
    for (const [pattern, value] of Object.entries(schema.patternProperties)) edges.push([['patternProperties', pattern], value]);
  }
  return edges;
}

function arrayEdges(schema: SchemaObject): TypeEdge[] {
  const edges: TypeEdge[] = [];
  if ('items' in schema && !Array.isArray(schema.items)) edges.push([['items'], schema.items]);
  else if (!hasApplicatorSiblings(schema) && 'unevaluatedItems' in schema) edges.push([['unevaluatedItems'], schema.unevaluatedItems]);
  if (Array.isArray(schema.prefixItems)) schema.prefixItems.forEach((item, i) => edges.push([['prefixItems', i], item]));
  return edges;
}
