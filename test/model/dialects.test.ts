import { diagnosticsOf, DRAFT_04, DRAFT_06, DRAFT_07, DRAFT_2019_09, DRAFT_2020_12, shapeOf, typesOf } from './types-of.js';

/** Each rule where types follow the dialect at the schema's location (issue 10). */

describe('rule: $ref overrides its siblings up to draft-07 (and in OpenAPI 3.0)', () => {
  const schema = (dialect: string) => ({
    $schema: dialect,
    title: 'Order',
    type: 'object',
    definitions: { id: { type: 'object', properties: { n: { type: 'number' } } } },
    properties: {
      id: { $ref: '#/definitions/id', required: ['n'], maxProperties: 3, description: 'Described beside the ref.' },
    },
  });

  it.each([DRAFT_04, DRAFT_06, DRAFT_07])('%s: the referenced type alone; constraints beside it warned about, not tagged', async (dialect) => {
    const result = await typesOf({ 'schemas/order.json': schema(dialect) });
    expect(shapeOf(result.types.Order)).toBe('export interface Order { id?: Id; }');
    // The description documents the property; the ignored constraint is no tag.
    expect(result.types.Order).toContain('Described beside the ref.');
    expect(result.types.Order).not.toContain('@maxProperties');
    expect(diagnosticsOf(result, 'ignored-beside-ref')).toEqual([
      `/properties/id: "required", "maxProperties" beside "$ref" are ignored in ${dialect.includes('04') ? 'draft-04' : dialect.includes('06') ? 'draft-06' : 'draft-07'}: only the referenced schema applies`,
    ]);
    expect(result.diagnostics.find((d) => d.code === 'ignored-beside-ref')).toMatchObject({ severity: 'warning', file: 'schemas/order.json', line: expect.any(Number) });
  });

  it('2019-09 and 2020-12: the siblings apply with the ref', async () => {
    for (const dialect of [DRAFT_2019_09, DRAFT_2020_12]) {
      const result = await typesOf({
        'schemas/order.json': { ...schema(dialect), definitions: undefined, $defs: { id: schema(dialect).definitions.id }, properties: { id: { $ref: '#/$defs/id', required: ['n'] } } },
      });
      expect(shapeOf(result.types.Order)).toBe('export interface Order { id?: Id & { n: unknown; }; }');
      expect(diagnosticsOf(result, 'ignored-beside-ref')).toEqual([]);
    }
  });

  it('annotations and definitions beside a $ref are not reported', async () => {
    const result = await typesOf({
      'schemas/root.json': { $schema: DRAFT_07, $ref: '#/definitions/config', description: 'd', title: 'Root', $comment: 'c', definitions: { config: { type: 'string' } } },
    });
    expect(shapeOf(result.types.Root)).toBe('export type Root = Config;');
    expect(diagnosticsOf(result, 'ignored-beside-ref')).toEqual([]);
  });

  it('OpenAPI 3.0: nullable beside a $ref is ignored (and said so); in allOf it applies', async () => {
    const result = await typesOf({
      'schemas/api.yaml': [
        'openapi: 3.0.3',
        'info: { title: t, version: "1" }',
        'paths: {}',
        'components:',
        '  schemas:',
        '    Pet: { type: object, properties: { name: { type: string } } }',
        '    Owner:',
        '      type: object',
        '      properties:',
        '        pet: { $ref: "#/components/schemas/Pet", nullable: true }',
        '        maybePet: { allOf: [{ $ref: "#/components/schemas/Pet" }], nullable: true }',
      ].join('\n'),
    });
    expect(shapeOf(result.types.Owner)).toBe('export interface Owner { pet?: Pet; maybePet?: Pet | null; }');
    expect(diagnosticsOf(result, 'ignored-beside-ref')).toEqual(['/components/schemas/Owner/properties/pet: "nullable" beside "$ref" is ignored in OpenAPI 3.0: only the referenced schema applies']);
  });
});

describe('rule: tuples before 2020-12 are items: [..] + additionalItems', () => {
  it.each([DRAFT_04, DRAFT_06, DRAFT_07, DRAFT_2019_09])('%s', async (dialect) => {
    const result = await typesOf({
      'schemas/point.json': { $schema: dialect, title: 'Point', type: 'array', items: [{ type: 'number' }, { type: 'string' }], minItems: 1, additionalItems: false },
      'schemas/open.json': { $schema: dialect, title: 'Open', type: 'array', items: [{ type: 'number' }], additionalItems: { type: 'boolean' } },
      'schemas/rest.json': { $schema: dialect, title: 'Rest', type: 'array', items: [{ type: 'number' }] },
      'schemas/each.json': { $schema: dialect, title: 'Each', type: 'array', items: { type: 'number' }, additionalItems: false },
    });
    expect(shapeOf(result.types.Point)).toBe('export type Point = [item0: number, item1?: string];');
    expect(shapeOf(result.types.Open)).toBe('export type Open = [item0?: number, ...rest: boolean[]];');
    expect(shapeOf(result.types.Rest)).toBe('export type Rest = [item0?: number, ...rest: unknown[]];');
    // additionalItems means nothing without a list of items.
    expect(shapeOf(result.types.Each)).toBe('export type Each = number[];');
  });

  it('2019-09: unevaluatedItems closes a tuple the way additionalItems does', async () => {
    const result = await typesOf({ 'schemas/pair.json': { $schema: DRAFT_2019_09, title: 'Pair', type: 'array', items: [{ type: 'string' }, { type: 'string' }], unevaluatedItems: false } });
    expect(shapeOf(result.types.Pair)).toBe('export type Pair = [item0?: string, item1?: string];');
  });

  it('2020-12: prefixItems + items, as before', async () => {
    const result = await typesOf({ 'schemas/pair.json': { $schema: DRAFT_2020_12, title: 'Pair', type: 'array', prefixItems: [{ type: 'string' }], items: { type: 'number' } } });
    expect(shapeOf(result.types.Pair)).toBe('export type Pair = [item0?: string, ...rest: number[]];');
  });
});

describe('rule: dependencies (both forms) and dependentRequired', () => {
  it('draft-07 dependencies: a schema adds optional properties (like dependentSchemas); names become a dependentRequired tag', async () => {
    const result = await typesOf({
      'schemas/card.json': {
        $schema: DRAFT_07,
        title: 'Card',
        type: 'object',
        properties: { number: { type: 'string' } },
        dependencies: { number: ['cvc'], billing: { properties: { address: { type: 'string' } }, required: ['address'] } },
      },
    });
    expect(shapeOf(result.types.Card)).toBe('export interface Card { number?: string; address?: string; }');
    expect(result.types.Card).toContain('@dependentRequired {"number":["cvc"]}');
  });

  it('2019-09 dependentRequired: a tag, the type unchanged', async () => {
    const result = await typesOf({ 'schemas/card.json': { $schema: DRAFT_2019_09, title: 'Card', type: 'object', properties: { a: { type: 'string' } }, dependentRequired: { a: ['b', 'c'] } } });
    expect(shapeOf(result.types.Card)).toBe('export interface Card { a?: string; }');
    expect(result.types.Card).toContain('@dependentRequired {"a":["b","c"]}');
  });
});

describe('rule: boolean exclusiveMinimum/exclusiveMaximum (draft-04, OpenAPI 3.0) read as draft-06 numbers', () => {
  it.each([
    [DRAFT_04, { minimum: 5, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: false }, ['@exclusiveMinimum 5', '@maximum 10'], ['@minimum', '@exclusiveMaximum']],
    [DRAFT_04, { minimum: 0, exclusiveMinimum: true }, ['@exclusiveMinimum 0'], ['@minimum']],
    [DRAFT_06, { minimum: 5, exclusiveMinimum: 6 }, ['@minimum 5', '@exclusiveMinimum 6'], []],
  ])('%s %j', async (dialect, keywords, shown, absent) => {
    const result = await typesOf({ 'schemas/n.json': { $schema: dialect, title: 'N', type: 'number', ...keywords } });
    for (const tag of shown) expect(result.types.N).toContain(tag);
    for (const tag of absent) expect(result.types.N).not.toContain(tag);
    expect(result.types.N).not.toContain('true');
  });

  it('OpenAPI 3.0 components read the same way', async () => {
    const result = await typesOf({
      'schemas/api.json': { openapi: '3.0.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { Price: { type: 'number', minimum: 0, exclusiveMinimum: true } } } },
    });
    expect(result.types.Price).toContain('@exclusiveMinimum 0');
    expect(result.types.Price).not.toContain('@minimum');
  });
});

describe('rule: $recursiveRef (2019-09)', () => {
  const tree = (anchor: boolean | undefined) => ({
    $schema: DRAFT_2019_09,
    $id: 'https://example.com/tree',
    title: 'Tree',
    ...(anchor === undefined ? {} : { $recursiveAnchor: anchor }),
    type: 'object',
    properties: { value: { type: 'number' }, children: { type: 'array', items: { $recursiveRef: '#' } } },
  });

  it.each([true, false, undefined])('with $recursiveAnchor %s and no other recursive anchor: the root of its resource', async (anchor) => {
    const result = await typesOf({ 'schemas/tree.json': tree(anchor) });
    expect(shapeOf(result.types.Tree)).toBe('export interface Tree { value?: number; children?: Tree[]; }');
  });

  it('with another schema that declares a recursive anchor (and may extend it): unknown, whatever the dynamic scope', async () => {
    const result = await typesOf({
      'schemas/tree.json': tree(true),
      'schemas/strict-tree.json': { $schema: DRAFT_2019_09, $id: 'https://example.com/strict-tree', title: 'StrictTree', $recursiveAnchor: true, $ref: 'tree', unevaluatedProperties: false },
    });
    expect(shapeOf(result.types.Tree)).toBe('export interface Tree { value?: number; children?: unknown[]; }');
  });

  it('a root without the anchor stays itself, even when others declare one', async () => {
    const result = await typesOf({
      'schemas/tree.json': tree(false),
      'schemas/other.json': { $schema: DRAFT_2019_09, title: 'Other', $recursiveAnchor: true, type: 'string' },
    });
    expect(shapeOf(result.types.Tree)).toBe('export interface Tree { value?: number; children?: Tree[]; }');
  });

  it('a value other than "#" is unknown', async () => {
    const result = await typesOf({ 'schemas/x.json': { $schema: DRAFT_2019_09, title: 'X', type: 'object', properties: { a: { $recursiveRef: '#/properties' } } } });
    expect(shapeOf(result.types.X)).toBe('export interface X { a?: unknown; }');
  });
});

describe('the dialect at each location', () => {
  it('an embedded 2020-12 resource in a draft-07 document: prefixItems is its tuple, and a $ref applies with its siblings there', async () => {
    const result = await typesOf({
      'schemas/mixed.json': {
        $schema: DRAFT_07,
        title: 'Mixed',
        type: 'object',
        definitions: { base: { type: 'object', properties: { a: { type: 'string' } } } },
        properties: {
          legacy: { type: 'array', items: [{ type: 'string' }], additionalItems: false },
          legacyRef: { $ref: '#/definitions/base', required: ['a'] },
          modern: {
            $id: 'https://example.com/modern',
            $schema: DRAFT_2020_12,
            type: 'object',
            properties: { pair: { type: 'array', prefixItems: [{ type: 'string' }], items: false }, ref: { $ref: 'https://example.com/base', required: ['a'] } },
            $defs: { base: { $id: 'https://example.com/base', type: 'object', properties: { a: { type: 'string' } } } },
          },
        },
      },
    });
    // The embedded resource of another dialect is a named type (its validator is another dialect's, called by name).
    expect(shapeOf(result.types.Mixed)).toBe('export interface Mixed { legacy?: [item0?: string]; legacyRef?: Base; modern?: Modern; }');
    expect(shapeOf(result.types.Modern)).toMatch(/^export interface Modern \{ pair\?: \[item0\?: string\]; ref\?: \w*Base & \{ a: unknown; \}; \}$/);
    expect(diagnosticsOf(result, 'ignored-beside-ref')).toEqual(['/properties/legacyRef: "required" beside "$ref" is ignored in draft-07: only the referenced schema applies']);
    expect(diagnosticsOf(result, 'unknown-keyword')).toEqual([]);
  });

  it('a ref from a 2020-12 document into a draft-07 one reads the target as draft-07', async () => {
    const result = await typesOf({
      'schemas/new.json': { $schema: DRAFT_2020_12, title: 'New', type: 'object', properties: { old: { $ref: 'old.json' } } },
      'schemas/old.json': { $schema: DRAFT_07, title: 'Old', $ref: '#/definitions/base', type: 'number', definitions: { base: { type: 'array', items: [{ type: 'boolean' }] } } },
    });
    expect(shapeOf(result.types.Old)).toBe('export type Old = Base;');
    expect(shapeOf(result.types.Base)).toBe('export type Base = [item0?: boolean, ...rest: unknown[]];');
  });

  it('draft-04: const is no keyword yet (the type stays wide); 2020-12: a literal', async () => {
    const result = await typesOf({
      'schemas/a.json': { $schema: DRAFT_04, title: 'A', type: 'string', const: 'x' },
      'schemas/b.json': { $schema: DRAFT_2020_12, title: 'B', type: 'string', const: 'x' },
    });
    expect([shapeOf(result.types.A), shapeOf(result.types.B)]).toEqual(['export type A = string;', 'export type B = "x";']);
  });

  it('OpenAPI 3.1: 2020-12 plus the OpenAPI annotations, which neither change the type nor warn', async () => {
    const result = await typesOf({
      'schemas/api.json': {
        openapi: '3.1.0',
        info: { title: 't', version: '1' },
        components: {
          schemas: {
            Pet: {
              type: 'object',
              discriminator: { propertyName: 'kind' },
              xml: { name: 'pet' },
              externalDocs: { url: 'https://example.com/pet' },
              example: { kind: 'cat' },
              properties: { kind: { type: 'string' }, tags: { type: 'array', prefixItems: [{ type: 'string' }] } },
            },
          },
        },
      },
    });
    expect(shapeOf(result.types.Pet)).toBe('export interface Pet { kind?: string; tags?: [item0?: string, ...rest: unknown[]]; }');
    expect(result.types.Pet).toContain('@example {"kind":"cat"}');
    expect(result.types.Pet).toContain('@see https://example.com/pet');
    expect(result.diagnostics).toEqual([]);
  });
});
