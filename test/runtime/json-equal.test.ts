import { equal } from '../../src/runtime/json-equal.js';
import { generateAndImport } from '../helpers/generate-and-import.js';
import { withTempDir } from '../helpers/temp-dir.js';

describe('deep equality of JSON values (runtime/equal.js)', () => {
  it.each<[unknown, unknown, boolean]>([
    [1, 1.0, true],
    ['a', 'a', true],
    [null, null, true],
    [null, {}, false],
    [[1, [2]], [1, [2]], true],
    [[1, 2], [2, 1], false],
    [{ a: 1, b: 2 }, { b: 2, a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [{}, [], false],
    [{ valueOf: {} }, {}, false],
    [{ valueOf: {} }, { valueOf: {} }, true],
    [{ toString: 1 }, { toString: 1 }, true],
    [JSON.parse('{"__proto__": {"x": 1}}'), JSON.parse('{"__proto__": {"x": 1}}'), true],
    [JSON.parse('{"__proto__": {"x": 1}}'), {}, false],
  ])('%j and %j: %s', (a, b, expected) => {
    expect(equal(a, b)).toBe(expected);
    expect(equal(b, a)).toBe(expected);
  });

  it("a validator whose const/enum/uniqueItems meets data with own valueOf/toString keys answers instead of throwing (ajv's helper threw)", () =>
    withTempDir(async (dir) => {
      const { index } = await generateAndImport(dir, {
        'e.json': { title: 'E', enum: [{}, { valueOf: 1 }] },
        'u.json': { title: 'U', type: 'array', uniqueItems: true },
      });
      expect(index.validateE!({ valueOf: {} })).toBe(false);
      expect(index.validateE!({ valueOf: 1 })).toBe(true);
      expect(index.validateU!([{ toString: {} }, { toString: {} }])).toBe(false);
      expect(index.validateU!([{ toString: {} }, { toString: 1 }])).toBe(true);
    }));
});
