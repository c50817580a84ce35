import type { SchemaObject } from '../../schema/walk.js';

/** Keywords that say something about a value without constraining it. */
const ANNOTATION_KEYWORDS = new Set([
  'title', 'description', '$comment', 'default', 'examples', 'example', 'deprecated',
  'readOnly', 'writeOnly', 'externalDocs', 'xml', '$schema', '$id', '$anchor',
]);

/**
 * Rule `annotation-only member`: `{description: ...}` inside an `allOf` constrains
 * nothing. Such members fold into the referencing property's docs instead of
 * becoming `& {[k: string]: unknown}`.
 */
export function isAnnotationOnly(schema: unknown): schema is SchemaObject {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return false;
  return Object.keys(schema).every((key) => ANNOTATION_KEYWORDS.has(key) || key.startsWith('x-'));
}
