import { isAnnotationOnly } from '../../../src/model/rules/annotations.js';
import { intersectionOf, unionOf } from '../../../src/model/rules/combine.js';
import { enumOf, literalOf } from '../../../src/model/rules/literals.js';
import { keyword, NEVER, UNKNOWN, type TypeExpr } from '../../../src/model/type-expr.js';

const ref = (target: string): TypeExpr => ({ kind: 'ref', target });
const lit = (value: string | number | boolean | null): TypeExpr => ({ kind: 'literal', value });
const record: TypeExpr = { kind: 'object', properties: [], index: UNKNOWN };
const empty: TypeExpr = { kind: 'object', properties: [] };

describe('rule: annotation-only member', () => {
  it.each([
    [{ description: 'x' }, true],
    [{ description: 'x', title: 't', examples: [1], deprecated: true, readOnly: true, 'x-internal': 1 }, true],
    [{}, true],
    [{ description: 'x', type: 'string' }, false],
    [{ $ref: '#/a' }, false],
    [true, false],
    [null, false],
  ])('%j → %s', (schema, expected) => {
    expect(isAnnotationOnly(schema)).toBe(expected);
  });
});

describe('rule: union', () => {
  it('flattens, dedupes and unwraps a single member', () => {
    expect(unionOf([lit('a'), unionOf([lit('b'), lit('a')])])).toEqual({ kind: 'union', members: [lit('a'), lit('b')] });
    expect(unionOf([keyword('string')])).toEqual(keyword('string'));
  });
  it('unknown absorbs the rest; never disappears; nothing is never', () => {
    expect(unionOf([keyword('string'), UNKNOWN])).toEqual(UNKNOWN);
    expect(unionOf([keyword('string'), NEVER])).toEqual(keyword('string'));
    expect(unionOf([])).toEqual(NEVER);
  });
});

describe('rule: intersection', () => {
  it('drops unknown members and unwraps a single member: no `Foo & unknown`', () => {
    expect(intersectionOf([ref('Foo'), UNKNOWN])).toEqual(ref('Foo'));
    expect(intersectionOf([UNKNOWN, UNKNOWN])).toEqual(UNKNOWN);
  });
  it('drops objects that say nothing next to another member: no `Foo & {[k: string]: unknown}`', () => {
    expect(intersectionOf([ref('Foo'), record])).toEqual(ref('Foo'));
    expect(intersectionOf([ref('Foo'), empty])).toEqual(ref('Foo'));
    expect(intersectionOf([record])).toEqual(record);
  });
  it('keeps members that both constrain', () => {
    const other: TypeExpr = { kind: 'object', properties: [{ name: 'x', type: keyword('string'), optional: false, readOnly: false, doc: { tags: [] } }] };
    expect(intersectionOf([ref('Foo'), other])).toEqual({ kind: 'intersection', members: [ref('Foo'), other] });
  });
});

describe('rule: const and enum', () => {
  it('const is the literal type of exactly that value', () => {
    expect(literalOf('a')).toEqual(lit('a'));
    expect(literalOf(null)).toEqual(lit(null));
    expect(literalOf([1, 'x'])).toEqual({ kind: 'tuple', elements: [{ type: lit(1), optional: false }, { type: lit('x'), optional: false }] });
    expect(literalOf({ a: true })).toMatchObject({ kind: 'object', properties: [{ name: 'a', type: lit(true), optional: false }] });
    expect(literalOf(Number.POSITIVE_INFINITY)).toEqual(UNKNOWN);
  });
  it('enum is the union of its literals; an empty enum is never', () => {
    expect(enumOf(['a', 'b', 'a'])).toEqual({ kind: 'union', members: [lit('a'), lit('b')] });
    expect(enumOf([])).toEqual(NEVER);
  });
});
