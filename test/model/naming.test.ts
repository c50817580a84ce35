import type { SourceDocument } from '../../src/load/document.js';
import { assignNames, toTypeName, type NameCandidate } from '../../src/model/naming.js';

const doc = (absolutePath: string): SourceDocument => ({ absolutePath, displayPath: absolutePath.slice(1), format: 'json', text: '{}', json: {}, role: 'input' });
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
    for (const order of [[user, identity], [identity, user]]) {
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
    const { names } = assignNames(
      [candidate('/g.json', '/$defs/numberList/$defs/itemType', 'itemType'), candidate('/g.json', '/$defs/stringList/$defs/itemType', 'itemType')],
      {},
    );
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
});
