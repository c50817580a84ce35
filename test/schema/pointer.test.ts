import fc from 'fast-check';
import { escapeSegment, getAtPointer, joinPointer, parsePointer } from '../../src/schema/pointer.js';

describe('parsePointer', () => {
  it('splits a pointer into unescaped segments', () => {
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/')).toEqual(['']);
    expect(parsePointer('/$defs/x')).toEqual(['$defs', 'x']);
    expect(parsePointer('/a~1b/m~0n')).toEqual(['a/b', 'm~n']);
    expect(parsePointer('/items/0')).toEqual(['items', '0']);
    expect(parsePointer('//x/')).toEqual(['', 'x', '']);
  });

  it('unescapes ~1 before ~0, so "~01" is the literal "~1" (RFC 6901 §4)', () => {
    expect(parsePointer('/~01')).toEqual(['~1']);
    expect(parsePointer('/~00')).toEqual(['~0']);
    expect(parsePointer('/a~0~1b')).toEqual(['a~/b']);
  });

  it('is undefined for what is not a pointer (no leading "/")', () => {
    expect(parsePointer('a/b')).toBeUndefined();
    expect(parsePointer('#/a')).toBeUndefined();
    expect(parsePointer('foo')).toBeUndefined();
  });

  it('does not percent-decode: that is the fragment’s job, done before parsing', () => {
    expect(parsePointer('/with%20space')).toEqual(['with%20space']);
  });
});

describe('escapeSegment', () => {
  it('escapes "~" as "~0" and "/" as "~1", "~" first', () => {
    expect(escapeSegment('plain')).toBe('plain');
    expect(escapeSegment('a/b')).toBe('a~1b');
    expect(escapeSegment('m~n')).toBe('m~0n');
    expect(escapeSegment('~1')).toBe('~01');
    expect(escapeSegment('/~/')).toBe('~1~0~1');
    expect(escapeSegment('')).toBe('');
  });
});

describe('joinPointer', () => {
  it('appends escaped segments; numbers become indexes', () => {
    expect(joinPointer('')).toBe('');
    expect(joinPointer('', '$defs', 'a/b')).toBe('/$defs/a~1b');
    expect(joinPointer('/properties/x', 'items', 0)).toBe('/properties/x/items/0');
    expect(joinPointer('/p', '$ref')).toBe('/p/$ref');
    expect(joinPointer('', 'm~n', '')).toBe('/m~0n/');
  });

  it('round-trips with parsePointer for awkward segments', () => {
    const segments = ['a/b', 'm~n', '~1', '~0', '', 'with space', '%25', '__proto__', '0'];
    expect(parsePointer(joinPointer('', ...segments))).toEqual(segments);
    for (const s of segments) expect(parsePointer(joinPointer('', s))).toEqual([s]);
  });
});

describe('getAtPointer', () => {
  const doc = {
    $defs: { 'a/b': { type: 'string' }, 'm~n': { type: 'integer' }, '': { const: 'empty key' } },
    list: [{ first: true }, 'second', null],
    zero: 0,
    nothing: null,
  };

  it('follows object keys and array indexes', () => {
    expect(getAtPointer(doc, [])).toBe(doc);
    expect(getAtPointer(doc, ['$defs', 'a/b'])).toEqual({ type: 'string' });
    expect(getAtPointer(doc, ['$defs', 'm~n'])).toEqual({ type: 'integer' });
    expect(getAtPointer(doc, ['$defs', ''])).toEqual({ const: 'empty key' });
    expect(getAtPointer(doc, ['list', '0', 'first'])).toBe(true);
    expect(getAtPointer(doc, ['list', '1'])).toBe('second');
  });

  it('returns falsy values as they are (0, null)', () => {
    expect(getAtPointer(doc, ['zero'])).toBe(0);
    expect(getAtPointer(doc, ['nothing'])).toBeNull();
    expect(getAtPointer(doc, ['list', '2'])).toBeNull();
  });

  it('is undefined for a missing key, a bad index or a step into a primitive', () => {
    expect(getAtPointer(doc, ['missing'])).toBeUndefined();
    expect(getAtPointer(doc, ['$defs', 'a~1b'])).toBeUndefined(); // segments are already unescaped
    expect(getAtPointer(doc, ['list', '3'])).toBeUndefined();
    expect(getAtPointer(doc, ['list', '01'])).toBeUndefined();
    expect(getAtPointer(doc, ['list', '-'])).toBeUndefined();
    expect(getAtPointer(doc, ['list', '-1'])).toBeUndefined();
    expect(getAtPointer(doc, ['list', '1e0'])).toBeUndefined();
    expect(getAtPointer(doc, ['list', 'length'])).toBeUndefined();
    expect(getAtPointer(doc, ['zero', 'x'])).toBeUndefined();
    expect(getAtPointer(doc, ['nothing', 'x'])).toBeUndefined();
    expect(getAtPointer(doc, ['list', '1', 'length'])).toBeUndefined();
    expect(getAtPointer('text', ['length'])).toBeUndefined();
  });

  it('never reaches prototype members', () => {
    for (const segments of [['__proto__'], ['constructor'], ['toString'], ['hasOwnProperty'], ['constructor', 'prototype'], ['$defs', '__proto__'], ['list', 'map'], ['list', '__proto__']]) {
      expect(getAtPointer(doc, segments)).toBeUndefined();
    }
    expect(getAtPointer(Object.create({ inherited: 1 }), ['inherited'])).toBeUndefined();
  });

  it('does reach own keys named like prototype members (JSON.parse makes "__proto__" an own key)', () => {
    const parsed = JSON.parse('{"properties": {"__proto__": {"type": "string"}, "constructor": {"type": "integer"}}}') as unknown;
    expect(getAtPointer(parsed, ['properties', '__proto__'])).toEqual({ type: 'string' });
    expect(getAtPointer(parsed, ['properties', 'constructor'])).toEqual({ type: 'integer' });
    expect(Object.prototype).not.toHaveProperty('type');
  });
});

describe('joinPointer and parsePointer', () => {
  it('are inverse for any segments, and escape exactly `~` and `/` (RFC 6901)', () => {
    const segment = fc.oneof(fc.string(), fc.constantFrom('~', '/', '~1', '~0', '/~', 'a~/b', ''), fc.nat());
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        const pointer = joinPointer('', ...segments);
        const spec = segments.map((s) => `/${String(s).split('~').join('~0').split('/').join('~1')}`).join('');
        return pointer === spec && JSON.stringify(parsePointer(pointer)) === JSON.stringify(segments.map(String));
      }),
      { numRuns: 500 },
    );
  });
});
