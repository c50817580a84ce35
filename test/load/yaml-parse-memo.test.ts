import fc from 'fast-check';
import yaml from 'js-yaml';
import { serialize } from 'node:v8';
import { parseDocumentText } from '../../src/load/parse-document.js';
import { YamlParseMemo } from '../../src/load/yaml-parse-memo.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';

/** Keys in order, -0, NaN and Infinity, and which objects are the same object: everything a fresh parse gives. */
function sameValue(a: unknown, b: unknown): boolean {
  const seen = new Map<object, object>();
  const walk = (x: unknown, y: unknown): boolean => {
    if (x === null || typeof x !== 'object') return Object.is(x, y);
    if (y === null || typeof y !== 'object' || Array.isArray(x) !== Array.isArray(y)) return false;
    if (seen.has(x)) return seen.get(x) === y;
    seen.set(x, y);
    // By kind, not by identity of prototypes: V8's deserializer makes its objects in Node's realm, jest runs tests in another.
    if (kindOf(x) !== kindOf(y)) return false;
    const [kx, ky] = [Reflect.ownKeys(x), Reflect.ownKeys(y)];
    return kx.length === ky.length && kx.every((k, i) => k === ky[i] && walk((x as Record<PropertyKey, unknown>)[k], (y as Record<PropertyKey, unknown>)[k]));
  };
  return walk(a, b);
}

function kindOf(value: object): string {
  const prototype = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  return Array.isArray(value) ? 'array' : prototype === null ? 'no prototype' : (prototype.constructor?.name ?? 'unknown');
}

/** Parse twice through one memo's file: fresh, then recalled in a later run. */
function parseThroughMemo(text: string): { fresh: unknown; recalled: unknown; reused: boolean } {
  const first = new YamlParseMemo();
  const fresh = parseDocumentText(text, 'yaml', 'doc.yaml', DEFAULT_LIMITS, first);
  if (!fresh.ok) throw new Error(fresh.diagnostic.message);
  const later = new YamlParseMemo(first.used);
  const recalled = parseDocumentText(text, 'yaml', 'doc.yaml', DEFAULT_LIMITS, later);
  if (!recalled.ok) throw new Error(recalled.diagnostic.message);
  return { fresh: fresh.json, recalled: recalled.json, reused: !later.changed && later.used.size === 1 };
}

const TRICKY = [
  'openapi: 3.0.3',
  'components:',
  '  schemas:',
  '    Shared: &shared { type: object, properties: { a: { type: string } } }',
  '    Again: *shared',
  '    Numbers: { enum: [.nan, .inf, -.inf, -0.0, 0, 1e3, 12345678901234567890] }',
  '    "__proto__": { type: string }',
  '    Zeta: { description: "z\\u0000z" }',
  '    Alpha: { description: "first key order: Zeta before Alpha" }',
  '',
].join('\n');

describe('YAML parses kept between runs', () => {
  it('give back exactly what js-yaml parsed: key order, NaN, ±Infinity, -0, own __proto__ keys, objects shared by aliases', () => {
    const { fresh, recalled, reused } = parseThroughMemo(TRICKY);
    expect(reused).toBe(true);
    expect(sameValue(recalled, fresh)).toBe(true);
    const schemas = (recalled as { components: { schemas: Record<string, unknown> } }).components.schemas;
    expect(schemas.Shared).toBe(schemas.Again);
    expect(Object.hasOwn(schemas, '__proto__')).toBe(true);
    expect(Object.keys(schemas)).toEqual(['Shared', 'Again', 'Numbers', '__proto__', 'Zeta', 'Alpha']);
    // The comparison can fail: a value that differs only by -0, or by key order, is told apart.
    expect(sameValue({ a: 0 }, { a: -0 })).toBe(false);
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
  });

  it('any value js-yaml can write and read back comes back the same from the memo', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('array'), tie('object')),
      leaf: fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null)),
      array: fc.array(tie('node'), { maxLength: 4 }),
      object: fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 }),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(fc.string(), value, { maxKeys: 5 }), (root) => {
        const text = yaml.dump(root, { schema: yaml.JSON_SCHEMA });
        const { fresh, recalled, reused } = parseThroughMemo(text);
        return reused && sameValue(recalled, fresh);
      }),
      { numRuns: 300 },
    );
  });

  it('a damaged entry, another text or other limits are parsed afresh; a failed parse is never kept', () => {
    const first = new YamlParseMemo();
    expect(parseDocumentText('type: string\n', 'yaml', 'a.yaml', DEFAULT_LIMITS, first).ok).toBe(true);
    const key = [...first.used.keys()][0];
    // Damaged bytes: parsed again, the memo marked changed so the file is rewritten.
    const damaged = new YamlParseMemo(new Map([[key!, Uint8Array.from([1, 2, 3])]]));
    const again = parseDocumentText('type: string\n', 'yaml', 'a.yaml', DEFAULT_LIMITS, damaged);
    expect(again.ok && again.json).toEqual({ type: 'string' });
    expect(damaged.changed).toBe(true);
    expect(damaged.used.get(key!)).toEqual(serialize({ type: 'string' }));
    // One character more is another text; a lower depth limit is another parse.
    const other = new YamlParseMemo(first.used);
    expect(parseDocumentText('type: number\n', 'yaml', 'a.yaml', DEFAULT_LIMITS, other).ok && other.used.has(key!)).toBe(false);
    const shallow = new YamlParseMemo(first.used);
    parseDocumentText('type: string\n', 'yaml', 'a.yaml', { ...DEFAULT_LIMITS, maxDepth: 10 }, shallow);
    expect(shallow.used.has(key!)).toBe(false);
    // Invalid YAML, or a value past the limits: reported, and nothing kept.
    const failures = new YamlParseMemo();
    expect(parseDocumentText('a: [\n', 'yaml', 'a.yaml', DEFAULT_LIMITS, failures).ok).toBe(false);
    expect(parseDocumentText('a: [[[[1]]]]\n', 'yaml', 'a.yaml', { ...DEFAULT_LIMITS, maxDepth: 3 }, failures).ok).toBe(false);
    expect(failures.used.size).toBe(0);
  });

  it('a remembered value past limits lowered since is reported as a fresh parse would be', () => {
    const limits = { ...DEFAULT_LIMITS, maxAliasExpansion: 2 };
    const shared = 'x: &x [1, 2, 3]\ny: [*x, *x, *x]\n';
    const memo = new YamlParseMemo();
    parseDocumentText(shared, 'yaml', 'a.yaml', DEFAULT_LIMITS, memo);
    const fresh = parseDocumentText(shared, 'yaml', 'a.yaml', limits);
    const recalled = parseDocumentText(shared, 'yaml', 'a.yaml', limits, new YamlParseMemo(memo.used));
    expect(fresh.ok).toBe(false);
    expect(recalled).toEqual(fresh);
  });
});
