import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SUITE_DIALECTS, selectedDialects } from './dialects.js';
import { listPath, pendingPath, UNREVIEWED, updateList, vagueReasons } from './known-lists.js';
import { planBatches } from './run-ours.js';
import type { SuiteGroup } from './suite.js';
import { withTempDir } from '../helpers/temp-dir.js';

/** The conformance harness's own parts: what it runs, how it batches, how its lists are kept. */
const groups = (...schemas: unknown[]): SuiteGroup[] => schemas.map((schema, i) => ({ description: `g${i}`, schema, tests: [] }));

describe('SUITE_DIALECT', () => {
  it('selects every dialect when unset or empty', () => {
    expect(selectedDialects(undefined)).toEqual(SUITE_DIALECTS);
    expect(selectedDialects(' ')).toEqual(SUITE_DIALECTS);
  });

  it('selects by folder or dialect name, in suite order', () => {
    expect(selectedDialects('draft7').map((d) => d.folder)).toEqual(['draft7']);
    expect(selectedDialects('2019-09, draft-04').map((d) => d.folder)).toEqual(['draft4', 'draft2019-09']);
  });

  it('refuses a name that matches no dialect rather than running nothing', () => {
    expect(() => selectedDialects('draft8')).toThrow('SUITE_DIALECT: no suite dialect named draft8');
  });
});

describe('planBatches reads ids the way the run will', () => {
  it('keeps apart a draft-04 group declaring an `id` and one referring to it (in 2020-12 `id` is no identifier)', () => {
    const declareAndRefer = groups({ id: 'http://example.com/a.json' }, { $ref: 'http://example.com/a.json' });
    expect(planBatches(declareAndRefer, 'draft-04')).toEqual([[0], [1]]);
    expect(planBatches(declareAndRefer, '2020-12')).toEqual([[0, 1]]);
  });

  it('resolves a ref beside an `$id` both with and without it (up to draft-07 the id is ignored)', () => {
    const refBesideId = groups({ $id: 'http://example.com/base/', allOf: [{ $id: 'http://example.com/other/', $ref: 'a.json' }] }, { $id: 'http://example.com/base/a.json' });
    expect(planBatches(refBesideId, 'draft-07')).toEqual([[0], [1]]);
  });

  it('follows the `$schema` of a group over the default dialect', () => {
    const declared = groups({ $schema: 'http://json-schema.org/draft-04/schema#', id: 'http://example.com/a.json' }, { $ref: 'http://example.com/a.json' });
    expect(planBatches(declared, '2020-12')).toEqual([[0], [1]]);
  });
});

describe('known-failure lists', () => {
  it('call a reason vague when it is short or not yet written', () => {
    expect(vagueReasons({ a: 'fails', b: `${UNREVIEWED}ours rejects valid data; ajv passes`, c: 'ajv-formats has no "iri" format, so it is an annotation' })).toEqual(['a', 'b']);
  });

  it('SUITE_UPDATE keeps the reasons of cases still failing, drops fixed ones, marks new ones, in the order given', async () => {
    await withTempDir(async (root) => {
      const reviewed = listPath('known-failures', 'draft7', root);
      mkdirSync(dirname(reviewed), { recursive: true });
      writeFileSync(reviewed, JSON.stringify({ 'x.json/g/fixed': 'a reason long enough to count', 'x.json/g/kept': 'the reason that was reviewed' }));
      const written = updateList(
        'known-failures',
        'draft7',
        [
          ['x.json/g/new', 'ours rejects valid data; ajv passes'],
          ['x.json/g/kept', 'ours accepts invalid data'],
        ],
        root,
      );
      expect(written).toBe(reviewed);
      expect(readFileSync(reviewed, 'utf8')).toBe(
        `${JSON.stringify({ 'x.json/g/new': `${UNREVIEWED}ours rejects valid data; ajv passes`, 'x.json/g/kept': 'the reason that was reviewed' }, null, 2)}\n`,
      );
    });
  });

  it('SUITE_UPDATE writes the draft under pending/ while a dialect has no reviewed list', async () => {
    await withTempDir(async (root) => {
      const written = updateList('known-type-failures', 'draft4', [['a.json/g/t', "Type 'number' is not assignable to type 'string'."]], root);
      expect(written).toBe(pendingPath('known-type-failures', 'draft4', root));
      expect(existsSync(listPath('known-type-failures', 'draft4', root))).toBe(false);
    });
  });
});
