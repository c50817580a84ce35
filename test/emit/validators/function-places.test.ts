import type { AnyAjv } from '../../../src/ajv/modules.js';
import { FunctionPlaces } from '../../../src/emit/validators/function-places.js';

const ajvWith = (scope: unknown) => ({ scope }) as unknown as AnyAjv;
const fn = (str: string, root: { schema: unknown; baseId: string }, schema: unknown) => ({ str, value: { ref: { schemaEnv: { schema, root } } } });

describe('where ajv compiled its functions from', () => {
  it('names each function by the user’s file and the pointer of its schema; documents we did not give ajv have none', () => {
    const doc = { $defs: { node: { type: 'object' }, 'a/b': { items: [{ type: 'string' }] } } };
    const root = { schema: doc, baseId: 'sg:/1/doc.json' };
    const meta = { schema: {}, baseId: 'https://json-schema.org/draft/2020-12/schema' };
    const values = new Map<unknown, unknown>([
      [1, fn('validate0', root, doc)],
      [2, fn('validate1', root, doc.$defs.node)],
      [3, fn('validate2', root, doc.$defs['a/b'].items[0])],
      [4, fn('validate3', meta, meta.schema)],
    ]);
    const places = new FunctionPlaces(ajvWith({ _values: { validate: values } }), new Map([['sg:/1/doc.json', 'schemas/doc.json']])).current();
    expect([...places]).toEqual([
      ['validate0', 'schemas/doc.json#'],
      ['validate1', 'schemas/doc.json#/$defs/node'],
      ['validate2', 'schemas/doc.json#/$defs/a~1b/items/0'],
    ]);
  });

  it('functions compiled after an earlier call are found: each call walks on from where the last one stopped', () => {
    const doc = { $defs: Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`t${i}`, { type: 'string' }])) };
    const root = { schema: doc, baseId: 'sg:/1/doc.json' };
    const values = new Map<unknown, unknown>();
    const scope = { _values: { validate: values } };
    const functions = new FunctionPlaces(ajvWith(scope), new Map([['sg:/1/doc.json', 'schemas/doc.json']]));
    for (let i = 0; i < 5; i++) {
      values.set(i, fn(`validate${i}`, root, doc.$defs[`t${i}`]));
      expect([...functions.current().keys()]).toEqual(Array.from({ length: i + 1 }, (_, j) => `validate${j}`));
    }
    // A map put in its place, or one that shrank (this ajv does neither), is walked from its start.
    scope._values.validate = new Map<unknown, unknown>([[9, fn('validate9', root, doc)]]);
    expect(functions.current().get('validate9')).toBe('schemas/doc.json#');
    scope._values.validate.clear();
    expect(functions.current().size).toBe(6);
    scope._values.validate.set(10, fn('validate10', root, doc.$defs.t0));
    expect(functions.current().get('validate10')).toBe('schemas/doc.json#/$defs/t0');
  });

  it('fails loudly when the scope holds fewer functions than it says (a shape this ajv does not have)', () => {
    class Overstated extends Map<unknown, unknown> {
      override get size(): number {
        return super.size + 1;
      }
    }
    const doc = { type: 'string' };
    const scope = { _values: { validate: new Overstated([[1, fn('validate0', { schema: doc, baseId: 'sg:/1/doc.json' }, doc)]]) } };
    expect(() => new FunctionPlaces(ajvWith(scope), new Map([['sg:/1/doc.json', 'schemas/doc.json']])).current()).toThrow(/changed while its functions were read/);
  });

  it('fails loudly on a scope of a shape it does not know (another ajv)', () => {
    expect(() => new FunctionPlaces(ajvWith({}), new Map()).current()).toThrow(/unexpected ajv output in step function-places/);
    expect(() => new FunctionPlaces(ajvWith({ _values: { validate: new Map([[1, { str: 'validate0' }]]) } }), new Map()).current()).toThrow(/without its name or schema/);
  });
});
