import { existsSync, lstatSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isInside, readConfinedFile, realPathOf } from '../load/confinement.js';
import { expandInputs } from '../load/expand-inputs.js';
import type { ResolvedOptions } from '../options.js';
import { OutputFolderReader } from '../write/current-files.js';
import { hashOf, parseManifest, type RunRecord } from '../write/manifest.js';
import { MANIFEST_FILE, outputLayout, under } from '../write/layout.js';
import { nowNs, OutputStamps } from './output-stamps.js';
import { textHash } from './record.js';
import { readRunMessages, type RunMessages } from './replay.js';
import { outputRelative } from './settings.js';
import { templateFiles } from './template-files.js';

export interface UnchangedRun {
  /** The output files the manifest lists (all still as written), and the manifest. */
  files: string[];
  /** What the run that wrote them said, to say again. */
  earlier: RunMessages;
}

/**
 * Whether the output folder already holds what a run with these options would write,
 * known without loading a schema: the manifest's record of the run that wrote it has
 * the same settings hash, the local cache says this build of schema-gen wrote it, every
 * file that run read still has the same text, no input file was added, and every output
 * file still has the bytes the manifest lists (in a normal run, a file whose stamp has not
 * changed since a run read it is not read again: output-stamps.ts). Any doubt is a "no":
 * the caller then does the whole run, which is always right. The cheap checks come
 * first, so a run without the cache (a fresh clone, CI) reads nothing more than the
 * manifest here.
 *
 * The manifest is checked in and so untrusted: a file it says was read is read again
 * only where the run itself may read (the input folders, the components documents'
 * folders, the uriMap folders, the templates folder), under the same size limit; output
 * files are read as the write stage reads them, never through a symbolic link.
 */
export async function unchangedRun(opts: ResolvedOptions, outDir: string, realOutDir: string, settings: string): Promise<UnchangedRun | undefined> {
  if (existsSync(outputLayout(realOutDir).staging)) return undefined; // a run is writing, or was killed: the full path handles both
  const reader = new OutputFolderReader(realOutDir);
  const manifestFile = reader.read(MANIFEST_FILE);
  if (manifestFile.kind !== 'file') return undefined;
  const manifestText = manifestFile.bytes.toString('utf8');
  const parsed = parseManifest(manifestText);
  const record = parsed.ok ? parsed.manifest.run : undefined;
  if (!parsed.ok || !record || record.settings !== settings) return undefined;
  const earlier = await readRunMessages(opts.cwd, realOutDir, textHash(manifestText));
  if (!earlier || !(await inputsUnchanged(opts, outDir, record))) return undefined;
  // A normal run takes a file whose stamp is unchanged since it was last found right; --check reads every byte.
  const stamps = opts.check ? undefined : await OutputStamps.read(opts.cwd, realOutDir);
  const readStarted = nowNs();
  for (const [path, hash] of Object.entries(parsed.manifest.files)) {
    if (stamps && reader.folderOf(path).kind === 'folder' && stamps.vouchesFor(path, under(realOutDir, path), hash)) continue;
    const current = reader.read(path);
    if (current.kind !== 'file' || hashOf(current.bytes) !== hash) return undefined;
    stamps?.found(path, current.stats, hash, readStarted);
  }
  await stamps?.save();
  return { files: [...Object.keys(parsed.manifest.files), MANIFEST_FILE].sort(), earlier };
}

/** No input or template file added, and every file the recorded run read still has the text it hashed. */
async function inputsUnchanged(opts: ResolvedOptions, outDir: string, record: RunRecord): Promise<boolean> {
  const expanded = await expandInputs(opts.inputs, opts.cwd, outDir);
  if (expanded.diagnostics.length > 0 || expanded.refused.length > 0) return false;
  const templatesDir = opts.templatesDir === undefined ? undefined : resolve(opts.cwd, opts.templatesDir);
  const mustBeListed = [...expanded.files, ...(templatesDir ? templateFiles(templatesDir) : [])];
  if (!mustBeListed.every((path) => Object.hasOwn(record.read, outputRelative(outDir, path)))) return false;
  const folders = [
    ...expanded.allowed.realPaths,
    ...opts.components.map((c) => dirname(resolve(opts.cwd, c))),
    ...Object.values(opts.uriMap).map((folder) => resolve(opts.cwd, folder)),
    ...(templatesDir ? [templatesDir] : []),
  ];
  const allowed = { realPaths: folders.flatMap((folder) => realPathOf(folder) ?? []), description: 'the folders this run reads' };
  return newestFirst(Object.entries(record.read), outDir, allowed.realPaths).every(([path, hash]) => {
    const read = readConfinedFile(resolve(outDir, path), allowed, opts.limits.maxFileBytes);
    return read.ok && textHash(read.text) === hash;
  });
}

/**
 * The recorded files, the most recently modified first: after an edit, the edited file
 * is read first and the answer (no) comes without reading the rest, which the full run
 * reads anyway. Only paths inside the folders the run reads are looked at (`lstat`, which
 * follows no link); the order changes nothing but how soon a change is seen.
 */
function newestFirst(entries: [string, string][], outDir: string, folders: readonly string[]): [string, string][] {
  const modified = (path: string): number => {
    const absolute = resolve(outDir, path);
    if (!folders.some((folder) => isInside(folder, absolute))) return Number.POSITIVE_INFINITY;
    try {
      return lstatSync(absolute).mtimeMs;
    } catch {
      return Number.POSITIVE_INFINITY; // gone, or unreadable: the read fails at once
    }
  };
  return entries
    .map((entry) => ({ entry, at: modified(entry[0]) }))
    .sort((a, b) => (a.at === b.at ? 0 : a.at > b.at ? -1 : 1))
    .map(({ entry }) => entry);
}
