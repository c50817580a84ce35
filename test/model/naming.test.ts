import type { SourceDocument } from '../../src/load/document.js';
import fc from 'fast-check';
import { assignNames, MAX_TYPE_NAME_LENGTH, PlacesInDocuments, toTypeName, type NameCandidate } from '../../src/model/naming.js';
import { placeBelow, placeName } from '../../src/model/place-in-document.js';
import { typesOf } from './types-of.js';

const docs = new Map<string, SourceDocument>();
/** One document object per path, as the loader makes them. */
const doc = (absolutePath: string): SourceDocument => {
  if (!docs.has(absolutePath)) docs.set(absolutePath, { absolutePath, displayPath: absolutePath.slice(1), format: 'json', text: '{}', json: {}, role: 'input', dialect: '2020-12' });
  return docs.get(absolutePath)!;
};
const candidate = (path: string, pointer: string, wanted: string): NameCandidate => ({ key: `${path}#${pointer}`, location: { doc: doc(path), pointer }, wanted });

describe('toTypeName', () => {
  it.each([
    ['AdminInitiateAuthResponse', 'AdminInitiateAuthResponse'],
    ['user-pools date_type', 'UserPoolsDateType'],
    ['3D Model', '_3DModel'],
    ['class', 'Class'],
    ['ünïcode name', 'UnicodeName'],
    ['', 'Schema'],
    ['!!!', 'Schema'],
    ['ValidationError', 'ValidationErrorSchema'],
    ['Validator', 'ValidatorSchema'],
  ])('%j → %s', (title, name) => {
    expect(toTypeName(title)).toBe(name);
  });
});

describe('assignNames', () => {
  it('keeps unique names as they are', () => {
    const { names, clashes } = assignNames([candidate('/a/date.json', '', 'DateType'), candidate('/a/user.json', '', 'User')], {});
    expect([...names.values()]).toEqual(['DateType', 'User']);
    expect(clashes).toEqual([]);
  });

  it('tells families apart by the file-name part before the name, whatever the order', () => {
    const user = candidate('/c/user-pools-date-type-schema.json', '', 'DateType');
    const identity = candidate('/c/identity-pools-date-type-schema.json', '', 'DateType');
    for (const order of [
      [user, identity],
      [identity, user],
    ]) {
      const { names, clashes } = assignNames(order, {});
      expect(names.get(user.key)).toBe('UserPoolsDateType');
      expect(names.get(identity.key)).toBe('IdentityPoolsDateType');
      expect(clashes).toHaveLength(2);
    }
  });

  it('compares case-insensitively, since output files are named after types', () => {
    const { names } = assignNames([candidate('/x/a-thing.json', '', 'Thing'), candidate('/x/b-thing.json', '', 'THING')], {});
    expect(new Set([...names.values()].map((n) => n.toLowerCase())).size).toBe(2);
  });

  it('tells nested $defs of one file apart by the definitions around them', () => {
    const { names } = assignNames([candidate('/g.json', '/$defs/numberList/$defs/itemType', 'itemType'), candidate('/g.json', '/$defs/stringList/$defs/itemType', 'itemType')], {});
    expect([...names.values()].sort()).toEqual(['NumberListItemType', 'StringListItemType']);
  });

  it('falls back to the folder names', () => {
    const { names } = assignNames([candidate('/api/v1/money.json', '', 'Money'), candidate('/api/v2/money.json', '', 'Money')], {});
    expect([...names.values()].sort()).toEqual(['V1Money', 'V2Money']);
  });

  it('takes explicit names from the config, by file or by file#pointer', () => {
    const a = candidate('/a/date.json', '', 'DateType');
    const b = candidate('/a/other.json', '/$defs/x', 'X');
    const { names } = assignNames([a, b], { 'a/date.json': 'ApiDate', [b.key]: 'Renamed' });
    expect(names.get(a.key)).toBe('ApiDate');
    expect(names.get(b.key)).toBe('Renamed');
  });

  it('a file, pointer or title called constructor, __proto__ or toString is a name like any other', () => {
    const cases = [candidate('/a/constructor.json', '', 'constructor'), candidate('/a/__proto__.json', '', '__proto__'), candidate('/a/x.json', '/$defs/toString', 'toString')];
    const { names, diagnostics } = assignNames(cases, {});
    expect(diagnostics).toEqual([]);
    expect(cases.map((c) => names.get(c.key))).toEqual(['Constructor', 'Proto', 'ToString']);
    // The config's names map is user text too: its keys are looked up as its own entries only.
    expect(assignNames(cases, JSON.parse('{"__proto__": "Evil", "constructor": "Evil"}') as Record<string, string>).names.get(cases[0]!.key)).toBe('Constructor');
  });

  it(`refuses a name longer than ${MAX_TYPE_NAME_LENGTH} characters (it is a file name), with a hint`, () => {
    const long = candidate('/a/x.json', '', 'Word'.repeat(40));
    const { names, diagnostics } = assignNames([long], {});
    expect(names.has(long.key)).toBe(false);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'name-too-long', file: 'a/x.json', pointer: '', hint: expect.stringContaining('"names"') })]);
  });
});

describe('rule: a schema keeps its name; its own definitions that want it yield', () => {
  it('the OpenAPI 3.1 schema.yaml case: the root (named after the file) and $defs/schema', () => {
    const root = candidate('/oas/schema.yaml', '', 'schema');
    const def = candidate('/oas/schema.yaml', '/$defs/schema', 'schema');
    for (const order of [
      [root, def],
      [def, root],
    ]) {
      const { names, clashes, diagnostics } = assignNames(order, {});
      expect(diagnostics).toEqual([]);
      expect(names.get(root.key)).toBe('Schema');
      expect(names.get(def.key)).toBe('SchemaSchema');
      expect(clashes).toEqual(['oas/schema.yaml#/$defs/schema → SchemaSchema']);
    }
  });

  it('nested definitions: the innermost schema around each is its owner', () => {
    const outer = candidate('/n/x.json', '/$defs/item', 'item');
    const inner = candidate('/n/x.json', '/$defs/item/$defs/item', 'item');
    const { names } = assignNames([inner, outer, candidate('/n/x.json', '', 'X')], {});
    expect([names.get(outer.key), names.get(inner.key)]).toEqual(['Item', 'ItemItem']);
  });

  it("outer schemas still clash by the file rule; each definition then takes its owner's new name", () => {
    const user = candidate('/c/user-pools-date-type.json', '', 'DateType');
    const identity = candidate('/c/identity-pools-date-type.json', '', 'DateType');
    const userDef = candidate('/c/user-pools-date-type.json', '/$defs/DateType', 'DateType');
    const { names } = assignNames([user, identity, userDef], {});
    expect([names.get(user.key), names.get(identity.key), names.get(userDef.key)]).toEqual(['UserPoolsDateType', 'IdentityPoolsDateType', 'UserPoolsDateTypeDateType']);
  });

  it('a definition in another file is no inner one: the file rule decides', () => {
    const { names } = assignNames([candidate('/f/a.json', '', 'Money'), candidate('/f/b.json', '/$defs/Money', 'Money')], {});
    expect([...names.values()].sort()).toEqual(['AMoney', 'BMoney']);
  });

  it("when the rule's name is taken, an error at the line with a names entry to copy; never two schemas with one name", () => {
    const root = candidate('/t/schema.json', '', 'Schema');
    const def = candidate('/t/schema.json', '/$defs/schema', 'schema');
    const taken = candidate('/t/other.json', '', 'SchemaSchema');
    const { names, diagnostics } = assignNames([root, def, taken], {});
    expect(names.get(root.key)).toBe('Schema');
    expect(names.has(def.key)).toBe(false);
    expect(new Set(names.values()).size).toBe(names.size);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'name-clash',
        file: 't/schema.json',
        pointer: '/$defs/schema',
        hint: expect.stringContaining('"names": { "t/schema.json#/$defs/schema": "SchemaSchema2" }'),
      }),
    ]);
  });

  it('a truly ambiguous clash: the message names every schema, the hint gives an entry that settles it', () => {
    const one = candidate('/one/api/user.json', '', 'User');
    const two = candidate('/two/api/user.json', '', 'User');
    const { names, diagnostics } = assignNames([one, two], {});
    expect(names.size).toBe(0);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toBe('2 schemas want the type name "User" and no rule tells them apart: one/api/user.json, two/api/user.json');
    expect(diagnostics[0]!.hint).toContain('"names": { "two/api/user.json": "TwoUser" }');
    // The suggested entry settles it.
    const settled = assignNames([one, two], { 'two/api/user.json': 'TwoUser' });
    expect([settled.diagnostics, [...settled.names.values()].sort()]).toEqual([[], ['TwoUser', 'User']]);
  });
});

describe('names of shared subschemas (named because several places print them)', () => {
  const shared = (path: string, pointer: string, wanted: string): NameCandidate => ({ ...candidate(path, pointer, wanted), shared: true });

  it('take their key or title when no other schema wants it', () => {
    const order = candidate('/s/order.json', '', 'Order');
    const address = shared('/s/order.json', '/properties/address', 'address');
    const { names, clashes } = assignNames([order, address], {});
    expect(names.get(address.key)).toBe('Address');
    expect(clashes).toEqual([]);
  });

  it("never rename a declared schema: on a clash they take their owner's name and place, the declared one keeps its name", () => {
    const declared = candidate('/s/address.json', '', 'Address');
    const order = candidate('/s/order.json', '', 'Order');
    const address = shared('/s/order.json', '/properties/address', 'address');
    for (const order_ of [
      [declared, order, address],
      [address, order, declared],
    ]) {
      const { names, clashes } = assignNames(order_, {});
      expect(names.get(declared.key)).toBe('Address');
      expect(names.get(address.key)).toBe('OrderAddress');
      expect(clashes).toEqual(['s/order.json#/properties/address → OrderAddress']);
    }
  });

  it('two shared subschemas wanting one name are both qualified, by the innermost declared schema around them', () => {
    const root = candidate('/s/a.json', '', 'A');
    const line = candidate('/s/a.json', '/$defs/line', 'line');
    const one = shared('/s/a.json', '/properties/code', 'code');
    const two = shared('/s/a.json', '/$defs/line/properties/code', 'code');
    const { names } = assignNames([root, line, one, two], {});
    expect(names.get(one.key)).toBe('ACode');
    expect(names.get(two.key)).toBe('LineCode');
  });

  it("without a name on their path, take their owner's name and place", () => {
    const root = candidate('/s/a.json', '', 'Thing');
    const option = shared('/s/a.json', '/anyOf/1', '');
    expect(assignNames([root, option], {}).names.get(option.key)).toBe('ThingOption1');
  });

  it('a clash the rule cannot settle is an error naming the place, with a hint', () => {
    const root = candidate('/s/a.json', '', 'A');
    const taken = candidate('/s/b.json', '', 'AX');
    const x = shared('/s/a.json', '/properties/x', 'AX');
    const { names, diagnostics } = assignNames([root, taken, x], {});
    expect(names.has(x.key)).toBe(false);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'name-clash', file: 's/a.json', pointer: '/properties/x', hint: expect.stringContaining('"names"') })]);
  });

  it('the config names them like any other schema', () => {
    const x = shared('/s/a.json', '/properties/x', 'x');
    expect(assignNames([x], { [x.key]: 'Chosen' }).names.get(x.key)).toBe('Chosen');
  });
});

describe("a subschema's place, in words", () => {
  it.each([
    ['/properties/node', 'node'],
    ['/properties/tags/items', 'tags item'],
    ['/$defs/a/properties/b/additionalProperties', 'b value'],
    ['/properties/properties', 'properties'],
    ['/components/schemas/Line/$defs/code', 'code'],
    ['/anyOf/0', undefined],
    ['/items/anyOf/2', undefined],
  ])('%s → %s', (pointer, words) => {
    expect(placeName(pointer)).toBe(words);
  });

  it('below another schema', () => {
    expect(placeBelow('', '/anyOf/1')).toBe('option 1');
    expect(placeBelow('/$defs/line', '/$defs/line/properties/code/items')).toBe('code item');
  });
});

describe('clashes, end to end', () => {
  it('an OpenAPI 3.1-style schema.yaml: the file names the root Schema, $defs/schema becomes SchemaSchema, no error', async () => {
    const result = await typesOf({
      'schemas/schema.yaml': [
        '$schema: https://json-schema.org/draft/2020-12/schema',
        'type: object',
        'properties:',
        '  components: { $ref: "#/$defs/schema" }',
        '$defs:',
        '  schema:',
        '    type: [object, boolean]',
      ].join('\n'),
    });
    expect(result.diagnostics).toEqual([]);
    expect(Object.keys(result.types).sort()).toEqual(['Schema', 'SchemaSchema']);
    expect(result.types.Schema).toContain('components?: SchemaSchema;');
  });

  it('a truly ambiguous clash fails with the line and a names entry', async () => {
    const user = { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'User', type: 'object' };
    const result = await typesOf({ 'schemas/one/api/user.json': user, 'schemas/two/api/user.json': user });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'name-clash',
        file: 'schemas/one/api/user.json',
        line: 1,
        hint: expect.stringContaining('"names": { "schemas/two/api/user.json": "TwoUser" }'),
      }),
    ]);
  });
});

describe('rule: names nothing can spell', () => {
  it('schemas whose titles, file names and keys hold no letter or digit get a short hash of their place: stable, and no error', () => {
    const a = candidate('/t/?.json', '', '*/');
    const b = candidate('/t/".json', '', '<!--');
    const first = assignNames([a, b], {});
    expect(first.diagnostics).toEqual([]);
    const [nameA, nameB] = [first.names.get(a.key)!, first.names.get(b.key)!];
    expect(nameA).toMatch(/^Schema[0-9a-fA-F]{6}$/);
    expect(nameB).toMatch(/^Schema[0-9a-fA-F]{6}$/);
    expect(nameA).not.toBe(nameB);
    // Another such schema joining the run does not rename the first two.
    const again = assignNames([candidate('/t/@.json', '', '{{'), b, a], {});
    expect([again.names.get(a.key), again.names.get(b.key)]).toEqual([nameA, nameB]);
  });
});

describe('PlacesInDocuments (the innermost schema around a place)', () => {
  /** What the walk up a pointer must agree with: every pair compared, the longest holder first met. */
  const bruteForce = (candidates: NameCandidate[], c: NameCandidate, withOwnPlace: boolean) => {
    let owner: NameCandidate | undefined;
    for (const d of candidates) {
      if (d.location.doc !== c.location.doc || (!withOwnPlace && d.location.pointer === c.location.pointer)) continue;
      const p = d.location.pointer;
      if (!(p === '' || c.location.pointer === p || c.location.pointer.startsWith(`${p}/`))) continue;
      if (!owner || p.length > owner.location.pointer.length) owner = d;
    }
    return owner;
  };

  it('finds what comparing every pair finds, for any places (empty keys, shared places, several documents)', () => {
    const segment = fc.constantFrom('', 'a', 'b', '$defs', 'x~1y', '0');
    const place = fc.tuple(fc.constantFrom('/p', '/q'), fc.array(segment, { maxLength: 4 })).map(([path, segments]) => ({ path, pointer: segments.map((s) => `/${s}`).join('') }));
    fc.assert(
      fc.property(fc.array(place, { minLength: 1, maxLength: 30 }), (places) => {
        const candidates = places.map(({ path, pointer }, i) => ({ ...candidate(path, pointer, `T${i}`), key: `k${i}` }));
        const index = new PlacesInDocuments(candidates);
        for (const c of candidates) {
          expect(index.innermostAbove(c)).toBe(bruteForce(candidates, c, false));
          expect(index.innermostHolding(c)).toBe(bruteForce(candidates, c, true));
        }
      }),
    );
  });
});
