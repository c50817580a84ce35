import { createHash } from 'node:crypto';
import type { SourceDocument } from '../load/document.js';
import type { UnicodePatterns } from '../schema/patterns.js';

/**
 * Documents that earlier runs found free of schema problems, by `cleanDocumentKey`: a
 * run after one edit checks that one document against its meta-schema, not all of them.
 * Only clean documents are remembered: one with problems is checked on every run (its
 * diagnostics need positions, and it is rare). A speed-up only: an empty memo changes
 * nothing but time.
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

/** Bumped when what the key covers changes, so no old entry can answer for the new rules. */
const KEY_FORMAT = 'schema-problems/1';

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
 * meta-schemas and the checking code belong to the tool fingerprint.
 */
export function cleanDocumentKey(doc: SourceDocument, unicodePatterns: UnicodePatterns): string {
  const settings = JSON.stringify([KEY_FORMAT, process.versions.v8, doc.format, doc.role, doc.dialect, unicodePatterns]);
  return createHash('sha256').update(settings).update('\u0000').update(doc.text).digest('hex');
}
