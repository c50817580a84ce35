import type { SourceDocument } from '../../src/load/document.js';
import { unionOf } from '../../src/model/rules/combine.js';
import { checkTypeBudget, MAX_TYPE_NODES } from '../../src/model/type-budget.js';
import { isSmallType, typeSize } from '../../src/model/type-size.js';
import { keyword, type TypeExpr } from '../../src/model/type-expr.js';

const property = (name: string, type: TypeExpr) => ({ name, type, optional: true, readOnly: false, doc: { tags: [] } });
const lit = (value: string): TypeExpr => ({ kind: 'literal', value });

/** `{a: T, b: T}` nested `levels` deep, each level's two properties sharing one object: 2^levels nodes as a tree. */
function doubling(levels: number): TypeExpr {
  let type: TypeExpr = keyword('string');
  for (let i = 0; i < levels; i++) type = { kind: 'object', properties: [property('a', type), property('b', type)] };
  return type;
}

describe('type size', () => {
  it('counts what printing would print, shared subtrees once per use', () => {
    expect(typeSize(keyword('string'))).toBe(1);
    expect(typeSize({ kind: 'union', members: [lit('a'), lit('b')] })).toBe(3);
    expect(typeSize(doubling(1))).toBe(5); // object + 2 × (property + string)
    expect(typeSize(doubling(3))).toBe(1 + 2 * (1 + typeSize(doubling(2))));
  });

  it("answers for an exponential tree without walking it (the bound is jest's timeout)", () => {
    expect(typeSize(doubling(500))).toBeGreaterThan(2 ** 500);
  });

  it('small types (repeated in place rather than named): a few keywords, short literals and names', () => {
    expect(isSmallType(keyword('string'))).toBe(true);
    expect(isSmallType({ kind: 'ref', target: 'a.json#' })).toBe(true);
    expect(isSmallType(unionOf([lit('a'), lit('b'), keyword('null')]))).toBe(true);
    expect(isSmallType(lit('x'.repeat(65)))).toBe(false);
    expect(isSmallType(unionOf(Array.from({ length: 9 }, (_, i) => lit(`v${i}`))))).toBe(false);
    expect(isSmallType(doubling(1))).toBe(false);
    expect(isSmallType({ kind: 'array', items: keyword('string') })).toBe(false);
  });
});

describe('the type budget', () => {
  const doc: SourceDocument = { absolutePath: '/s/a.json', displayPath: 's/a.json', format: 'json', text: '{\n  "title": "A"\n}', json: {}, role: 'input', dialect: '2020-12' };

  it(`passes a type up to ${MAX_TYPE_NODES.toLocaleString('en-US')} nodes`, () => {
    expect(checkTypeBudget(doubling(10), { doc, pointer: '' })).toBeUndefined();
  });

  it('turns a larger one into an error diagnostic at the schema, with its line', () => {
    expect(checkTypeBudget(doubling(40), { doc, pointer: '' })).toEqual(
      expect.objectContaining({ severity: 'error', code: 'type-too-large', file: 's/a.json', pointer: '', line: 1, column: 1, message: expect.stringContaining('100,000') }),
    );
  });
});

describe('union and intersection dedupe', () => {
  it('still drops structurally equal members', () => {
    expect(unionOf([doubling(2), doubling(2)])).toEqual(doubling(2));
  });

  it('compares big members by identity instead of by their whole text (which would be exponential here)', () => {
    const big = doubling(200);
    expect(unionOf([big, big, doubling(200)])).toEqual({ kind: 'union', members: [big, expect.anything()] });
  });
});
