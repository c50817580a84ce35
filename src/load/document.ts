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
}
