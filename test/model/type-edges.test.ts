import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { arrayType } from '../../src/model/array-type.js';
import { objectType } from '../../src/model/object-type.js';
import { declaredTypes, type SubType } from '../../src/model/schema-facts.js';
import { typeEdges } from '../../src/model/type-edges.js';
import { UNKNOWN } from '../../src/model/type-expr.js';
import { isSchemaObject, walkSchema, type SchemaObject } from '../../src/schema/walk.js';
import { FIXTURES } from '../helpers/paths.js';
import { describeSuite, SUITE_TESTS } from '../conformance/suite.js';

/**
 * `sharedSubschemas` finds what is printed twice by following `typeEdges`; a subschema
 * the type rules read but `typeEdges` leaves out would be inlined twice unnoticed. So:
 * for every subschema of the golden inputs and of the JSON-Schema-Test-Suite, every
 * subschema `objectType` and `arrayType` read is among its edges.
 */
function readPaths(schema: SchemaObject): string[] {
  const read: string[] = [];
  const sub: SubType = (key) => {
    read.push(JSON.stringify(key));
    return UNKNOWN;
  };
  for (const type of declaredTypes(schema) ?? []) {
    if (type === 'object') objectType(schema, sub, (_key, t) => t, { additionalProperties: 'index' });
    if (type === 'array') arrayType(schema, sub);
  }
  return read;
}

function checkAll(schemas: unknown[]): number {
  let checked = 0;
  for (const root of schemas) {
    walkSchema(root, '', null, (node) => {
      if ('const' in node || Array.isArray(node.enum)) return null;
      const edges = new Set(typeEdges(node).map(([path]) => JSON.stringify(path)));
      for (const path of readPaths(node)) expect({ schema: node, path, inEdges: edges.has(path) }).toEqual({ schema: node, path, inEdges: true });
      checked++;
      return null;
    });
  }
  return checked;
}

const jsonFilesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsonFilesUnder(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []));

describe('typeEdges names every subschema the object and array rules read', () => {
  it('in the golden inputs', () => {
    const schemas = readdirSync(FIXTURES).flatMap((name) => {
      try {
        return jsonFilesUnder(join(FIXTURES, name, 'input')).map((f) => JSON.parse(readFileSync(f, 'utf8')) as unknown);
      } catch {
        return [];
      }
    });
    expect(checkAll(schemas)).toBeGreaterThan(200);
  });

  it('and for one schema of each shape it covers', () => {
    const schema = {
      type: ['object', 'array'],
      properties: { a: {} },
      patternProperties: { '^x': {} },
      additionalProperties: {},
      then: { properties: { b: {}, a: {} } },
      dependentSchemas: { a: { properties: { c: {} } } },
      propertyNames: { enum: ['a', 'xy', 'z'] },
      items: {},
      prefixItems: [{}, {}],
    };
    expect(new Set(readPaths(schema))).toEqual(new Set(typeEdges(schema).map(([p]) => JSON.stringify(p))));
  });
});

describeSuite('typeEdges on the JSON-Schema-Test-Suite', () => {
  it('names every subschema the rules read', () => {
    const schemas = jsonFilesUnder(SUITE_TESTS).flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as { schema: unknown }[]).map((g) => g.schema));
    expect(checkAll(schemas.filter(isSchemaObject))).toBeGreaterThan(800);
  });
});
