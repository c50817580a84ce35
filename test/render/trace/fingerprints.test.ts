import type { NamedType, TypeExpr, TypeModel } from '../../../src/model/index.js';
import { Fingerprints } from '../../../src/render/trace/fingerprints.js';
import { dependency } from '../../../src/render/trace/deps.js';

function modelOf(types: { key: string; name: string; body?: TypeExpr; doc?: NamedType['doc']; uses?: string[] }[]): TypeModel {
  const named = types.map(
    (t) =>
      ({
        key: t.key,
        name: t.name,
        location: { doc: { displayPath: `${t.key}.json` }, pointer: '' },
        schema: {},
        doc: t.doc ?? { tags: [] },
        body: t.body ?? { kind: 'keyword', name: 'string' },
        uses: t.uses ?? [],
      }) as unknown as NamedType,
  );
  return { types: named, byKey: new Map(named.map((t) => [t.key, t])), renamedClashes: [], unmatchedRenames: [], diagnostics: [] };
}

const modelFingerprint = (body: TypeExpr, doc: NamedType['doc'] = { tags: [] }) =>
  new Fingerprints({ model: modelOf([{ key: 'a', name: 'A', body, doc }]), helpersUsed: [] }).of(dependency.model('a'));
const literal = (value: unknown): TypeExpr => ({ kind: 'literal', value }) as TypeExpr;

describe('fingerprints of what files read', () => {
  it('values JSON cannot tell apart hash apart: NaN, Infinity and null; -0 and 0; undefined and absent; a date and its text; a NUL-led string and a marker', () => {
    const distinct = [
      literal(null),
      literal(Number.NaN),
      literal(Number.POSITIVE_INFINITY),
      literal(Number.NEGATIVE_INFINITY),
      literal(0),
      literal(-0),
      literal(undefined),
      { kind: 'literal' } as TypeExpr,
      literal(new Date('2020-01-01T00:00:00.000Z')),
      literal('2020-01-01T00:00:00.000Z'),
      literal('\u0000undefined'),
      literal('\u0000number:NaN'),
    ].map((body) => modelFingerprint(body));
    expect(new Set(distinct).size).toBe(distinct.length);
    // …and the same value hashes the same, however it was made.
    expect(modelFingerprint(literal(['a', 'b'].join('')))).toBe(modelFingerprint(literal('ab')));
  });

  it("a type's model covers its doc, its body and the names of the types it uses; its identity covers its name and place", () => {
    const base = modelOf([
      { key: 'a', name: 'A', uses: ['b'], body: { kind: 'ref', target: 'b' } },
      { key: 'b', name: 'B' },
    ]);
    const renamedUse = modelOf([
      { key: 'a', name: 'A', uses: ['b'], body: { kind: 'ref', target: 'b' } },
      { key: 'b', name: 'B2' },
    ]);
    const described = modelOf([
      { key: 'a', name: 'A', uses: ['b'], body: { kind: 'ref', target: 'b' }, doc: { description: 'x', tags: [] } },
      { key: 'b', name: 'B' },
    ]);
    const of = (model: TypeModel, dep: string) => new Fingerprints({ model, helpersUsed: [] }).of(dep);
    expect(of(renamedUse, dependency.model('a'))).not.toBe(of(base, dependency.model('a')));
    expect(of(renamedUse, dependency.uses('a'))).not.toBe(of(base, dependency.uses('a')));
    expect(of(described, dependency.model('a'))).not.toBe(of(base, dependency.model('a')));
    // A description is not part of the identity, nor of the list of uses.
    expect(of(described, dependency.identity('a'))).toBe(of(base, dependency.identity('a')));
    expect(of(described, dependency.uses('a'))).toBe(of(base, dependency.uses('a')));
    expect(of(renamedUse, dependency.identity('b'))).not.toBe(of(base, dependency.identity('b')));
    // A type the run no longer has matches nothing it had.
    expect(of(base, dependency.identity('gone'))).toBe('absent');
    expect(of(base, dependency.identity('a'))).not.toBe('absent');
  });

  it("a file's fingerprint changes with what it is and with each dependency it read", () => {
    const a = new Fingerprints({ model: modelOf([{ key: 'a', name: 'A' }]), helpersUsed: ['ucs2length'] });
    const b = new Fingerprints({ model: modelOf([{ key: 'a', name: 'A' }]), helpersUsed: ['ucs2length', 'equal'] });
    const deps = [dependency.identity('a'), dependency.runtimeHelpers];
    expect(a.ofFile(['types/A.d.ts', 'type', 'a'], deps)).toBe(a.ofFile(['types/A.d.ts', 'type', 'a'], [...deps].reverse()));
    expect(a.ofFile(['types/A.d.ts', 'type', 'a'], deps)).not.toBe(b.ofFile(['types/A.d.ts', 'type', 'a'], deps));
    expect(a.ofFile(['types/A.d.ts', 'type', 'a'], deps)).not.toBe(a.ofFile(['types/B.d.ts', 'type', 'a'], deps));
    expect(() => a.ofFile(['x'], ['q:unknown'])).toThrow(/unknown render dependency/);
  });
});
