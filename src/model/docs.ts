import { isSchemaObject, type SchemaObject } from '../schema/walk.js';
import type { DocInfo, DocTag } from './type-expr.js';

/** Constraint keywords TypeScript cannot express, shown as doc tags, in this order. */
const CONSTRAINT_TAGS = [
  'minLength', 'maxLength', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum',
  'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties',
] as const;

/**
 * The doc comment of a schema: its description (or, failing that, one from an
 * annotation-only `allOf` member), then tags for what the type cannot say.
 */
export function docInfoOf(schema: unknown, foldedAnnotations: readonly SchemaObject[] = []): DocInfo {
  if (!isSchemaObject(schema)) return { tags: [] };
  const sources = [schema, ...foldedAnnotations];
  const description = sources.map((s) => s.description).find((d): d is string => typeof d === 'string' && d.trim() !== '');
  const tags: DocTag[] = [];
  for (const name of CONSTRAINT_TAGS) {
    const value = schema[name];
    // `false` and a zero minimum say nothing a reader needs.
    if (value === undefined || value === false || (value === 0 && name.startsWith('min'))) continue;
    tags.push({ name, value: typeof value === 'string' ? value : JSON.stringify(value) });
  }
  // Constraints on keys that the type (string keys) cannot say.
  if (isSchemaObject(schema.propertyNames) && !Array.isArray(schema.propertyNames.enum) && !('const' in schema.propertyNames)) {
    const keyRules = Object.entries(schema.propertyNames).filter(([key]) => key !== 'description' && key !== 'title');
    if (keyRules.length > 0) tags.push({ name: 'propertyNames', value: JSON.stringify(Object.fromEntries(keyRules)) });
  }
  const defaultValue = sources.find((s) => 'default' in s)?.default;
  if (defaultValue !== undefined) tags.push({ name: 'default', value: JSON.stringify(defaultValue) });
  for (const source of sources) {
    if (Array.isArray(source.examples)) source.examples.forEach((e) => tags.push({ name: 'example', value: JSON.stringify(e) }));
    if ('example' in source) tags.push({ name: 'example', value: JSON.stringify(source.example) });
  }
  if (sources.some((s) => s.readOnly === true)) tags.push({ name: 'readonly', value: '' });
  if (sources.some((s) => s.writeOnly === true)) tags.push({ name: 'writeOnly', value: '' });
  if (sources.some((s) => s.deprecated === true)) tags.push({ name: 'deprecated', value: '' });
  const externalDocs = sources.map((s) => s.externalDocs).find(isSchemaObject);
  if (externalDocs && typeof externalDocs.url === 'string') {
    const about = typeof externalDocs.description === 'string' ? ` ${externalDocs.description}` : '';
    tags.push({ name: 'see', value: `${externalDocs.url}${about}` });
  }
  return description === undefined ? { tags } : { description, tags };
}
