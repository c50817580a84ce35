import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every file (with its bytes, base64) and every folder (`<folder>/`) under `dir`, dotfiles
 * included, by `/`-separated relative path: equal snapshots mean byte-identical trees
 * with no extra file or folder left behind. `skip` leaves out folders (by relative path).
 */
export function snapshotTree(dir: string, skip: readonly string[] = []): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (skip.some((s) => path === s || path.startsWith(`${s}/`))) continue;
    if (entry.isDirectory()) entries[`${path}/`] = 'folder';
    else if (entry.isSymbolicLink()) entries[path] = 'symlink';
    else entries[path] = readFileSync(join(dir, path)).toString('base64');
  }
  return Object.fromEntries(Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Paths in a snapshot that only schema-gen's bookkeeping would leave: staging, lock, temporary files. */
export function debrisIn(snapshot: Record<string, string>): string[] {
  return Object.keys(snapshot).filter((path) => /(^|\/)\.schema-gen-staging(\/|$)|\.tmp$|(^|\/)lock(\.takeover)?$/.test(path));
}
