import { isAnnotationOnly } from '../../../src/model/rules/annotations.js';
import { intersectionOf, unionOf } from '../../../src/model/rules/combine.js';
import { enumOf, literalOf } from '../../../src/model/rules/literals.js';
import { ALL_KINDS, kindsOf, type JsonKind } from '../../../src/model/rules/kinds.js';
import { narrowIntersections } from '../../../src/model/rules/narrow.js';
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
  it('drops objects that say nothing next to another object: no `{…} & {[k: string]: unknown}`', () => {
    const other: TypeExpr = { kind: 'object', properties: [{ name: 'x', type: keyword('string'), optional: false, readOnly: false, doc: { tags: [] } }] };
    expect(intersectionOf([other, record])).toEqual(other);
    expect(intersectionOf([empty, other])).toEqual(other);
    expect(intersectionOf([record])).toEqual(record);
  });
  it('keeps "an object" next to a reference or union, for the narrow-by-kind pass', () => {
    expect(intersectionOf([ref('Foo'), record])).toEqual({ kind: 'intersection', members: [ref('Foo'), record] });
  });
  it('keeps members that both constrain', () => {
    const other: TypeExpr = { kind: 'object', properties: [{ name: 'x', type: keyword('string'), optional: false, readOnly: false, doc: { tags: [] } }] };
    expect(intersectionOf([ref('Foo'), other])).toEqual({ kind: 'intersection', members: [ref('Foo'), other] });
  });
});

describe('rule: narrow by kind', () => {
  const objectRef = () => new Set<JsonKind>(['object']);
  const nullableRef = () => new Set<JsonKind>(['object', 'null']);
  const shape: TypeExpr = { kind: 'object', properties: [{ name: 'x', type: keyword('string'), optional: true, readOnly: false, doc: { tags: [] } }] };
  const implied = unionOf([shape, keyword('string'), keyword('number'), keyword('boolean'), keyword('null'), { kind: 'array', items: UNKNOWN }]);
  it('an object says nothing next to a reference to objects: no `Foo & {[k: string]: unknown}`', () => {
    expect(narrowIntersections(intersectionOf([ref('Foo'), record]), objectRef)).toEqual(ref('Foo'));
  });
  it('keeps null where every member admits it (the schema accepts it)', () => {
    expect(narrowIntersections(intersectionOf([implied, ref('Event')]), nullableRef)).toEqual({
      kind: 'intersection',
      members: [unionOf([shape, keyword('null')]), ref('Event')],
    });
  });
  it('drops alternatives no other member admits', () => {
    expect(narrowIntersections(intersectionOf([implied, ref('Foo')]), objectRef)).toEqual({ kind: 'intersection', members: [shape, ref('Foo')] });
  });
  it('no kind in common is never', () => {
    expect(narrowIntersections(intersectionOf([keyword('string'), keyword('number')]), objectRef)).toEqual(NEVER);
  });
  it('a bare kind next to a narrower member of that kind adds nothing', () => {
    expect(narrowIntersections(intersectionOf([keyword('string'), unionOf([lit('a'), lit('b')])]), objectRef)).toEqual(unionOf([lit('a'), lit('b')]));
  });
  it('leaves an intersection that narrows nothing as written', () => {
    const both = intersectionOf([ref('Foo'), shape]);
    expect(narrowIntersections(both, objectRef)).toEqual(both);
  });
});

describe('kinds of a type', () => {
  const none = () => new Set<JsonKind>();
  it.each<[string, TypeExpr, JsonKind[]]>([
    ['a literal', lit('a'), ['string']],
    ['null', lit(null), ['null']],
    ['a tuple', { kind: 'tuple', elements: [] }, ['array']],
    ['unknown', UNKNOWN, [...ALL_KINDS]],
    ['never', NEVER, []],
    ['a union', unionOf([keyword('number'), record]), ['number', 'object']],
    ['an inherited member', { kind: 'inherited', name: 'toString' }, []],
  ])('%s', (_name, type, kinds) => {
    expect([...kindsOf(type, none)].sort()).toEqual([...kinds].sort());
  });
});

describe('rule: const and enum', () => {
  it('const is the literal type of exactly that value', () => {
    expect(literalOf('a')).toEqual(lit('a'));
    expect(literalOf(null)).toEqual(lit(null));
    expect(literalOf([1, 'x'])).toEqual({
      kind: 'tuple',
      elements: [
        { type: lit(1), optional: false },
        { type: lit('x'), optional: false },
      ],
    });
    expect(literalOf({ a: true })).toMatchObject({ kind: 'object', properties: [{ name: 'a', type: lit(true), optional: false }] });
    expect(literalOf(Number.POSITIVE_INFINITY)).toEqual(UNKNOWN);
  });
  it('enum is the union of its literals; an empty enum is never', () => {
    expect(enumOf(['a', 'b', 'a'])).toEqual({ kind: 'union', members: [lit('a'), lit('b')] });
    expect(enumOf([])).toEqual(NEVER);
  });
});
