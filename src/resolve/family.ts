import { basename } from 'node:path';
import type { SchemaLocation } from './registry.js';

/**
 * Among several schemas answering the same name, the one of the referring file's own
 * family: the longest common file-name prefix wins (`user-pools-a.json` prefers
 * `user-pools-date-type.json` over `identity-pools-date-type.json`); if that ties, the
 * most shared name tokens. Returns every candidate still tied when no single one wins.
 */
export function pickByFamily(referrerPath: string, candidates: SchemaLocation[]): SchemaLocation[] {
  if (candidates.length <= 1) return candidates;
  const referrer = basename(referrerPath);
  const byPrefix = best(candidates, (c) => commonPrefixLength(referrer, basename(c.doc.absolutePath)));
  if (byPrefix.length === 1) return byPrefix;
  const tokens = new Set(nameTokens(referrer));
  return best(byPrefix, (c) => nameTokens(basename(c.doc.absolutePath)).filter((t) => tokens.has(t)).length);
}

function best<T>(items: T[], score: (item: T) => number): T[] {
  const scores = items.map(score);
  const top = Math.max(...scores);
  return items.filter((_, i) => scores[i] === top);
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  // Count whole name tokens only: `user-pools-a` and `user-x` share `user-`, not `user-p`.
  const cut = Math.max(a.lastIndexOf('-', i - 1), a.lastIndexOf('_', i - 1), a.lastIndexOf('.', i - 1));
  return i === a.length || i === b.length ? i : cut + 1;
}

function nameTokens(fileName: string): string[] {
  return fileName
    .toLowerCase()
    .split(/[-_.]+/)
    .filter(Boolean);
}
