import fc from 'fast-check';
import yaml from 'js-yaml';
import { mayHoldKeyWith } from '../../src/load/key-search.js';

/** Every key of a parsed value, at any depth. */
function keysOf(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) keysOf(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      into.push(key);
      keysOf(child, into);
    }
  }
  return into;
}

const FRAGMENT = 'pattern';
// Keys that often hold the fragment, or most of it.
const key = fc.oneof(fc.string(), fc.constantFrom('pattern', 'patternProperties', 'patter', 'x-pattern', 'PATTERN', 'pat tern'));
const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('any'), { maxLength: 3 }),
  object: fc.dictionary(key, tie('any'), { maxKeys: 4 }),
})).any;

/** JSON text with some characters of its keys written as `\u` escapes, as a hostile schema may. */
const escapedJson = fc
  .tuple(value, fc.infiniteStream(fc.boolean()))
  .map(([v, escapes]) =>
    JSON.stringify(v).replace(
      /"((?:[^"\\]|\\.)*)":/g,
      (_all, name: string) => `"${name.replace(/[a-z]/g, (c) => (escapes.next().value ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c))}":`,
    ),
  );

describe('a key search on the text', () => {
  it('says "no" only when no key of the JSON document holds the fragment, however written (property)', () => {
    fc.assert(
      fc.property(escapedJson, (text) => {
        if (!mayHoldKeyWith({ text, format: 'json' }, FRAGMENT)) expect(keysOf(JSON.parse(text)).some((k) => k.includes(FRAGMENT))).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('says "no" only when no key of the YAML document holds the fragment, in any style js-yaml writes (property)', () => {
    const style = fc.record({ quotingType: fc.constantFrom('"' as const, "'" as const), forceQuotes: fc.boolean(), flowLevel: fc.constantFrom(-1, 0, 1), lineWidth: fc.constantFrom(8, 80) });
    fc.assert(
      fc.property(value, style, (v, options) => {
        const text = yaml.dump(v, options);
        if (!mayHoldKeyWith({ text, format: 'yaml' }, FRAGMENT)) expect(keysOf(yaml.load(text)).some((k) => k.includes(FRAGMENT))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('sees keys spelled with escapes: JSON \\u, YAML \\x and escaped line breaks', () => {
    expect(mayHoldKeyWith({ text: '{"p\\u0061ttern": "x"}', format: 'json' }, FRAGMENT)).toBe(true);
    expect(mayHoldKeyWith({ text: '"\\x70attern": x\n', format: 'yaml' }, FRAGMENT)).toBe(true);
    expect(mayHoldKeyWith({ text: '"pat\\\n  tern": x\n', format: 'yaml' }, FRAGMENT)).toBe(true);
    // A JSON escape other than \u cannot spell a letter.
    expect(mayHoldKeyWith({ text: '{"description": "a \\"quoted\\" word"}', format: 'json' }, FRAGMENT)).toBe(false);
  });
});
