import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type BigIntStats } from 'node:fs';
import { MANIFEST_FILE, under } from './layout.js';

export type CurrentFile =
  | { kind: 'absent' }
  /** `stats`: what fstat said before the bytes were read (to the nanosecond). */
  | { kind: 'file'; bytes: Buffer; stats: BigIntStats }
  /** Something we must not read through or replace: a symlink, a folder, a file where a folder belongs. */
  | { kind: 'blocked'; why: string }
  /**
   * A regular file not read: its stamp (up-to-date/output-stamps.ts) said it still holds
   * the bytes a run found to hash to `hash`. Only among a run's remembered reads.
   */
  | { kind: 'vouched'; hash: string };

type FolderState = { kind: 'folder' } | { kind: 'absent' } | { kind: 'blocked'; why: string };

// Never follow a symlink out of the output folder; never hang on a FIFO.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * Reads files of the output folder by their `/`-separated relative paths, without ever
 * leaving it: a symlink (to a file or a folder on the way) is reported, not followed.
 */
export class OutputFolderReader {
  private readonly folders = new Map<string, FolderState>([['', { kind: 'folder' }]]);
  private readonly remembered: Map<string, CurrentFile> | undefined;
  private readonly earlier: ReadonlyMap<string, CurrentFile> | undefined;

  /**
   * `remember`: keep what is read (`reads`), for a later reader of the same run.
   * `earlier`: such reads, answered from memory as long as the manifest is still the one
   * they include (any run that changes the folder writes a new one).
   */
  constructor(
    private readonly outDir: string,
    options: { remember?: boolean; earlier?: ReadonlyMap<string, CurrentFile> } = {},
  ) {
    this.remembered = options.remember ? new Map() : undefined;
    const manifestThen = options.earlier?.get(MANIFEST_FILE);
    this.earlier = manifestThen && sameFile(manifestThen, this.readNow(MANIFEST_FILE)) ? options.earlier : undefined;
  }

  /** Everything this reader read, when made to remember. */
  get reads(): ReadonlyMap<string, CurrentFile> | undefined {
    return this.remembered;
  }

  /** Remember, unread, that `path` holds a regular file hashing to `hash`, as its stamp says (a remembering reader only). */
  vouch(path: string, hash: string): void {
    if (!this.remembered || path === MANIFEST_FILE) throw new Error('schema-gen: only a remembering reader takes a file by its stamp, and never the manifest');
    this.remembered.set(path, { kind: 'vouched', hash });
  }

  read(path: string): CurrentFile {
    const known = this.earlier?.get(path);
    if (known) return known;
    const current = this.readNow(path);
    this.remembered?.set(path, current);
    return current;
  }

  private readNow(path: string): CurrentFile {
    const folder = this.folderOf(path);
    if (folder.kind !== 'folder') return folder;
    let fd: number;
    try {
      fd = openSync(under(this.outDir, path), OPEN_FLAGS);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A name longer than the file system allows (a hostile manifest can list one) names no file.
      if (code === 'ENOENT' || code === 'ENAMETOOLONG') return { kind: 'absent' };
      if (code === 'ELOOP') return { kind: 'blocked', why: 'is a symbolic link' };
      if (code === 'EACCES' || code === 'EPERM') return { kind: 'blocked', why: 'cannot be read (permission denied)' };
      throw error;
    }
    try {
      const info = fstatSync(fd, { bigint: true });
      if (info.isDirectory()) return { kind: 'blocked', why: 'is a folder' };
      if (!info.isFile()) return { kind: 'blocked', why: 'is not a regular file' };
      return { kind: 'file', bytes: readAll(fd, Number(info.size)), stats: info };
    } finally {
      closeSync(fd);
    }
  }

  /** The state of the folder `path` lies in, judged component by component (memoised). */
  folderOf(path: string): FolderState {
    const slash = path.lastIndexOf('/');
    return slash < 0 ? { kind: 'folder' } : this.folder(path.slice(0, slash));
  }

  /** Folders (of the given files) that do not exist yet, parents first. */
  missingFolders(paths: readonly string[]): string[] {
    const missing = new Set<string>();
    for (const path of paths) {
      for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
        const folder = path.slice(0, slash);
        if (this.folder(folder).kind === 'absent') missing.add(folder);
      }
    }
    return [...missing].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
  }

  private folder(folder: string): FolderState {
    const known = this.folders.get(folder);
    if (known) return known;
    const slash = folder.lastIndexOf('/');
    const parent = slash < 0 ? this.folders.get('')! : this.folder(folder.slice(0, slash));
    const state = parent.kind === 'folder' ? this.inspect(folder) : parent;
    this.folders.set(folder, state);
    return state;
  }

  private inspect(folder: string): FolderState {
    try {
      const info = lstatSync(under(this.outDir, folder));
      if (info.isSymbolicLink()) return { kind: 'blocked', why: `is inside ${folder}/, a symbolic link` };
      if (!info.isDirectory()) return { kind: 'blocked', why: `cannot be written: ${folder} is a file, not a folder` };
      return { kind: 'folder' };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENAMETOOLONG') return { kind: 'absent' };
      if (code === 'EACCES' || code === 'EPERM') return { kind: 'blocked', why: `is inside ${folder}/, which cannot be read (permission denied)` };
      throw error;
    }
  }
}

/** The same kind of thing, and for files the same bytes (or, unread, the same hash). */
export function sameFile(a: CurrentFile, b: CurrentFile): boolean {
  if (a.kind === 'file') return b.kind === 'file' && a.bytes.equals(b.bytes);
  if (a.kind === 'vouched') return b.kind === 'vouched' && a.hash === b.hash;
  return a.kind === b.kind;
}

/** The file's bytes, with the size already known from fstat (readFileSync would stat again). */
function readAll(fd: number, size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = readSync(fd, bytes, filled, size - filled, filled);
    if (read === 0) break;
    filled += read;
  }
  return filled === size ? bytes : bytes.subarray(0, filled);
}
