/** A file of the output, by its path relative to the output folder (`/`-separated). */
export interface OutputFile {
  path: string;
  content: string;
  /**
   * A file kept as the earlier run wrote it: the bytes the output folder held when the
   * render stage read them, and their SHA-256 (hex), which matched the file's trace. The
   * write stage compares and lists these without encoding and hashing the text again.
   */
  onDisk?: { bytes: Buffer; sha256: string };
}
