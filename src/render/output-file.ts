/** A file of the output, by its path relative to the output folder (`/`-separated). */
export interface OutputFile {
  path: string;
  content: string;
}
