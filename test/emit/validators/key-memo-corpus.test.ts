import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KeyMemo } from '../../../src/emit/validators/key-memo.js';
import { CORPUS } from '../../helpers/paths.js';
import { describeCorpus } from '../../helpers/corpus.js';
import { withTempDir } from '../../helpers/temp-dir.js';
import { moduleKeysOf, VALIDATOR_OPTIONS, validatorInputs } from './support/validator-inputs.js';

const SESSION = 'json-schema/user-pools-session-type-schema.json';
const PAGINATION = 'json-schema/user-pools-pagination-key-type-schema.json';
const RESPONSE = 'json-schema/user-pools-admin-initiate-auth-response-schema.json';
const USER_POOLS = 'openapi/amazon-cognito-user-pools-openapi.yml';

/** One edit of the corpus copy, between two runs: text replacements in its files. */
interface Step {
  what: string;
  replace: { file: string; from: string | RegExp; to: string }[];
  /** The types whose keys the edit changes, by file and pointer (undefined: not asserted). */
  changed?: string[];
  /**
   * At most how many facts and copy hashes the run computes rather than takes from the
   * memo: 2 per edited file (its facts, its copy), plus the copies of the files whose refs
   * now lead elsewhere or across dialects (their texts unchanged).
   */
  computes: number;
}

const STEPS: Step[] = [
  { what: 'a description (an annotation)', replace: [{ file: RESPONSE, from: 'Initiates the authentication response', to: 'Starts the authentication response' }], changed: [], computes: 2 },
  { what: 'a keyword of a schema every module calls by name', replace: [{ file: SESSION, from: '"maxLength": 2048', to: '"maxLength": 2047' }], changed: [`${SESSION}#`], computes: 2 },
  {
    // Refs to `#/components/schemas/SessionType` now find the other file, their texts unchanged.
    what: 'two titles traded (refs by title find the other file)',
    replace: [
      { file: SESSION, from: '"title": "SessionType"', to: '"title": "PaginationKeyType"' },
      { file: PAGINATION, from: '"title": "PaginationKeyType"', to: '"title": "SessionType"' },
    ],
    computes: 30,
  },
  {
    what: "a file's dialect (refs to it cross dialects)",
    replace: [{ file: PAGINATION, from: 'https://json-schema.org/draft/2020-12/schema', to: 'http://json-schema.org/draft-07/schema#' }],
    computes: 30,
  },
  { what: 'a keyword in a components document', replace: [{ file: USER_POOLS, from: /maxLength: 12\n/, to: 'maxLength: 13\n' }], computes: 2 },
];

describeCorpus('the key memo on the Cognito corpus', () => {
  it('gives each run after an edit the keys and problems a run without it computes, from the memo for every file the edit leaves alone', () =>
    withTempDir(async (dir) => {
      await cp(join(CORPUS, 'json-schema'), join(dir, 'json-schema'), { recursive: true });
      await cp(join(CORPUS, 'openapi'), join(dir, 'openapi'), { recursive: true });
      const components = [join(dir, USER_POOLS), join(dir, 'openapi', 'amazon-cognito-identity-pools-openapi.yml')];
      const run = async (memoText: string) => {
        const { graph, model, errors } = await validatorInputs(dir, [join(dir, 'json-schema')], components);
        expect(errors).toEqual([]);
        const memo = KeyMemo.fromFileText(memoText, 'tool');
        const memoized = moduleKeysOf(graph, model, VALIDATOR_OPTIONS, memo);
        const fresh = moduleKeysOf(graph, model, VALIDATOR_OPTIONS);
        expect(memoized).toEqual(fresh);
        return { keys: fresh.keys, reused: memo.reused, computed: memo.computed, memoText: memo.toFileText('tool'), documents: graph.registry.documents.length };
      };
      let last = await run('');
      expect(Object.keys(last.keys).length).toBeGreaterThan(500);
      expect(last.reused).toBe(0);
      for (const { what, replace, changed, computes } of STEPS) {
        for (const { file, from, to } of replace) {
          const text = await readFile(join(dir, file), 'utf8');
          expect([what, text.replace(from, to)]).not.toEqual([what, text]);
          await writeFile(join(dir, file), text.replace(from, to));
        }
        const next = await run(last.memoText);
        if (changed) expect([what, Object.keys(next.keys).filter((type) => next.keys[type] !== last.keys[type])]).toEqual([what, changed]);
        // The files an edit leaves alone (and their copies) come from the memo.
        expect([what, next.computed <= computes, next.reused + next.computed]).toEqual([what, true, last.reused + last.computed]);
        last = next;
      }
    }));
});
