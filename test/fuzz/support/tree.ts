import { existsSync } from 'node:fs';
import { readTree } from '../../helpers/read-tree.js';

/** Every file of a folder with its text (empty map when the folder is absent). */
export async function treeOf(dir: string): Promise<Map<string, string>> {
  return existsSync(dir) ? readTree(dir) : new Map();
}

/** The files added, removed or changed between two trees, for a message. */
export function treeChanges(before: Map<string, string>, after: Map<string, string>): string[] {
  const changes: string[] = [];
  for (const [path, text] of after)
    if (!before.has(path)) changes.push(`added ${path}`);
    else if (before.get(path) !== text) changes.push(`changed ${path}`);
  for (const path of before.keys()) if (!after.has(path)) changes.push(`removed ${path}`);
  return changes;
}
