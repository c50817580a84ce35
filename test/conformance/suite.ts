import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { SHARED } from '../helpers/paths.js';

/** The official JSON-Schema-Test-Suite, copied under ../shared (see its SOURCE.txt). */
export const SUITE = join(SHARED, 'corpus', 'json-schema-test-suite');
/** One folder per dialect (`draft7`, `draft2020-12`, …). */
export const SUITE_TESTS_ROOT = join(SUITE, 'tests');
/** The draft 2020-12 tests. */
export const SUITE_TESTS = join(SUITE_TESTS_ROOT, 'draft2020-12');
/** Served as `http://localhost:1234/…` (the suite's convention): `remotes/draft2020-12/x.json` is `http://localhost:1234/draft2020-12/x.json`. */
export const SUITE_REMOTES = join(SUITE, 'remotes');
export const REMOTE_PREFIX = 'http://localhost:1234/';

export const suitePresent = existsSync(SUITE_TESTS_ROOT) && existsSync(SUITE_REMOTES);
if (!suitePresent) console.warn(`\n*** JSON-Schema-Test-Suite conformance tests SKIPPED: ${SUITE_TESTS_ROOT} is absent ***\n`);
export const describeSuite = suitePresent ? describe : describe.skip;

export interface SuiteTest {
  description: string;
  data: unknown;
  valid: boolean;
}

export interface SuiteGroup {
  description: string;
  schema: unknown;
  tests: SuiteTest[];
}

/** A suite file, named relative to its dialect's folder (`ref.json`, `optional/format/date.json`). */
export interface SuiteFile {
  name: string;
  groups: SuiteGroup[];
}

/** The `.json` files directly in `folder` of a dialect's tests (`tests/<dialectFolder>/<folder>`), sorted. */
export function suiteFiles(dialectFolder: string, folder = ''): SuiteFile[] {
  const dir = join(SUITE_TESTS_ROOT, dialectFolder, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: folder ? `${folder}/${f}` : f, groups: JSON.parse(readFileSync(join(dir, f), 'utf8')) as SuiteGroup[] }));
}

/**
 * Every remote document with the URL the suite serves it at, whatever the dialect under
 * test: each draft's tests name their own subfolder's remotes (or the shared ones at the
 * top), and the remotes of other drafts say theirs with `$schema`.
 */
export function suiteRemotes(): { url: string; schema: unknown }[] {
  const found: { url: string; schema: unknown }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.json')) {
        found.push({ url: REMOTE_PREFIX + relative(SUITE_REMOTES, path).split(sep).join('/'), schema: JSON.parse(readFileSync(path, 'utf8')) });
      }
    }
  };
  walk(SUITE_REMOTES);
  return found;
}

/** The key of one case in a dialect's known-failure lists: `<file>/<group description>/<test description>`. */
export function caseKey(file: string, group: SuiteGroup, test: SuiteTest): string {
  return `${file}/${group.description}/${test.description}`;
}

/** What one implementation made of one group: a validator, or why there is none. */
export type Compiled = { validate: (data: unknown) => boolean; types?: GeneratedType } | { rejected: string };

/** Where the generated declaration of a group's schema is: `index.d.ts` of its output, and the type's name. */
export interface GeneratedType {
  /** Absolute path of the output's `index.js` (its `index.d.ts` declares the types). */
  index: string;
  name: string;
}

/** Run a group's tests: `undefined` when the result matches `valid`, else why not. */
export function runTests(group: SuiteGroup, compiled: Compiled): (string | undefined)[] {
  return group.tests.map((test) => {
    if ('rejected' in compiled) return `rejected: ${compiled.rejected}`;
    let result: boolean;
    try {
      // A copy, by this realm's JSON (structuredClone makes objects of another realm under jest, which deep-equal tells apart).
      result = compiled.validate(JSON.parse(JSON.stringify(test.data)));
    } catch (error) {
      return `threw: ${(error as Error).message}`;
    }
    if (result === test.valid) return undefined;
    return test.valid ? 'rejects valid data' : 'accepts invalid data';
  });
}
