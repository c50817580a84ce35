import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate } from '../../../src/index.js';
import { generateAndImport } from '../../helpers/generate-and-import.js';
import { withTempDir } from '../../helpers/temp-dir.js';

// Schemas whose meaning crosses a `$ref` (what the target evaluated, or the dynamic
// scope) are compiled with refs inlined; detecting them must not depend on how the
// document is written.
describe('schemas compiled with native refs', () => {
  it('unevaluatedProperties in any YAML spelling sees what a referenced schema evaluated', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      await writeFile(join(dir, 'schemas', 'cat.yaml'), 'title: Cat\ntype: object\nproperties:\n  name: {type: string}\n');
      await writeFile(join(dir, 'schemas', 'pets.yaml'), "title: Pets\nanyOf:\n  - 'unevaluatedProperties': false\n    $ref: cat.yaml\n");
      const report = await generate({ cwd: dir });
      expect(report.diagnostics).toEqual([]);
      const { validatePets } = (await import(pathToFileURL(join(dir, 'generated', 'index.js')).href)) as Record<string, (d: unknown) => boolean>;
      expect(validatePets!({ name: 'x' })).toBe(true);
      expect(validatePets!({ name: 'x', other: 1 })).toBe(false);
    }));

  it('a $dynamicAnchor in the referring schema extends the referenced one', () =>
    withTempDir(async (dir) => {
      const { index } = await generateAndImport(dir, {
        'tree.json': {
          $id: 'https://example.com/tree',
          title: 'Tree',
          $dynamicAnchor: 'node',
          type: 'object',
          properties: { data: true, children: { type: 'array', items: { $dynamicRef: '#node' } } },
        },
        'strict-tree.json': { $id: 'https://example.com/strict-tree', title: 'StrictTree', $dynamicAnchor: 'node', $ref: 'tree', required: ['data'] },
      });
      expect(index.validateStrictTree!({ data: 1, children: [{ data: 2 }] })).toBe(true);
      expect(index.validateStrictTree!({ data: 1, children: [{}] })).toBe(false);
      expect(index.validateTree!({ data: 1, children: [{}] })).toBe(true);
    }));

  it('error schema paths name the file and place of the keyword that failed, in a referenced schema compiled as its own function too', () =>
    withTempDir(async (dir) => {
      const DIALECT = 'https://json-schema.org/draft/2020-12/schema';
      const schemas = {
        'base-type.json': { $schema: DIALECT, title: 'BaseType', type: 'object', properties: { Name: { type: 'string', minLength: 3 } } },
        'user-type.json': {
          $schema: DIALECT,
          title: 'UserType',
          allOf: [{ $ref: '#/components/schemas/BaseType' }],
          properties: { Age: { type: 'integer' } },
          unevaluatedProperties: false,
        },
        'order-type.json': {
          $schema: DIALECT,
          title: 'OrderType',
          $defs: { Line: { type: 'object', properties: { Qty: { type: 'integer', minimum: 1 } } } },
          allOf: [{ $ref: '#/$defs/Line' }, { $ref: '#/components/schemas/UserType' }],
          unevaluatedProperties: false,
        },
      };
      const { index } = await generateAndImport(dir, schemas);
      const places = (data: unknown) => {
        expect(index.validateOrderType!(data)).toBe(false);
        return index.validateOrderType!.errors!.map((e) => `${e.instancePath} ${e.schemaPath}`);
      };
      // UserType's code is its own function (it holds a ref): its paths were named as OrderType's file.
      expect(places({ Age: 'x' })).toEqual(['/Age schemas/user-type.json#/properties/Age/type']);
      expect(places({ Name: 'ab' })).toEqual(['/Name schemas/base-type.json#/properties/Name/minLength']);
      expect(places({ Qty: 0 })).toEqual(['/Qty schemas/order-type.json#/$defs/Line/properties/Qty/minimum', ' schemas/user-type.json#/unevaluatedProperties']);
      // Every path names a place that exists in that file, ending in the keyword that failed.
      for (const data of [{ Age: 'x' }, { Name: 'ab' }, { Qty: 0 }, { Other: 1 }, 5]) {
        index.validateOrderType!(data);
        for (const error of index.validateOrderType!.errors!) {
          const [file, pointer] = error.schemaPath.split('#') as [string, string];
          const schema = schemas[file.replace('schemas/', '') as keyof typeof schemas] as unknown;
          const segments = pointer.split('/').slice(1);
          const at = segments.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], schema);
          expect([error.schemaPath, at === undefined]).toEqual([error.schemaPath, false]);
          expect(segments.at(-1)).toBe(error.keyword);
        }
      }
    }));

  it('error schema paths inside an embedded resource (its own $id) name the document and the place in it', () =>
    withTempDir(async (dir) => {
      const { index } = await generateAndImport(dir, {
        'shapes.json': {
          $schema: 'https://json-schema.org/draft/2020-12/schema',
          title: 'Shapes',
          $defs: {
            circle: {
              $id: 'https://example.com/circle',
              type: 'object',
              allOf: [{ $ref: '#/$defs/radius' }],
              $defs: { radius: { properties: { r: { type: 'number', minimum: 0 } } } },
            },
          },
          allOf: [{ $ref: 'https://example.com/circle' }],
          properties: { name: { type: 'string' } },
          unevaluatedProperties: false,
        },
      });
      const paths = (data: unknown) => {
        expect(index.validateShapes!(data)).toBe(false);
        return index.validateShapes!.errors!.map((e) => e.schemaPath);
      };
      expect(paths({ r: -1 })).toEqual(['schemas/shapes.json#/$defs/circle/$defs/radius/properties/r/minimum']);
      expect(paths(5)).toEqual(['schemas/shapes.json#/$defs/circle/type']);
      expect(paths({ x: 1 })).toEqual(['schemas/shapes.json#/unevaluatedProperties']);
    }));

  it('error schema paths through absolute refs to an embedded resource (whole, a pointer into it, from another document) name the document that holds it', () =>
    withTempDir(async (dir) => {
      const { index } = await generateAndImport(dir, {
        'order-type.json': {
          $schema: 'https://json-schema.org/draft/2020-12/schema',
          $id: 'https://example.com/schemas/order-type.json',
          title: 'OrderType',
          type: 'object',
          properties: { Item: { $ref: 'https://example.com/item' }, Count: { $ref: '#/$defs/Count' } },
          $defs: {
            Item: { $id: 'https://example.com/item', type: 'object', properties: { Sku: { type: 'string', minLength: 2 } } },
            Count: { type: 'integer', minimum: 1 },
          },
        },
        'cart-type.json': {
          $schema: 'https://json-schema.org/draft/2020-12/schema',
          $id: 'https://example.com/schemas/cart-type.json',
          title: 'CartType',
          type: 'object',
          properties: {
            First: { $ref: 'https://example.com/item' },
            Sku: { $ref: 'https://example.com/item#/properties/Sku' },
            Orders: { type: 'array', items: { $ref: 'order-type.json' } },
          },
        },
      });
      expect(index.validateCartType!({ First: { Sku: 'x' }, Sku: 'y', Orders: [{ Item: { Sku: 'z' }, Count: 0 }] })).toBe(false);
      const sku = 'schemas/order-type.json#/$defs/Item/properties/Sku/minLength';
      expect(index.validateCartType!.errors!.map((e) => [e.instancePath, e.schemaPath])).toEqual([
        ['/First/Sku', sku],
        ['/Sku', sku],
        ['/Orders/0/Item/Sku', sku],
        ['/Orders/0/Count', 'schemas/order-type.json#/$defs/Count/minimum'],
      ]);
    }));

  it('refs to the draft 2020-12 meta-schema are served from ajv’s own copy, named by their URL', () =>
    withTempDir(async (dir) => {
      const { report, index } = await generateAndImport(dir, { 'definition.json': { title: 'Definition', $ref: 'https://json-schema.org/draft/2020-12/schema' } });
      expect(report.diagnostics).toEqual([]);
      expect(index.validateDefinition!({ type: 'string' })).toBe(true);
      expect(index.validateDefinition!({ type: 5 })).toBe(false);
      expect(index.validateDefinition!.errors?.[0]?.schemaPath).toBe('https://json-schema.org/draft/2020-12/meta/validation#/$defs/simpleTypes/enum');
    }));
});
