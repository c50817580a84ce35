import type { Dialect } from '../schema/dialect.js';

/** A parsed input document, with what later stages need to point back into it. */
export interface SourceDocument {
  /** Absolute path on disk (for a fetched document, its URL). */
  absolutePath: string;
  /** Retrieval URI of a fetched (`--allow-remote`) document; local files have none. */
  uri?: string;
  /** Path as shown to the user and written into banners: relative to the working directory, `/`-separated. */
  displayPath: string;
  format: 'json' | 'yaml';
  /** Original text, kept so diagnostics can compute line/column lazily. */
  text: string;
  json: unknown;
  /**
   * `input` documents are generated; `components` documents only answer refs (and their
   * schemas that inputs reach are generated); `referenced` documents were loaded because
   * a ref names them (a file under the input folders, or a fetched URL).
   */
  role: 'input' | 'components' | 'referenced';
  /** The dialect its schemas are read in (see `documentDialect`); embedded resources may switch it. */
  dialect: Dialect;
}

/**
 * Why a file or URL is not among the documents though something names it: `refused`
 * (outside the allowed folders, not a regular file, over a size limit) and
 * `unreadable` are reported at each `$ref` that names it; `reported` failed with a
 * diagnostic of its own (a syntax error, say), so refs to it add nothing.
 */
export type Unavailable = { kind: 'refused'; reason: string; hint?: string } | { kind: 'unreadable'; reason: string } | { kind: 'reported' };
