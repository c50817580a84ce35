import { existsSync, lstatSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readConfinedFile, realPathOf } from '../load/confinement.js';
import { expandInputs } from '../load/expand-inputs.js';
import { readRegularFile } from '../load/read-file.js';
import type { ResolvedOptions } from '../options.js';
import { hashOf, parseManifest, type RunRecord } from '../write/manifest.js';
import { MANIFEST_FILE, outputLayout, under } from '../write/layout.js';
import { textHash } from './record.js';
import { outputRelative } from './settings.js';
import { templateFiles } from './template-files.js';

export interface UnchangedRun {
  record: RunRecord;
  /** The output files the manifest lists (all still as written), and the manifest. */
  files: string[];
  /** The hash of the manifest's bytes: what a replay of the run's messages is keyed by. */
  manifestHash: string;
}

/**
 * Whether the output folder already holds what a run with these options would write,
 * known without loading a schema: the manifest's record of the run that wrote it has
 * the same settings hash, every file that run read still has the same text, no input
 * file was added, and every output file still has the bytes the manifest lists. Any
 * doubt is a "no": the caller then does the whole run, which is always right.
 *
 * The manifest is checked in and so untrusted: a file it says was read is read again
 * only where the run itself may read (the input folders, the components documents'
 * folders, the uriMap folders, the templates folder), under the same size limit.
 */
export async function unchangedRun(opts: ResolvedOptions, outDir: string, realOutDir: string, settings: string): Promise<UnchangedRun | undefined> {
  const layout = outputLayout(realOutDir);
  if (existsSync(layout.staging)) return undefined; // a run is writing, or was killed: the full path handles both
  const manifestRead = readRegularFile(layout.manifest, opts.limits.maxFileBytes, { resolvedPath: true });
  if (!manifestRead.ok) return undefined;
  const parsed = parseManifest(manifestRead.text);
  const manifest = parsed.ok ? parsed.manifest : undefined;
  const record = manifest?.run;
  if (!manifest || !record || record.settings !== settings) return undefined;

  const expanded = await expandInputs(opts.inputs, opts.cwd, outDir);
  if (expanded.diagnostics.length > 0 || expanded.refused.length > 0) return undefined;
  const templatesDir = opts.templatesDir === undefined ? undefined : resolve(opts.cwd, opts.templatesDir);
  const mustBeListed = [...expanded.files, ...(templatesDir ? templateFiles(templatesDir) : [])];
  if (!mustBeListed.every((path) => Object.hasOwn(record.read, outputRelative(outDir, path)))) return undefined;

  const folders = [
    ...expanded.allowed.realPaths,
    ...opts.components.map((c) => dirname(resolve(opts.cwd, c))),
    ...Object.values(opts.uriMap).map((folder) => resolve(opts.cwd, folder)),
    ...(templatesDir ? [templatesDir] : []),
  ];
  const allowed = { realPaths: folders.flatMap((folder) => realPathOf(folder) ?? []), description: 'the folders this run reads' };
  for (const [path, hash] of Object.entries(record.read)) {
    const read = readConfinedFile(resolve(outDir, path), allowed, opts.limits.maxFileBytes);
    if (!read.ok || textHash(read.text) !== hash) return undefined;
  }

  for (const [path, hash] of Object.entries(manifest.files)) {
    const file = under(realOutDir, path);
    // Output paths are checked on parse; a symlink put in the place of a file is not ours.
    if (lstatSync(file, { throwIfNoEntry: false })?.isFile() !== true) return undefined;
    const read = readRegularFile(file, opts.limits.maxFileBytes, { resolvedPath: true });
    if (!read.ok || hashOf(Buffer.from(read.text, 'utf8')) !== hash) return undefined;
  }
  return { record, files: [...Object.keys(manifest.files), MANIFEST_FILE].sort(), manifestHash: textHash(manifestRead.text) };
}
