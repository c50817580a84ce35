import { hexDigest } from './digest.js';

const hashes = new WeakMap<object, string>();

/**
 * The sha256 (hex) of a document's text, once per document: the memos of clean documents
 * and of validator keys and the run's record all key on it (a document's text never
 * changes once read).
 */
export function documentTextHash(doc: { readonly text: string }): string {
  let hash = hashes.get(doc);
  if (hash === undefined) hashes.set(doc, (hash = hexDigest('sha256', doc.text)));
  return hash;
}
