import { createHash } from 'node:crypto';
import { documentTextHash } from '../hash/document-text.js';
import type { SourceDocument } from '../load/document.js';
import type { UnicodePatterns } from '../schema/patterns.js';

/**
 * Documents that earlier runs found clean, by key: free of schema problems
 * (`cleanDocumentKey`), free of unknown keywords (`noUnknownKeywordsKey`; the two keys of
 * one document never coincide). A run after one edit checks and walks that one document,
 * not all of them. Only clean documents are remembered: one with findings is checked on
 * every run (its diagnostics need positions, and it is rare). A speed-up only: an empty
 * memo changes nothing but time.
 */
export class CleanDocumentMemo {
  /** Keys this run found clean or confirmed: all the next run needs (so the memo cannot grow forever). */
  readonly used = new Set<string>();
  private added = false;
  private readonly known: ReadonlySet<string>;

  constructor(known: Iterable<string> = []) {
    this.known = new Set(known);
  }

  /** Whether what this run used differs from what the memo held: else there is nothing to save. */
  get changed(): boolean {
    return this.added || this.used.size !== this.known.size;
  }

  /** Whether a document of this key was found clean before (and, if so, that this run used it). */
  isClean(key: string): boolean {
    if (!this.known.has(key)) return false;
    this.used.add(key);
    return true;
  }

  markClean(key: string): void {
    if (!this.known.has(key)) this.added = true;
    this.used.add(key);
  }
}

/** Bumped when what a key covers changes, so no old entry can answer for the new rules. */
const SCHEMA_PROBLEMS_KEY = 'schema-problems/2';
const UNKNOWN_KEYWORDS_KEY = 'unknown-keywords/1';

/**
 * Everything `findSchemaProblems` (schema-problems.ts) and what it calls read, hashed:
 * - the document's `text` and `format`: its `json` is parsed from exactly these (the
 *   parser's version is in the tool fingerprint that guards the memo file as a whole);
 *   `reservedKeyProblems` reads the text itself;
 * - its `dialect`: the meta-schema its roots are checked against, the keywords walked
 *   for patterns, and where embedded resources (`$id` with a `$schema`) switch it
 *   (`embeddedDialect`, which reads only the json);
 * - its `role`: `schemaRootsOf` reads a `components` document as a container, and
 *   `unknownDialect` warns only for `input` and `components` documents;
 * - the `unicodePatterns` setting: whether a pattern valid only without `u` is an error,
 *   a warning or fine;
 * - the JavaScript engine's version: which patterns `new RegExp(…, 'u')` accepts.
 * The check reads no limit. `displayPath` and `absolutePath` only name the file in
 * diagnostics, which a clean document has none of: a moved file stays clean. The
 * meta-schemas (and their precompiled validators, and the ajv that wrote them) and the
 * checking code belong to the tool fingerprint.
 */
export function cleanDocumentKey(doc: SourceDocument, unicodePatterns: UnicodePatterns): string {
  return keyOf(doc, [SCHEMA_PROBLEMS_KEY, process.versions.v8, doc.format, doc.role, doc.dialect, unicodePatterns]);
}

/**
 * Everything `findUnknownKeywords` (keywords.ts) reads, hashed:
 * - the document's `text` and `format`, which its `json` is parsed from;
 * - its `dialect`: which keywords it knows (`vocabularyOf`), which subschemas are walked,
 *   and where embedded resources switch it;
 * - its `role`: `schemaRootsOf` reads a `components` document as a container.
 * No setting and no regular expression: the keyword tables and the walk are code (the
 * tool fingerprint). Which warnings a run shows (the `warnings` setting) is decided
 * after this, so a document clean here is clean under any of them; `displayPath`
 * only names the file in warnings, which a clean document has none of.
 */
export function noUnknownKeywordsKey(doc: SourceDocument): string {
  return keyOf(doc, [UNKNOWN_KEYWORDS_KEY, doc.format, doc.role, doc.dialect]);
}

/** Both keys of a document hash its text, which is most of the work: once per document, shared with the run's other memos. */
function keyOf(doc: SourceDocument, settings: string[]): string {
  return createHash('sha256').update(JSON.stringify(settings)).update('\u0000').update(documentTextHash(doc)).digest('hex');
}
