/** A file of the output, by its path relative to the output folder (`/`-separated). */
export interface OutputFile {
  path: string;
  /** Its text. For a file kept unread (`onDisk` without `bytes`), read on first use and checked against `onDisk.sha256`. */
  readonly content: string;
  /**
   * A file kept as the earlier run wrote it: its SHA-256 (hex), which matched the file's
   * trace, and the bytes the output folder held when the render stage read them. The
   * write stage compares and lists these without encoding and hashing the text again.
   * Without `bytes`, the file was not read at all: its stamp said it still holds the
   * bytes with that hash (up-to-date/output-stamps.ts), and the write stage takes it so.
   */
  onDisk?: { bytes?: Buffer; sha256: string };
}

/**
 * A file kept unread (see `onDisk`): its text is read only if something asks for it, by
 * `readLater`, which must give the bytes that hash to `sha256` (or throw), and only once.
 */
export function keptUnread(path: string, sha256: string, readLater: (path: string, sha256: string) => Buffer): OutputFile {
  let text: string | undefined;
  return {
    path,
    onDisk: { sha256 },
    get content() {
      return (text ??= readLater(path, sha256).toString('utf8'));
    },
  };
}
