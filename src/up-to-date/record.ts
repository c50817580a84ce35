import { createHash } from 'node:crypto';
import { documentTextHash } from '../hash/document-text.js';
import { readRegularFile } from '../load/read-file.js';
import type { Limits } from '../limits.js';
import type { RunRecord } from '../write/manifest.js';
import { outputRelative } from './settings.js';

/** Line ends do not count: a checkout that turns LF into CRLF (git's autocrlf) reads the same schemas, so it keeps the same record. */
export function textHash(text: string): string {
  return `sha256:${createHash('sha256')
    .update(text.includes('\r') ? text.replace(/\r\n/g, '\n') : text)
    .digest('hex')}`;
}

/** `textHash` of a document's text, from the hash the run's memos already took where no line end needs changing. */
function documentHash(doc: { readonly text: string }): string {
  return doc.text.includes('\r') ? textHash(doc.text) : `sha256:${documentTextHash(doc)}`;
}

export interface FinishedRun {
  settings: string;
  /** Every local document the run loaded, by absolute path: its text hashed as the run saw it. */
  loaded: ReadonlyMap<string, { readonly text: string }>;
  /** Other local files it read (inputs skipped as not schemas, template files), by absolute path: hashed now. */
  alsoRead: readonly string[];
}

/**
 * The record of a run for the manifest, or none when a file it read cannot be read
 * again (then the next run simply does all the work).
 */
export function runRecordOf(run: FinishedRun, outDir: string, limits: Limits): RunRecord | undefined {
  const read: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [path, doc] of run.loaded) read[outputRelative(outDir, path)] = documentHash(doc);
  for (const path of run.alsoRead) {
    if (run.loaded.has(path)) continue;
    const file = readRegularFile(path, limits.maxFileBytes);
    if (!file.ok) return undefined;
    read[outputRelative(outDir, path)] = textHash(file.text);
  }
  return { settings: run.settings, read };
}
