import { createRequire } from 'node:module';
import { DIALECTS, dialectOfMetaSchema, dialectOfOpenApiVersion, type Dialect } from '../../src/schema/dialect.js';
import { vocabularyOf } from '../../src/schema/keywords/index.js';

const require = createRequire(import.meta.url);
/** The keywords a meta-schema (and the vocabularies it pulls in) declares. */
function metaSchemaKeywords(...files: string[]): string[] {
  return files.flatMap((file) => Object.keys((require(`ajv/dist/refs/${file}`) as { properties?: object }).properties ?? {}));
}
const META: [Dialect, string[]][] = [
  ['draft-06', metaSchemaKeywords('json-schema-draft-06.json')],
  ['draft-07', metaSchemaKeywords('json-schema-draft-07.json')],
  ['2019-09', metaSchemaKeywords(...['schema', 'meta/core', 'meta/applicator', 'meta/validation', 'meta/meta-data', 'meta/format', 'meta/content'].map((f) => `json-schema-2019-09/${f}.json`))],
  [
    '2020-12',
    metaSchemaKeywords(
      ...['schema', 'meta/core', 'meta/applicator', 'meta/unevaluated', 'meta/validation', 'meta/meta-data', 'meta/format-annotation', 'meta/content'].map((f) => `json-schema-2020-12/${f}.json`),
    ),
  ],
];

describe('the keyword table', () => {
  it.each(META)('%s knows every keyword its official meta-schema declares', (dialect, declared) => {
    const vocabulary = vocabularyOf(dialect);
    expect(declared.filter((k) => !vocabulary.keyword(k))).toEqual([]);
  });

  it.each(META)('%s knows no JSON Schema keyword its meta-schema lacks (only editor, peer and OpenAPI ones)', (dialect, declared) => {
    const vocabulary = vocabularyOf(dialect);
    const extra = vocabulary.names.filter((k) => !declared.includes(k) && !vocabulary.keyword(k)!.facts.everywhere);
    // ajv's copy of the draft-07 meta-schema predates `writeOnly`, which draft-07 defines (validation spec §10.3).
    expect(extra).toEqual(dialect === 'draft-07' ? ['writeOnly'] : []);
  });

  it('draft-04: id, boolean-or-list items, no const/contains/if', () => {
    const v = vocabularyOf('draft-04');
    expect(v.idKeyword).toBe('id');
    expect(v.keyword('items')?.holds).toBe('schema-or-schemas');
    expect(['const', 'contains', 'if', 'propertyNames', '$id', '$defs', 'nullable'].filter((k) => v.keyword(k))).toEqual([]);
    expect(v.refOverridesSiblings).toBe(true);
  });

  it('2020-12: items holds one schema, prefixItems the tuple; $ref applies with its siblings', () => {
    const v = vocabularyOf('2020-12');
    expect(v.keyword('items')?.holds).toBe('schema');
    expect(v.keyword('prefixItems')?.holds).toBe('schemas');
    expect(v.keyword('additionalItems')).toBeUndefined();
    expect(v.refOverridesSiblings).toBe(false);
  });

  it('OpenAPI 3.0 adds nullable, discriminator, example to draft-04; 3.1 adds the annotations to 2020-12', () => {
    expect(['nullable', 'discriminator', 'example', 'readOnly', 'deprecated'].every((k) => vocabularyOf('openapi-3.0').keyword(k))).toBe(true);
    expect(vocabularyOf('openapi-3.1').keyword('nullable')).toBeUndefined();
    expect(['discriminator', 'example', 'prefixItems'].every((k) => vocabularyOf('openapi-3.1').keyword(k))).toBe(true);
    expect(vocabularyOf('2020-12').keyword('discriminator')).toBeUndefined();
  });

  it('derived lists: in-place applicators, shapes, doc tags, refs that must be inlined', () => {
    const v = vocabularyOf('2020-12');
    expect([...v.inPlace].sort()).toEqual(['$dynamicRef', '$recursiveRef', '$ref', 'allOf', 'anyOf', 'dependencies', 'dependentSchemas', 'else', 'if', 'not', 'oneOf', 'then']);
    expect(v.shapes).toEqual({ object: ['properties', 'patternProperties', 'additionalProperties', 'required'], array: ['prefixItems', 'items'] });
    expect(v.docTags.slice(0, 4)).toEqual(['minLength', 'maxLength', 'pattern', 'format']);
    expect([...v.crossesRefs].sort()).toEqual(['$dynamicAnchor', '$dynamicRef', '$recursiveAnchor', '$recursiveRef', 'unevaluatedItems', 'unevaluatedProperties']);
  });

  it('derived lists the type rules read: combinators, conditional keywords, place words', () => {
    const v = vocabularyOf('2020-12');
    expect(v.combinators.map((k) => [k.name, k.facts.combines])).toEqual([
      ['allOf', 'all'],
      ['anyOf', 'any'],
      ['oneOf', 'one'],
    ]);
    expect(v.conditional.map((k) => k.name)).toEqual(['then', 'else', 'dependentSchemas', 'dependencies']);
    expect(vocabularyOf('draft-04').conditional.map((k) => k.name)).toEqual(['dependencies']);
    expect(['items', 'prefixItems', 'additionalProperties', 'anyOf', 'allOf'].map((k) => v.keyword(k)?.facts.placeWord)).toEqual(['item', 'item', 'value', 'option', 'part']);
    expect(vocabularyOf('draft-07').shapes.array).toEqual(['items', 'additionalItems']);
  });

  it('draft-04 and OpenAPI 3.0: boolean exclusiveMinimum/Maximum modify minimum/maximum; from draft-06 they are numbers of their own', () => {
    for (const dialect of ['draft-04', 'openapi-3.0'] as const) {
      const v = vocabularyOf(dialect);
      expect(v.keyword('exclusiveMinimum')?.modifies).toBe('minimum');
      expect([...v.modifiedBy]).toEqual([
        ['minimum', 'exclusiveMinimum'],
        ['maximum', 'exclusiveMaximum'],
      ]);
    }
    for (const dialect of ['draft-06', '2020-12', 'openapi-3.1'] as const) expect(vocabularyOf(dialect).modifiedBy.size).toBe(0);
  });

  it('doc tags: dependentRequired from 2019-09 on, after the other constraints', () => {
    expect(vocabularyOf('2019-09').docTags.at(-1)).toBe('dependentRequired');
    expect(vocabularyOf('draft-07').docTags).not.toContain('dependentRequired');
  });

  it('an inherited Object member is never a keyword', () => {
    for (const dialect of DIALECTS) for (const name of ['__proto__', 'constructor', 'toString']) expect(vocabularyOf(dialect).keyword(name)).toBeUndefined();
  });
});

describe('dialects', () => {
  it.each([
    ['http://json-schema.org/draft-04/schema#', 'draft-04'],
    ['https://json-schema.org/draft-04/schema', 'draft-04'],
    ['http://json-schema.org/draft-07/schema', 'draft-07'],
    ['https://json-schema.org/draft/2019-09/schema', '2019-09'],
    ['https://json-schema.org/draft/2020-12/schema#', '2020-12'],
    ['https://spec.openapis.org/oas/3.1/dialect/base', 'openapi-3.1'],
    ['http://json-schema.org/draft-03/schema#', undefined],
    ['https://example.com/my-dialect', undefined],
  ])('$schema %s → %s', (uri, dialect) => {
    expect(dialectOfMetaSchema(uri)).toBe(dialect);
  });

  it('OpenAPI versions', () => {
    expect([dialectOfOpenApiVersion('3.0.3'), dialectOfOpenApiVersion('3.1.0'), dialectOfOpenApiVersion('2.0'), dialectOfOpenApiVersion(3)]).toEqual([
      'openapi-3.0',
      'openapi-3.1',
      undefined,
      undefined,
    ]);
  });
});
