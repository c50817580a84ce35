/**
 * Whether a document may hold a key containing `fragment`, judged from its text alone: a
 * key is in the text as written, or spelled with escapes (JSON has only `\u` to spell a
 * letter; YAML has `\x`, `\u`, `\U` and escaped line breaks in double quotes, so any `\`).
 * A "no" is certain and spares a walk over the parsed document; a "yes" means walk.
 */
export function mayHoldKeyWith(doc: { text: string; format: 'json' | 'yaml' }, fragment: string): boolean {
  return doc.text.includes(fragment) || doc.text.includes(doc.format === 'json' ? '\\u' : '\\');
}
