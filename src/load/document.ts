/** A parsed input document, with what later stages need to point back into it. */
export interface SourceDocument {
  /** Absolute path on disk. */
  absolutePath: string;
  /** Path as shown to the user and written into banners: relative to the working directory, `/`-separated. */
  displayPath: string;
  format: 'json' | 'yaml';
  /** Original text, kept so diagnostics can compute line/column lazily. */
  text: string;
  json: unknown;
  /** `input` documents are generated; `components` documents only answer refs. */
  role: 'input' | 'components';
}
