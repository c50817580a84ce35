import { resolve } from 'node:path';
import { safeDecode } from '../schema/uri.js';
import { isInside, realPathOf, type AllowedRoots } from './confinement.js';

/** A URL prefix served from a local folder (`uriMap` / `--map-uri`). */
export interface UriMapping {
  prefix: string;
  /** Absolute folder, as written. */
  folder: string;
  /** The folder by real path: the only place files for this prefix may be read from. */
  allowed: AllowedRoots;
}

/** The mappings of a run, longest prefix first (so the most specific one answers). */
export function uriMappings(uriMap: Readonly<Record<string, string>>, cwd: string): UriMapping[] {
  return Object.entries(uriMap)
    .map(([prefix, dir]) => {
      const folder = resolve(cwd, dir);
      return { prefix, folder, allowed: { realPaths: [realPathOf(folder) ?? folder], description: `the folder mapped to ${prefix}` } };
    })
    .sort((a, b) => b.prefix.length - a.prefix.length);
}

export function mappingFor(uri: string, mappings: readonly UriMapping[]): UriMapping | undefined {
  return mappings.find((m) => uri.startsWith(m.prefix));
}

/**
 * The local file a mapped URL names: the rest of the URL after the prefix, percent-
 * decoded once (as a URL path is), below the mapped folder. Refused, with the reason:
 * an encoded separator or NUL (`..%2F..%2F` would otherwise climb out after decoding),
 * a malformed encoding, a path that leaves the folder.
 */
export function mappedPath(uri: string, mapping: UriMapping): { path: string } | { refused: string } {
  const rest = uri.slice(mapping.prefix.length).replace(/[?#].*$/, '');
  if (/%(2f|5c|00)/i.test(rest)) return { refused: 'holds an encoded "/", "\\" or NUL, which no file name below the mapped folder has' };
  const decoded = safeDecode(rest);
  if (decoded === undefined) return { refused: 'has a malformed percent-encoding' };
  const path = resolve(mapping.folder, decoded);
  if (!isInside(mapping.folder, path)) return { refused: `leads outside ${mapping.allowed.description}` };
  return { path };
}
