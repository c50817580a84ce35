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

  it('fails loudly on a scope of a shape it does not know (another ajv)', () => {
    expect(() => new FunctionPlaces(ajvWith({}), new Map()).current()).toThrow(/unexpected ajv output in step function-places/);
    expect(() => new FunctionPlaces(ajvWith({ _values: { validate: new Map([[1, { str: 'validate0' }]]) } }), new Map()).current()).toThrow(/without its name or schema/);
  });
});
