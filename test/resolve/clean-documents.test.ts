import fc from 'fast-check';
import { CleanDocumentMemo, cleanDocumentKey, noUnknownKeywordsKey } from '../../src/resolve/clean-documents.js';
import { documentsWalkedForKeywordsSoFar, unknownKeywordWarnings } from '../../src/resolve/keywords.js';
import { documentsCheckedSoFar, schemaProblems } from '../../src/resolve/schema-problems.js';
import { parseDocumentText } from '../../src/load/parse-document.js';
import type { SourceDocument } from '../../src/load/document.js';
import { DIALECTS, type Dialect } from '../../src/schema/dialect.js';
import type { UnicodePatterns } from '../../src/schema/patterns.js';
import { documentDialect } from '../../src/schema/walk.js';

type Role = SourceDocument['role'];

/** A document as the load stage makes it (parsed from its text, its dialect from `$schema` or the default): a new object each call, as each run loads afresh. */
function documentOf(text: string, { role = 'input', defaultDialect = '2020-12', format = 'json' }: { role?: Role; defaultDialect?: Dialect; format?: 'json' | 'yaml' } = {}): SourceDocument {
  const parsed = parseDocumentText(text, format, `schema.${format}`);
  if (!parsed.ok) throw new Error(`test document does not parse: ${parsed.diagnostic.message}`);
  return { absolutePath: `/project/schema.${format}`, displayPath: `schema.${format}`, format, text, json: parsed.json, role, dialect: documentDialect(parsed.json, role, defaultDialect) };
}

/** The next run's memo, as the cache file carries it: what this run used. */
const nextRun = (memo: CleanDocumentMemo) => new CleanDocumentMemo(memo.used);

const codes = (problems: { code: string; severity: string }[]) => problems.map((p) => `${p.severity} ${p.code}`);

describe('the memo of clean documents', () => {
  it('remembers a clean document, and its next run answers from the memo without checking', () => {
    const text = JSON.stringify({ type: 'object', properties: { a: { type: 'string', pattern: '^a+$' } } });
    const first = new CleanDocumentMemo();
    expect(schemaProblems(documentOf(text), 'fallback', first)).toEqual([]);
    expect([...first.used]).toEqual([cleanDocumentKey(documentOf(text), 'fallback')]);
    expect(first.changed).toBe(true);

    const second = nextRun(first);
    const checkedBefore = documentsCheckedSoFar();
    expect(schemaProblems(documentOf(text), 'fallback', second)).toEqual([]);
    expect(documentsCheckedSoFar()).toBe(checkedBefore);
    // It used exactly what it held: nothing to save.
    expect(second.changed).toBe(false);
  });

  it('reports a document with problems on every run, and never remembers it', () => {
    const text = JSON.stringify({ type: 'object', minimum: 'one', properties: { 'x-schema-gen-validator': { type: 5 } } });
    let memo = new CleanDocumentMemo();
    for (let run = 0; run < 3; run++) {
      const checkedBefore = documentsCheckedSoFar();
      expect(codes(schemaProblems(documentOf(text), 'fallback', memo))).toEqual(['error invalid-schema', 'error invalid-schema']);
      expect(documentsCheckedSoFar()).toBe(checkedBefore + 1);
      expect(memo.used.size).toBe(0);
      memo = nextRun(memo);
    }
  });

  it('reports a clean document edited into a bad one on the next run, and forgets its old key', () => {
    const clean = JSON.stringify({ type: 'object', required: ['a'] });
    const bad = JSON.stringify({ type: 'object', required: 'a' });
    const first = new CleanDocumentMemo();
    expect(schemaProblems(documentOf(clean), 'fallback', first)).toEqual([]);
    const second = nextRun(first);
    const problems = schemaProblems(documentOf(bad), 'fallback', second);
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([['invalid-schema', '/required']]);
    expect(second.used.size).toBe(0);
    expect(second.changed).toBe(true);
  });

  it('reports a document clean in one dialect when it is read in another', () => {
    // `items` as an array is a tuple in draft-07 and a mistake in 2020-12.
    const text = JSON.stringify({ type: 'array', items: [{ type: 'string' }] });
    const first = new CleanDocumentMemo();
    expect(schemaProblems(documentOf(text, { defaultDialect: 'draft-07' }), 'fallback', first)).toEqual([]);
    const problems = schemaProblems(documentOf(text, { defaultDialect: '2020-12' }), 'fallback', nextRun(first));
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([['invalid-schema', '/items']]);
  });

  it('reports a document clean in one role when it plays another', () => {
    // An unknown `$schema` is not a referenced document's business; an input's, it is.
    const unknownDialect = JSON.stringify({ $schema: 'https://example.com/my-dialect', type: 'object' });
    const first = new CleanDocumentMemo();
    expect(schemaProblems(documentOf(unknownDialect, { role: 'referenced' }), 'fallback', first)).toEqual([]);
    expect(codes(schemaProblems(documentOf(unknownDialect, { role: 'input' }), 'fallback', nextRun(first)))).toEqual(['warning unknown-dialect']);

    // Read as a components document, it is a container whose schemas are checked; as an input, one schema whose `components` is an unknown keyword.
    const container = JSON.stringify({ type: 'object', components: { schemas: { A: { type: 5 } } } });
    const second = new CleanDocumentMemo();
    expect(schemaProblems(documentOf(container, { role: 'input' }), 'fallback', second)).toEqual([]);
    const problems = schemaProblems(documentOf(container, { role: 'components' }), 'fallback', nextRun(second));
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([['invalid-schema', '/components/schemas/A/type']]);
  });

  it('reports a pattern by the unicodePatterns setting of each run', () => {
    // Such a pattern is never clean (a warning or an error), so no memo entry can hide it; its severity follows the setting.
    const text = JSON.stringify({ type: 'string', pattern: '^[\\w-_]+$' });
    let memo = new CleanDocumentMemo();
    for (const setting of ['fallback', 'require', 'fallback'] as const) {
      const expected = setting === 'require' ? 'error pattern-not-unicode' : 'warning pattern-not-unicode';
      expect(codes(schemaProblems(documentOf(text), setting, memo))).toEqual([expected]);
      memo = nextRun(memo);
    }
    // The key holds the setting all the same: a clean document is remembered once per setting.
    const clean = documentOf(JSON.stringify({ type: 'string', pattern: '^a$' }));
    expect(cleanDocumentKey(clean, 'fallback')).not.toBe(cleanDocumentKey(clean, 'require'));
  });

  it('keys the text and format, not the path a document is shown by', () => {
    const text = JSON.stringify({ type: 'string' });
    const json = documentOf(text);
    const moved = { ...documentOf(text), absolutePath: '/elsewhere/other.json', displayPath: 'other.json' };
    expect(cleanDocumentKey(moved, 'fallback')).toBe(cleanDocumentKey(json, 'fallback'));
    expect(cleanDocumentKey(documentOf(text, { format: 'yaml' }), 'fallback')).not.toBe(cleanDocumentKey(json, 'fallback'));
    expect(cleanDocumentKey(documentOf(`${text}\n`), 'fallback')).not.toBe(cleanDocumentKey(json, 'fallback'));
  });
});

describe('the memo of documents free of unknown keywords', () => {
  it('remembers a document without unknown keywords, and its next run answers from the memo without walking it', () => {
    const text = JSON.stringify({ type: 'object', properties: { a: { type: 'string', 'x-note': 1 } } });
    const first = new CleanDocumentMemo();
    expect(unknownKeywordWarnings(documentOf(text), first)).toEqual([]);
    expect([...first.used]).toEqual([noUnknownKeywordsKey(documentOf(text))]);

    const walkedBefore = documentsWalkedForKeywordsSoFar();
    const second = nextRun(first);
    expect(unknownKeywordWarnings(documentOf(text), second)).toEqual([]);
    expect(documentsWalkedForKeywordsSoFar()).toBe(walkedBefore);
    expect(second.changed).toBe(false);
  });

  it('warns of an unknown keyword on every run, and never remembers the document', () => {
    const text = JSON.stringify({ type: 'string', minLenght: 2 });
    let memo = new CleanDocumentMemo();
    for (let run = 0; run < 3; run++) {
      const walkedBefore = documentsWalkedForKeywordsSoFar();
      expect(unknownKeywordWarnings(documentOf(text), memo).map((w) => [w.code, w.pointer, w.hint])).toEqual([['unknown-keyword', '/minLenght', 'did you mean "minLength"?']]);
      expect(documentsWalkedForKeywordsSoFar()).toBe(walkedBefore + 1);
      expect(memo.used.size).toBe(0);
      memo = nextRun(memo);
    }
  });

  it('warns of a keyword that the dialect a document is now read in does not know', () => {
    const text = JSON.stringify({ type: 'array', prefixItems: [{ type: 'string' }] });
    const first = new CleanDocumentMemo();
    expect(unknownKeywordWarnings(documentOf(text, { defaultDialect: '2020-12' }), first)).toEqual([]);
    const warnings = unknownKeywordWarnings(documentOf(text, { defaultDialect: 'draft-07' }), nextRun(first));
    expect(warnings.map((w) => [w.code, w.pointer])).toEqual([['unknown-keyword', '/prefixItems']]);
  });

  it('warns of a keyword in a document that now plays another role', () => {
    // Read as a components document, a container whose schema A is clean; as an input, one schema whose `components` is unknown.
    const text = JSON.stringify({ type: 'object', components: { schemas: { A: { type: 'string' } } } });
    const first = new CleanDocumentMemo();
    expect(unknownKeywordWarnings(documentOf(text, { role: 'components' }), first)).toEqual([]);
    const warnings = unknownKeywordWarnings(documentOf(text, { role: 'input' }), nextRun(first));
    expect(warnings.map((w) => [w.code, w.pointer])).toEqual([['unknown-keyword', '/components']]);
  });

  it('keys a document apart from its schema-problems key, and by its text, format, dialect and role only', () => {
    const text = JSON.stringify({ type: 'string' });
    const doc = documentOf(text);
    expect(noUnknownKeywordsKey(doc)).not.toBe(cleanDocumentKey(doc, 'fallback'));
    const moved = { ...documentOf(text), absolutePath: '/elsewhere/other.json', displayPath: 'other.json' };
    expect(noUnknownKeywordsKey(moved)).toBe(noUnknownKeywordsKey(doc));
    for (const other of [documentOf(`${text} `), documentOf(text, { format: 'yaml' }), documentOf(text, { defaultDialect: 'draft-07' }), documentOf(text, { role: 'components' })]) {
      expect(noUnknownKeywordsKey(other)).not.toBe(noUnknownKeywordsKey(doc));
    }
  });
});

/** Mostly the first (valid) value, sometimes one that some dialect or setting refuses: clean documents must be common enough to be remembered. */
const mostly = <T>(valid: T, ...others: T[]) => fc.oneof({ weight: 4, arbitrary: fc.constant(valid) }, { weight: 1, arbitrary: fc.constantFrom(...others) });

/** Small schemas (nested at most `depth` deep, a few keywords each) of keywords each valid in some dialects and settings and not in others. */
function schemaOf(depth: number): fc.Arbitrary<Record<string, unknown>> {
  const nested = depth > 0 ? schemaOf(depth - 1) : fc.constant({});
  const keyword = <T>(name: string, value: fc.Arbitrary<T>) => value.map((v): [string, unknown] => [name, v]);
  const keywords = fc.oneof(
    ...(depth === 0 ? [keyword('x-schema-gen-flag', fc.constant(1))] : []),
    keyword('type', mostly<unknown>('string', 'object', 5, 'strin', ['string', 'null'])),
    keyword('minimum', mostly<unknown>(1, 'one')),
    // Each valid in some dialects only (draft-04's boolean, later drafts' number; `items` as a tuple).
    keyword('exclusiveMinimum', fc.constantFrom<unknown>(3, true)),
    keyword('items', fc.oneof(nested, fc.array(nested, { maxLength: 2 }), fc.constant(3))),
    keyword('required', mostly<unknown>(['a'], 'a')),
    keyword('pattern', mostly<unknown>('^a+$', '^[\\w-_]+$', '(', '\\p{L}')),
    keyword('patternProperties', mostly<unknown>({ '^x': {} }, { '[\\w-_]': {} })),
    keyword('properties', fc.dictionary(mostly('a', 'x-schema-gen-validator'), nested, { maxKeys: 2 })),
    keyword('$defs', fc.dictionary(fc.constantFrom('A', 'B'), nested, { maxKeys: 1 })),
    // With `$id`, a `$schema` of its own makes an embedded resource: the dialect switches below it.
    keyword('$id', fc.constant('https://example.com/embedded')),
    keyword(
      '$schema',
      fc.constantFrom('http://json-schema.org/draft-04/schema#', 'http://json-schema.org/draft-07/schema#', 'https://json-schema.org/draft/2020-12/schema', 'https://example.com/unknown'),
    ),
    keyword('nullable', fc.boolean()),
    // Unknown in every dialect (a typo), or in some only.
    keyword('minLenght', fc.constant(2)),
    keyword('prefixItems', fc.array(nested, { maxLength: 1 })),
  );
  return fc.array(keywords, { maxLength: 3 }).map((entries) => Object.fromEntries(entries));
}

/** Mostly a plain schema (read in the default dialect unless its `$schema` says otherwise), sometimes an OpenAPI document or a bare components bundle. */
const documentText = fc
  .oneof(
    { weight: 3, arbitrary: schemaOf(2) },
    { weight: 1, arbitrary: fc.record({ openapi: fc.constantFrom('3.0.3', '3.1.0'), components: fc.record({ schemas: fc.dictionary(fc.constantFrom('A', 'B'), schemaOf(1), { maxKeys: 2 }) }) }) },
    { weight: 1, arbitrary: fc.record({ components: fc.record({ schemas: fc.dictionary(fc.constantFrom('A', 'B'), schemaOf(1), { maxKeys: 2 }) }) }) },
  )
  .map((json) => JSON.stringify(json));

/** One document of a run: a text of a small pool (so texts recur across runs), read with one set of settings. */
const documentRead = (pool: number) =>
  fc.record({
    text: fc.nat({ max: pool - 1 }),
    format: mostly<'json' | 'yaml'>('json', 'yaml'),
    role: mostly<Role>('input', 'components', 'referenced'),
    defaultDialect: fc.constantFrom<Dialect>(...DIALECTS),
    unicodePatterns: mostly<UnicodePatterns>('fallback', 'require'),
  });

describe('a memoized run', () => {
  it('reports exactly what a fresh run reports, run after run, whatever changes between them', () => {
    let answeredFromMemo = 0;
    let walksAnsweredFromMemo = 0;
    let warned = 0;
    fc.assert(
      fc.property(
        fc
          .array(documentText, { minLength: 1, maxLength: 3 })
          .chain((texts) => fc.record({ texts: fc.constant(texts), runs: fc.array(fc.array(documentRead(texts.length), { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 5 }) })),
        ({ texts, runs }) => {
          let memo = new CleanDocumentMemo();
          for (const run of runs) {
            for (const { text, unicodePatterns, ...settings } of run) {
              const checkedBefore = documentsCheckedSoFar();
              const memoized = schemaProblems(documentOf(texts[text]!, settings), unicodePatterns, memo);
              if (documentsCheckedSoFar() === checkedBefore) answeredFromMemo++;
              const fresh = schemaProblems(documentOf(texts[text]!, settings), unicodePatterns);
              expect(memoized).toEqual(fresh);

              const walkedBefore = documentsWalkedForKeywordsSoFar();
              const memoizedWarnings = unknownKeywordWarnings(documentOf(texts[text]!, settings), memo);
              if (documentsWalkedForKeywordsSoFar() === walkedBefore) walksAnsweredFromMemo++;
              const freshWarnings = unknownKeywordWarnings(documentOf(texts[text]!, settings));
              expect(memoizedWarnings).toEqual(freshWarnings);
              if (freshWarnings.length > 0) warned++;
            }
            memo = nextRun(memo);
          }
        },
      ),
      // A fixed seed: the same cases on every machine (fast-check prints the seed and path of a failure).
      { seed: 1313, numRuns: 300 },
    );
    // The property says something only if the memo answered some of the time, and some documents had warnings.
    expect(answeredFromMemo).toBeGreaterThan(50);
    expect(walksAnsweredFromMemo).toBeGreaterThan(50);
    expect(warned).toBeGreaterThan(50);
  });
});
