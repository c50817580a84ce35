import { readLocalCache, writeLocalCache } from '../paths/local-cache.js';
import { CleanDocumentMemo } from '../resolve/index.js';

/**
 * The file the documents found free of schema problems are remembered in between runs,
 * in the output folder's local cache (`node_modules/.cache/schema-gen/targets/<folder>/`,
 * see run-memo.ts). A speed-up only: deleting it changes nothing but time.
 */
export const CLEAN_DOCUMENTS_FILE = 'schema-problems.json';

/** What the file holds: the build of schema-gen that checked (its fingerprint), and the keys of the clean documents. */
interface CleanDocumentsFile {
  tool: string;
  clean: string[];
}

const KEY = /^[0-9a-f]{64}$/;

/**
 * The memo the file holds, if `tool` (the running build's fingerprint) wrote it: another
 * build may check differently (other code, other meta-schemas). Absent, unreadable,
 * malformed or another build's: an empty memo, everything is checked.
 */
export async function readCleanDocuments(file: string, tool: string): Promise<CleanDocumentMemo> {
  let parsed: unknown;
  try {
    parsed = JSON.parse((await readLocalCache(file)) ?? '');
  } catch {
    return new CleanDocumentMemo();
  }
  if (!isCleanDocumentsFile(parsed) || parsed.tool !== tool) return new CleanDocumentMemo();
  return new CleanDocumentMemo(parsed.clean);
}

function isCleanDocumentsFile(value: unknown): value is CleanDocumentsFile {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const { tool, clean } = value as Record<string, unknown>;
  return typeof tool === 'string' && Array.isArray(clean) && clean.every((key) => typeof key === 'string' && KEY.test(key));
}

/** Only what this run used (so the file cannot grow forever), sorted; written atomically, so a reader never sees half a file. */
export async function writeCleanDocuments(file: string, memo: CleanDocumentMemo, tool: string): Promise<void> {
  const content: CleanDocumentsFile = { tool, clean: [...memo.used].sort() };
  await writeLocalCache(file, JSON.stringify(content));
}
