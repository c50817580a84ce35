import { createHash } from 'node:crypto';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import type { ResolvedOptions } from '../options.js';

/**
 * The hash of every setting that decides what a run writes, with paths relative to the
 * output folder (the record is checked in: it must not depend on the working folder).
 * Settings that only decide how a run behaves (check, force, lock timeout, cache) stay
 * out, and so does the tool: which schema-gen wrote the output is vouched for by the
 * local cache (see replay.ts), so upgrading one that writes the same bytes changes nothing.
 */
export function settingsHash(opts: ResolvedOptions, outDir: string): string {
  const fromOut = (path: string) => outputRelative(outDir, resolve(opts.cwd, path));
  const shaping: Record<(typeof SHAPING_SETTINGS)[number], unknown> = {
    // The order inputs are given in changes nothing in the output (test/e2e/stability), so not the record either.
    inputs: opts.inputs.map(fromOut).sort(),
    components: opts.components.map(fromOut),
    templates: opts.templatesDir === undefined ? null : fromOut(opts.templatesDir),
    uriMap: Object.entries(opts.uriMap)
      .map(([prefix, folder]) => [prefix, fromOut(folder)])
      .sort(),
    names: Object.entries(opts.names).sort(),
    warnings: Object.entries(opts.warnings).sort(),
    limits: Object.entries(opts.limits).sort(),
    additionalProperties: opts.additionalProperties,
    readonlyProperties: opts.readonlyProperties,
    formats: opts.formats,
    assumeTypes: opts.assumeTypes,
    allErrors: opts.allErrors,
    module: opts.module,
    bundle: opts.bundle,
    typesOnly: opts.typesOnly,
    allowRemote: opts.allowRemote,
    defaultDialect: opts.defaultDialect,
    unicodePatterns: opts.unicodePatterns,
  };
  return `sha256:${createHash('sha256').update(JSON.stringify(shaping)).digest('hex')}`;
}

/** The config's settings that shape the output: each is in the hash (a test holds this list to config.schema.json). */
export const SHAPING_SETTINGS = [
  'inputs',
  'components',
  'templates',
  'uriMap',
  'names',
  'warnings',
  'limits',
  'additionalProperties',
  'readonlyProperties',
  'formats',
  'assumeTypes',
  'allErrors',
  'module',
  'bundle',
  'typesOnly',
  'allowRemote',
  'defaultDialect',
  'unicodePatterns',
] as const;

/** The rest: `out` is where the record lives; output formatted by prettier (`format`) gets no record at all. */
export const SETTINGS_OUTSIDE_THE_HASH = ['out', 'format'] as const;

/** Each folder relative to each output folder: a run names hundreds of files in a few folders, and `relative` is not cheap. */
const relativeFolders = new Map<string, string>();

/** `path` (absolute) relative to the output folder, `/`-separated: how the record names files. */
export function outputRelative(outDir: string, path: string): string {
  const folder = dirname(path);
  const key = `${outDir}\u0000${folder}`;
  let rel = relativeFolders.get(key);
  if (rel === undefined) {
    rel = relative(outDir, folder);
    if (sep !== '/') rel = rel.split(sep).join('/');
    if (relativeFolders.size > 10_000) relativeFolders.clear();
    relativeFolders.set(key, rel);
  }
  const name = basename(path);
  return rel === '' ? name : `${rel}/${name}`;
}
