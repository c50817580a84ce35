import type { OutputFile } from '../render/output-file.js';
import type { CurrentFile, OutputFolderReader } from './current-files.js';
import { MANIFEST_FILE } from './layout.js';
import { hashOf, listedHash, parseManifest, serializeManifest, type RunRecord } from './manifest.js';
import { isSafeOutputPath } from '../paths/output-path.js';

/** What reading a path gave (not a file taken unread by its stamp). */
type ReadFile = Exclude<CurrentFile, { kind: 'vouched' }>;

/** One file the switch changes. `before` absent: created; `after` absent: removed. */
export interface PlannedChange {
  path: string;
  before?: { bytes: Buffer; hash: string };
  after?: { bytes: Buffer; hash: string };
}

/** A wanted path we may not write: a file we did not write (or one edited since), or something in the way. */
export interface Conflict {
  path: string;
  kind: 'foreign-output' | 'edited-output' | 'output-path-blocked' | 'changed-during-run';
  /** For `output-path-blocked`: what is in the way. */
  why?: string;
  /** For files in the way: their bytes, and what this run would write there. */
  current?: Buffer;
  after?: Buffer;
}

export interface OutputPlan {
  /** In switch order: every file, then the manifest. */
  changes: PlannedChange[];
  unchanged: string[];
  /** Unchanged files that were not ours by the manifest (identical bytes: output of an older version). */
  adopted: string[];
  conflicts: Conflict[];
  /** Listed files no schema produces any more that were edited since: left alone, dropped from the manifest. */
  keptEdited: string[];
  /** Why the manifest could not be used (then no file counts as ours). */
  manifestProblem?: string;
  /** Manifest entries that were ignored (a path leaving the folder, a malformed hash). */
  ignoredEntries: readonly string[];
}

/**
 * Decide what a run changes, from what the output folder holds now: a file is ours only
 * if the manifest lists it and it still hashes to what is listed. Ours are replaced or
 * removed; a wanted path holding identical bytes is adopted; anything else at a wanted
 * path is a conflict, which `force` overrides for files (never for a symlink or folder).
 */
export function planOutput(reader: OutputFolderReader, files: readonly OutputFile[], { force, run }: { force: boolean; run?: RunRecord }): OutputPlan {
  const plan: OutputPlan = { changes: [], unchanged: [], adopted: [], conflicts: [], keptEdited: [], ignoredEntries: [] };
  const currentManifest = reader.read(MANIFEST_FILE);
  if (currentManifest.kind === 'vouched') throw new Error('schema-gen: the manifest is always read, never taken by its stamp');
  const listed = listedFiles(currentManifest, plan);
  const wantedHashes: Record<string, string> = Object.create(null) as Record<string, string>;

  for (const file of files) {
    // Paths come from our own renderer; one that could escape the folder is our bug.
    if (!isSafeOutputPath(file.path)) throw new Error(`render produced an unsafe output path: ${JSON.stringify(file.path)}`);
    const current = reader.read(file.path);
    if (current.kind === 'vouched') {
      // Kept unread by its stamp, and the folder's manifest is the one the render stage saw.
      if (file.onDisk?.bytes || current.hash !== listedHash(file.onDisk?.sha256 ?? '')) throw new Error(`schema-gen: ${file.path} was taken by its stamp but is not the file kept there`);
      wantedHashes[file.path] = current.hash;
      plan.unchanged.push(file.path);
      if (hashListed(listed, file.path) !== current.hash) plan.adopted.push(file.path);
      continue;
    }
    const after = wantedBytes(file, current);
    if (!after) {
      // Kept unread, and the folder changed since (another run wrote it): its bytes are gone.
      wantedHashes[file.path] = listedHash(file.onDisk!.sha256);
      plan.conflicts.push({ path: file.path, kind: 'changed-during-run' });
      continue;
    }
    const { bytes } = after;
    wantedHashes[file.path] = after.hash;
    if (current.kind === 'absent') plan.changes.push({ path: file.path, after });
    else if (current.kind === 'blocked') plan.conflicts.push({ path: file.path, kind: 'output-path-blocked', why: current.why });
    else if (current.bytes.equals(bytes)) {
      plan.unchanged.push(file.path);
      if (hashListed(listed, file.path) !== after.hash) plan.adopted.push(file.path);
    } else {
      const before = { bytes: current.bytes, hash: hashOf(current.bytes) };
      const ours = hashListed(listed, file.path) === before.hash;
      if (ours || force) plan.changes.push({ path: file.path, before, after });
      else plan.conflicts.push({ path: file.path, kind: Object.hasOwn(listed, file.path) ? 'edited-output' : 'foreign-output', current: current.bytes, after: bytes });
    }
  }

  for (const path of Object.keys(listed).sort()) {
    if (Object.hasOwn(wantedHashes, path)) continue;
    const current = reader.read(path);
    if (current.kind !== 'file') continue; // already gone, or not a file we could have written (a vouched one is wanted)
    const before = { bytes: current.bytes, hash: hashOf(current.bytes) };
    if (before.hash === hashListed(listed, path)) plan.changes.push({ path, before });
    else plan.keptEdited.push(path);
  }

  const manifestBytes = Buffer.from(serializeManifest(run ? { files: wantedHashes, run } : { files: wantedHashes }), 'utf8');
  planManifest(plan, currentManifest, { bytes: manifestBytes, hash: hashOf(manifestBytes) });
  return plan;
}

/**
 * The bytes a run wants at a file's path and their hash. A kept file comes with the bytes it
 * was read as and their hash (see OutputFile.onDisk); one kept unread by its stamp has them
 * only where the folder still holds them (read again here, when the folder changed since):
 * else undefined.
 */
function wantedBytes(file: OutputFile, current: ReadFile): { bytes: Buffer; hash: string } | undefined {
  if (!file.onDisk) {
    const bytes = Buffer.from(file.content, 'utf8');
    return { bytes, hash: hashOf(bytes) };
  }
  const hash = listedHash(file.onDisk.sha256);
  if (file.onDisk.bytes) return { bytes: file.onDisk.bytes, hash };
  return current.kind === 'file' && hashOf(current.bytes) === hash ? { bytes: current.bytes, hash } : undefined;
}

function hashListed(listed: Record<string, string>, path: string): string | undefined {
  return Object.hasOwn(listed, path) ? listed[path] : undefined;
}

function listedFiles(current: ReadFile, plan: OutputPlan): Record<string, string> {
  if (current.kind === 'absent') return {};
  if (current.kind === 'blocked') {
    plan.manifestProblem = `it ${current.why}`;
    return {};
  }
  const reading = parseManifest(current.bytes.toString('utf8'));
  if (!reading.ok) {
    plan.manifestProblem = reading.why;
    return {};
  }
  plan.ignoredEntries = reading.ignoredEntries;
  return reading.manifest.files;
}

function planManifest(plan: OutputPlan, current: ReadFile, after: { bytes: Buffer; hash: string }): void {
  if (current.kind === 'blocked') plan.conflicts.push({ path: MANIFEST_FILE, kind: 'output-path-blocked', why: current.why });
  else if (current.kind === 'absent') plan.changes.push({ path: MANIFEST_FILE, after });
  else if (current.bytes.equals(after.bytes)) plan.unchanged.push(MANIFEST_FILE);
  else plan.changes.push({ path: MANIFEST_FILE, before: { bytes: current.bytes, hash: hashOf(current.bytes) }, after });
}
