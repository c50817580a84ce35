import { DEFAULT_DIALECT } from '../schema/dialect.js';
import { vocabularyOf, type Vocabulary } from '../schema/keywords/index.js';
import { isSchemaObject, type SchemaObject } from '../schema/walk.js';
import { refOverridesSiblings } from './schema-facts.js';
import type { DocInfo, DocTag, EnumMemberDoc } from './type-expr.js';

/**
 * The doc comment of a schema: its description (or, failing that, one from an
 * annotation-only `allOf` member), the enum members' own descriptions, then tags for
 * what the type cannot say: the dialect's constraint keywords (the table's `docTag`s,
 * in its order) and the annotations.
 */
export function docInfoOf(schema: unknown, foldedAnnotations: readonly SchemaObject[] = [], vocabulary: Vocabulary = vocabularyOf(DEFAULT_DIALECT)): DocInfo {
  if (!isSchemaObject(schema)) return { tags: [] };
  const sources = [schema, ...foldedAnnotations];
  // Editors show `markdownDescription` instead of `description` where both are written.
  const description = sources.map((s) => nonEmpty(s.markdownDescription) ?? nonEmpty(s.description)).find((d) => d !== undefined);
  // Beside a `$ref` that overrides its siblings, constraints are ignored: tags would claim what is not checked.
  const constrains = !refOverridesSiblings(schema, vocabulary);
  const constraints: Record<string, unknown> = {};
  const tags: DocTag[] = constrains ? constraintTags(schema, vocabulary, constraints) : [];
  const defaultValue = sources.find((s) => 'default' in s)?.default;
  if (defaultValue !== undefined) tags.push({ name: 'default', value: JSON.stringify(defaultValue) });
  for (const source of sources) {
    if (Array.isArray(source.examples)) source.examples.forEach((e) => tags.push({ name: 'example', value: JSON.stringify(e) }));
    if ('example' in source) tags.push({ name: 'example', value: JSON.stringify(source.example) });
  }
  if (sources.some((s) => s.readOnly === true)) tags.push({ name: 'readonly', value: '' });
  if (sources.some((s) => s.writeOnly === true)) tags.push({ name: 'writeOnly', value: '' });
  const deprecation = deprecationOf(sources);
  if (deprecation !== undefined) tags.push({ name: 'deprecated', value: deprecation });
  const externalDocs = sources.map((s) => s.externalDocs).find(isSchemaObject);
  if (externalDocs && typeof externalDocs.url === 'string') {
    const about = typeof externalDocs.description === 'string' ? ` ${externalDocs.description}` : '';
    tags.push({ name: 'see', value: `${externalDocs.url}${about}` });
  }
  const doc: DocInfo = { tags };
  if (description !== undefined) doc.description = description;
  if (Object.keys(constraints).length > 0) doc.constraints = constraints;
  const members = constrains ? enumMemberDocs(schema) : undefined;
  if (members) doc.members = members;
  return doc;
}

/** The text, unless it is blank (tested without copying it: descriptions can be long). */
function nonEmpty(text: unknown): string | undefined {
  return typeof text === 'string' && /\S/.test(text) ? text : undefined;
}

interface TagKeyword {
  name: string;
  /** The keyword this boolean modifies (draft-04's `exclusiveMinimum` → `minimum`). */
  modifies?: string;
  /** The boolean that modifies this keyword. */
  modifiedBy?: string;
}

const tagKeywordsOf = new WeakMap<Vocabulary, TagKeyword[]>();

/** The dialect's doc-tag keywords with their modifiers, worked out once per dialect (docs are made for every property). */
function tagKeywords(vocabulary: Vocabulary): TagKeyword[] {
  let found = tagKeywordsOf.get(vocabulary);
  if (!found) {
    found = vocabulary.docTags.map((name) => ({ name, modifies: vocabulary.keyword(name)?.modifies, modifiedBy: vocabulary.modifiedBy.get(name) }));
    tagKeywordsOf.set(vocabulary, found);
  }
  return found;
}

/** The dialect's constraint keywords as tags, in the table's order; `constraints` gets each tag's value as data. */
function constraintTags(schema: SchemaObject, vocabulary: Vocabulary, constraints: Record<string, unknown>): DocTag[] {
  const tags: DocTag[] = [];
  for (const { name, modifies, modifiedBy } of tagKeywords(vocabulary)) {
    const value = schema[name];
    if (value === undefined && modifies === undefined) continue;
    if (modifies !== undefined) {
      // draft-04's `minimum: 5, exclusiveMinimum: true` reads as draft-06's `exclusiveMinimum: 5`.
      if (value === true && typeof schema[modifies] === 'number') {
        tags.push({ name, value: JSON.stringify(schema[modifies]) });
        constraints[name] = schema[modifies];
      }
      continue;
    }
    if (modifiedBy !== undefined && schema[modifiedBy] === true) continue; // shown as the modifier's tag
    // `false` and a zero minimum say nothing a reader needs.
    if (value === undefined || value === false || (value === 0 && name.startsWith('min'))) continue;
    tags.push({ name, value: typeof value === 'string' ? value : JSON.stringify(value) });
    constraints[name] = value;
  }
  // `dependencies` that list names are draft-07's `dependentRequired`.
  const dependencies = vocabulary.keyword('dependencies') ? schema.dependencies : undefined;
  if (isSchemaObject(dependencies)) {
    const names = Object.entries(dependencies).filter(([, value]) => Array.isArray(value));
    if (names.length > 0) {
      tags.push({ name: 'dependentRequired', value: JSON.stringify(Object.fromEntries(names)) });
      constraints.dependentRequired = Object.fromEntries(names);
    }
  }
  // Constraints on keys that the type (string keys) cannot say.
  if (isSchemaObject(schema.propertyNames) && !Array.isArray(schema.propertyNames.enum) && !('const' in schema.propertyNames)) {
    const keyRules = Object.entries(schema.propertyNames).filter(([key]) => !vocabulary.annotations.has(key));
    if (keyRules.length > 0) tags.push({ name: 'propertyNames', value: JSON.stringify(Object.fromEntries(keyRules)) });
  }
  return tags;
}

/** `deprecated: true`, or an editor's `deprecationMessage` (which says why, and what instead). */
function deprecationOf(sources: readonly SchemaObject[]): string | undefined {
  const message = sources.map((s) => nonEmpty(s.deprecationMessage)).find((m) => m !== undefined);
  if (message !== undefined) return message.trim().replace(/\s+/g, ' ');
  return sources.some((s) => s.deprecated === true) ? '' : undefined;
}

/**
 * An enum's members with what editors and json-schema-to-typescript say about each
 * (`markdownEnumDescriptions`, else `enumDescriptions`; `tsEnumNames`), paired by
 * position: a union of literals has no place of its own for them. Only when the schema
 * says something about at least one member.
 */
function enumMemberDocs(schema: SchemaObject): EnumMemberDoc[] | undefined {
  if (!Array.isArray(schema.enum)) return undefined;
  const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const [markdown, plain, names] = [listOf(schema.markdownEnumDescriptions), listOf(schema.enumDescriptions), listOf(schema.tsEnumNames)];
  const members = schema.enum.map((value, i): EnumMemberDoc => {
    // Member by member, the Markdown description where there is one (as for `markdownDescription`).
    const description = nonEmpty(markdown[i]) ?? nonEmpty(plain[i]);
    const name = nonEmpty(names[i]);
    return { value: JSON.stringify(value) ?? 'null', ...(name !== undefined ? { name } : {}), ...(description !== undefined ? { description } : {}) };
  });
  return members.some((m) => m.description !== undefined || m.name !== undefined) ? members : undefined;
}
