import { DEFAULT_DIALECT } from '../../schema/dialect.js';
import { vocabularyOf, type Vocabulary } from '../../schema/keywords/index.js';
import type { SchemaObject } from '../../schema/walk.js';

/**
 * Rule `annotation-only member`: `{description: ...}` inside an `allOf` constrains
 * nothing. Such members fold into the referencing property's docs instead of
 * becoming `& {[k: string]: unknown}`. A member constrains nothing when none of its
 * keys is one of the dialect's constraining keywords (assertions, applicators,
 * references): annotations, definitions, `x-*` extensions and keywords the dialect
 * does not define (which validators ignore too) say nothing about the value.
 */
export function isAnnotationOnly(schema: unknown, vocabulary: Vocabulary = vocabularyOf(DEFAULT_DIALECT)): schema is SchemaObject {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return false;
  return Object.keys(schema).every((key) => !constrains(key, vocabulary));
}

function constrains(key: string, vocabulary: Vocabulary): boolean {
  return vocabulary.keyword(key) !== undefined && !vocabulary.annotations.has(key) && !vocabulary.definitions.has(key);
}
