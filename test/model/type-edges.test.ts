import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { arrayType } from '../../src/model/array-type.js';
import { objectType } from '../../src/model/object-type.js';
import { declaredTypes, type SubType } from '../../src/model/schema-facts.js';
import { typeEdges } from '../../src/model/type-edges.js';
import { UNKNOWN } from '../../src/model/type-expr.js';
import { DEFAULT_DIALECT, type Dialect } from '../../src/schema/dialect.js';
import { vocabularyOf, type Vocabulary } from '../../src/schema/keywords/index.js';
import { documentDialect, isSchemaObject, walkSchema, type SchemaObject } from '../../src/schema/walk.js';
import { FIXTURES } from '../helpers/paths.js';
import { describeSuite, SUITE } from '../conformance/suite.js';

/**
 * `sharedSubschemas` finds what is printed twice by following `typeEdges`; a subschema
 * the type rules read but `typeEdges` leaves out would be inlined twice unnoticed. So:
 * for every subschema of the golden inputs and of the JSON-Schema-Test-Suite, every
 * subschema `objectType` and `arrayType` read is among its edges.
 */
function readPaths(schema: SchemaObject, vocabulary: Vocabulary = vocabularyOf(DEFAULT_DIALECT)): string[] {
  const read: string[] = [];
  const sub: SubType = (key) => {
    read.push(JSON.stringify(key));
    return UNKNOWN;
  };
  for (const type of declaredTypes(schema, vocabulary) ?? []) {
    if (type === 'object') objectType(schema, sub, (_key, t) => t, { additionalProperties: 'index' }, vocabulary);
    if (type === 'array') arrayType(schema, sub, vocabulary);
  }
  return read;
}

/** Each schema in the dialect its `$schema` names (else `fallback`), every subschema in the dialect the walk says. */
function checkAll(schemas: unknown[], fallback: Dialect = DEFAULT_DIALECT): number {
  let checked = 0;
  for (const root of schemas) {
    walkSchema(
      root,
      '',
      null,
      (node, _pointer, _context, dialect) => {
        const vocabulary = vocabularyOf(dialect);
        if (('const' in node && vocabulary.keyword('const')) || Array.isArray(node.enum)) return null;
        const edges = new Set(typeEdges(node, vocabulary).map(([path]) => JSON.stringify(path)));
        for (const path of readPaths(node, vocabulary)) expect({ schema: node, dialect, path, inEdges: edges.has(path) }).toEqual({ schema: node, dialect, path, inEdges: true });
        checked++;
        return null;
      },
      documentDialect(root, 'input', fallback),
    );
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

  it('and for the draft-07 shapes: a tuple of items with additionalItems, dependencies with schemas and names', () => {
    const schema = {
      type: ['object', 'array'],
      properties: { a: {} },
      dependencies: { a: { properties: { d: {} } }, b: ['a'] },
      items: [{}, {}],
      additionalItems: {},
    };
    const draft07 = vocabularyOf('draft-07');
    expect(new Set(readPaths(schema, draft07))).toEqual(new Set(typeEdges(schema, draft07).map(([p]) => JSON.stringify(p))));
    expect(typeEdges(schema, draft07).map(([p]) => p.join('/'))).toEqual(['properties/a', 'dependencies/a/properties/d', 'additionalItems', 'items/0', 'items/1']);
  });

  it('a $ref that overrides its siblings (draft-07) has no edges of its own', () => {
    const schema = { $ref: '#/x', properties: { a: {} }, allOf: [{ type: 'string' }] };
    expect(typeEdges(schema, vocabularyOf('draft-07'))).toEqual([]);
    expect(typeEdges(schema, vocabularyOf('2020-12')).map(([p]) => p.join('/'))).toEqual(['properties/a', 'allOf/0']);
  });
});

describeSuite('typeEdges on the JSON-Schema-Test-Suite', () => {
  it.each([
    ['draft4', 'draft-04'],
    ['draft6', 'draft-06'],
    ['draft7', 'draft-07'],
    ['draft2019-09', '2019-09'],
    ['draft2020-12', '2020-12'],
  ] as const)('%s: names every subschema the rules read', (folder, dialect) => {
    const schemas = jsonFilesUnder(join(SUITE, 'tests', folder)).flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as { schema: unknown }[]).map((g) => g.schema));
    expect(checkAll(schemas.filter(isSchemaObject), dialect)).toBeGreaterThan(300);
  });
});
