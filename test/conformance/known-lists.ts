import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The two lists a dialect has: cases our validators get wrong, valid instances our types refuse. */
export type ListKind = 'known-failures' | 'known-type-failures';

/** A known-failure list: case key → why it fails. */
export type KnownList = Record<string, string>;

/** Where the test reads a dialect's list: `known-failures/draft7.json` (under test/conformance/, or `root`). */
export const listPath = (kind: ListKind, folder: string, root = here): string => join(root, kind, `${folder}.json`);

/**
 * Where drafts of lists wait for review, never read by the test: `pending/known-failures/draft7.json`.
 * A dialect is checked against its lists once they are moved from here to `listPath`.
 */
export const pendingPath = (kind: ListKind, folder: string, root = here): string => join(root, 'pending', kind, `${folder}.json`);

/** The reviewed list, or `undefined` while the dialect has none (its cases still run; nothing is compared). */
export function readList(kind: ListKind, folder: string): KnownList | undefined {
  const path = listPath(kind, folder);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as KnownList) : undefined;
}

/** What `SUITE_UPDATE` writes for a case nobody has explained yet; such an entry fails the test until it is. */
export const UNREVIEWED = 'UNREVIEWED: ';

/** Entries whose reason is no explanation: too short to be one, or not yet written. */
export function vagueReasons(list: KnownList): string[] {
  return Object.entries(list)
    .filter(([, reason]) => typeof reason !== 'string' || reason.trim().length < 20 || reason.startsWith(UNREVIEWED))
    .map(([key]) => key);
}

/**
 * `SUITE_UPDATE=1`: the list that says what fails today, written where it is read from
 * (the reviewed list if the dialect has one, else its draft under pending/). A case
 * still failing keeps its reason; a new one gets `UNREVIEWED: <what happened>`, which
 * the test refuses until someone writes the real reason. Cases in suite order.
 */
export function updateList(kind: ListKind, folder: string, failing: [key: string, what: string][], root = here): string {
  const reviewed = listPath(kind, folder, root);
  const pending = pendingPath(kind, folder, root);
  const target = existsSync(reviewed) ? reviewed : pending;
  const old = {
    ...(existsSync(pending) ? (JSON.parse(readFileSync(pending, 'utf8')) as KnownList) : {}),
    ...(existsSync(reviewed) ? (JSON.parse(readFileSync(reviewed, 'utf8')) as KnownList) : {}),
  };
  const list: KnownList = {};
  for (const [key, what] of failing) list[key] = Object.hasOwn(old, key) ? old[key]! : `${UNREVIEWED}${what}`;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(list, null, 2)}\n`);
  return target;
}
