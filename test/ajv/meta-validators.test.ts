import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cp, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { load as parseYaml } from 'js-yaml';
import { newAjvFor } from '../../src/ajv/dialects.js';
import { compiledMetaValidator, expectedRecord, META_CHECK_OPTIONS, precompiledMetaValidators, RECORD_FILE, type MetaValidator } from '../../src/ajv/meta-validators.js';
import { metaSchemaErrorsOf } from '../../src/resolve/schema-problems.js';
import { DRAFTS, META_SCHEMA_URIS, type Draft } from '../../src/schema/dialect.js';
import { isSchemaObject } from '../../src/schema/walk.js';
import { describeSuite, SUITE_REMOTES, SUITE_TESTS_ROOT, type SuiteGroup } from '../conformance/suite.js';
import { CORPUS_SCHEMAS, describeCorpus, IDENTITY_POOLS_OPENAPI, USER_POOLS_OPENAPI } from '../helpers/corpus.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { withTempDir } from '../helpers/temp-dir.js';

/** What `npm run build` wrote (the test script builds first; a stale or absent build fails here, it is not skipped). */
const BUILT = join(REPO_ROOT, 'dist', 'meta-schema-validators');
const SUITE_FOLDERS: Record<Draft, string> = { 'draft-04': 'draft4', 'draft-06': 'draft6', 'draft-07': 'draft7', '2019-09': 'draft2019-09', '2020-12': 'draft2020-12' };

function builtValidators(): (draft: Draft) => MetaValidator {
  const load = precompiledMetaValidators(BUILT);
  if (!load) throw new Error(`${BUILT} holds no validators of this build (run npm run build)`);
  return load;
}

describe('the precompiled meta-schema validators', () => {
  it('were written by the ajv installed here, with the options of the check, one module per draft', () => {
    const record = JSON.parse(readFileSync(join(BUILT, RECORD_FILE), 'utf8')) as unknown;
    expect(record).toEqual(expectedRecord());
    expect(expectedRecord()).toMatchObject({ packages: { ajv: expect.any(String), 'ajv-draft-04': expect.any(String) }, options: META_CHECK_OPTIONS });
    expect(readdirSync(BUILT).sort()).toEqual([...DRAFTS.map((draft) => `${draft}.cjs`), RECORD_FILE].sort());
  });

  it('are not used where there are none, or where the record names another ajv or other options (the run-time compile answers)', () =>
    withTempDir(async (dir) => {
      expect(precompiledMetaValidators(join(dir, 'no-such-folder'))).toBeUndefined();
      await cp(BUILT, dir, { recursive: true });
      expect(precompiledMetaValidators(dir)).toBeDefined();
      const record = expectedRecord();
      for (const other of [
        { ...record, packages: { ...record.packages, ajv: '8.0.0' } },
        { ...record, packages: { ...record.packages, 'ajv-draft-04': '0.9.0' } },
        { ...record, options: { ...record.options, allErrors: false } },
      ]) {
        await writeFile(join(dir, RECORD_FILE), JSON.stringify(other));
        expect(precompiledMetaValidators(dir)).toBeUndefined();
      }
    }));

  it('fail loudly where the record matches but a module is missing (a broken build, not a reason to be slow)', () =>
    withTempDir(async (dir) => {
      await cp(BUILT, dir, { recursive: true });
      // Where a build sits, ajv's run-time helpers are found in node_modules above it.
      await symlink(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'));
      await rm(join(dir, '2020-12.cjs'));
      const load = precompiledMetaValidators(dir)!;
      expect(load('draft-07')({})).toBe(true);
      expect(() => load('2020-12')).toThrow(/Cannot find module/);
    }));

  it('are what the built code checks with', () => {
    const script = `import { metaValidatorOrigin } from ${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'dist', 'ajv', 'meta-validators.js')).href)}; console.log(metaValidatorOrigin());`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim()).toBe('precompiled');
  });
});

/** Values that are no schema, or schemas with one mistake: what makes validators report errors. */
const WRONG_VALUES: readonly unknown[] = [5, -1, 1.5, 'x', '', null, true, [], {}, [1, 1], ['a', 'a'], [5], { $ref: 5 }, { type: 'strin' }];

/**
 * Each place of `schema` (at any depth, objects and arrays) with its value swapped for a
 * wrong one, at most `budget` variants: broken schemas as people write them.
 */
function brokenVariants(schema: unknown, budget: number): unknown[] {
  const variants: unknown[] = [];
  let turn = 0;
  const visit = (node: unknown, path: (string | number)[]): void => {
    if (variants.length >= budget || node === null || typeof node !== 'object') return;
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    for (const key of keys) {
      if (variants.length >= budget) return;
      const copy = structuredClone(schema);
      let at = copy as Record<string | number, unknown>;
      for (const step of path) at = at[step] as Record<string | number, unknown>;
      at[key] = structuredClone(WRONG_VALUES[turn++ % WRONG_VALUES.length]);
      variants.push(copy);
      visit((node as Record<string | number, unknown>)[key], [...path, key]);
    }
  };
  visit(schema, []);
  return variants;
}

/** Every `.json` file under `dir`, parsed, in name order. */
function jsonFilesUnder(dir: string): unknown[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown);
}

/** A draft's suite schemas, their broken variants, and every test's data (most of which are no schema at all). */
function suiteValues(draft: Draft): unknown[] {
  const groups = jsonFilesUnder(join(SUITE_TESTS_ROOT, SUITE_FOLDERS[draft])).flat() as SuiteGroup[];
  const values: unknown[] = [];
  for (const group of groups) values.push(group.schema, ...brokenVariants(group.schema, 12), ...group.tests.map((test) => test.data));
  return values;
}

interface Comparison {
  invalid: number;
  disagreements: string[];
}

/** Each value checked by both validators, as it is and as the check passes it (its `$schema` the draft's): same verdict, same errors (all of their fields, in order). */
function compare(draft: Draft, precompiled: MetaValidator, compiled: MetaValidator, values: unknown[]): Comparison {
  const result: Comparison = { invalid: 0, disagreements: [] };
  for (const value of values) {
    for (const checked of isSchemaObject(value) ? [value, { ...value, $schema: META_SCHEMA_URIS[draft] }] : [value]) {
      const verdict = precompiled(checked);
      const errors = precompiled.errors;
      const expected = compiled(checked);
      if (!expected) result.invalid++;
      if (verdict !== expected || !isDeepStrictEqual(errors ?? null, compiled.errors ?? null)) result.disagreements.push(JSON.stringify(checked).slice(0, 200));
    }
  }
  return result;
}

/** The check as it was before the validators were precompiled: ajv's `validateSchema` on the schema, its `$schema` the draft's. */
function checkedAsBefore(draft: Draft, value: unknown): unknown[] {
  const ajv = ajvAsBefore(draft);
  const checked = isSchemaObject(value) ? { ...value, $schema: META_SCHEMA_URIS[draft] } : value;
  return ajv.validateSchema(checked as object) ? [] : (ajv.errors ?? []);
}

const instancesAsBefore = new Map<Draft, ReturnType<typeof newAjvFor>>();
function ajvAsBefore(draft: Draft): ReturnType<typeof newAjvFor> {
  let ajv = instancesAsBefore.get(draft);
  if (!ajv) instancesAsBefore.set(draft, (ajv = newAjvFor(draft, { strict: false, validateFormats: false, allErrors: true })));
  return ajv;
}

/** The check's errors for each value equal the errors the check found before (`null`, which made it throw then, aside). */
function differencesFromBefore(draft: Draft, values: unknown[]): string[] {
  return values.filter((value) => value !== null && !isDeepStrictEqual(metaSchemaErrorsOf(value, draft), checkedAsBefore(draft, value))).map((value) => JSON.stringify(value).slice(0, 200));
}

describeSuite('precompiled and run-time meta-schema validators, on the JSON-Schema-Test-Suite', () => {
  const built = builtValidators();
  it.each(DRAFTS)('%s: the suite schemas, their broken variants and the test data get the same verdict and errors', (draft) => {
    const values = [...suiteValues(draft), ...jsonFilesUnder(SUITE_REMOTES)];
    const { invalid, disagreements } = compare(draft, built(draft), compiledMetaValidator(draft), values);
    expect(disagreements).toEqual([]);
    // Errors were compared, not just verdicts: a good share of the values are no valid schema.
    expect(invalid).toBeGreaterThan(values.length / 4);
    expect(differencesFromBefore(draft, values)).toEqual([]);
  });
});

describeCorpus('precompiled and run-time meta-schema validators, on the Cognito corpus', () => {
  const built = builtValidators();
  // Read when a test runs, not when jest collects them: a describe that is skipped (no corpus) still runs its body.
  const corpusSchemas = () => {
    const files = readdirSync(CORPUS_SCHEMAS)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => JSON.parse(readFileSync(join(CORPUS_SCHEMAS, name), 'utf8')) as unknown);
    const components = [USER_POOLS_OPENAPI, IDENTITY_POOLS_OPENAPI].flatMap((file) => {
      const document = parseYaml(readFileSync(file, 'utf8')) as { components: { schemas: Record<string, unknown> } };
      return Object.values(document.components.schemas);
    });
    return [...files, ...components];
  };

  it.each(['2020-12', 'draft-04'] as const)('%s (the corpus files declare 2020-12; its OpenAPI 3.0 components are read as draft-04): same verdict and errors, broken variants too', (draft) => {
    const schemas = corpusSchemas();
    const values = [...schemas, ...schemas.flatMap((schema) => brokenVariants(schema, 3))];
    const { invalid, disagreements } = compare(draft, built(draft), compiledMetaValidator(draft), values);
    expect(disagreements).toEqual([]);
    expect(invalid).toBeGreaterThan(schemas.length);
    expect(differencesFromBefore(draft, values)).toEqual([]);
  });
});

describe('the meta-schema check, as a schema of each draft sees it', () => {
  it.each(DRAFTS)('%s: a boolean schema is valid; null, a number or an array is no schema', (draft) => {
    expect(metaSchemaErrorsOf(true, draft)).toEqual([]);
    expect(metaSchemaErrorsOf(false, draft)).toEqual([]);
    for (const notASchema of [null, 5, ['a'], 'a']) {
      // 2019-09 and 2020-12 say it once per vocabulary: the check reports each place once.
      const messages = new Set(metaSchemaErrorsOf(notASchema, draft).map((error) => `${error.instancePath} ${error.message}`));
      expect([...messages]).toEqual([draft === 'draft-04' ? ' must be object' : ' must be object,boolean']);
    }
  });
});
