import type { Draft } from '../dialect.js';

/**
 * What a keyword's value is, when it holds subschemas: one (`schema`), a list
 * (`schemas`), a map of names to schemas (`schema-map`); `items` before 2020-12 is one
 * or a list, `dependencies` maps names to a schema or a list of names.
 */
export type SubschemaShape = 'schema' | 'schemas' | 'schema-map' | 'schema-or-schemas' | 'schema-map-or-names';

/** Where the subschemas apply: to the same value, to its members (properties, items), to its keys, or nowhere (definitions, content). */
export type AppliesTo = 'in-place' | 'members' | 'keys' | 'nowhere';

export type KeywordRole =
  /** Names a schema resource or a place in it: `$id`, `id`, `$anchor`, `$dynamicAnchor`. */
  | 'identifier'
  /** Leads to another schema: `$ref`, `$dynamicRef`, `$recursiveRef`. */
  | 'reference'
  /** Holds subschemas that take part in validation. */
  | 'applicator'
  /** Holds subschemas only for reference: `$defs`, `definitions`. */
  | 'definitions'
  /** Constrains values. */
  | 'assertion'
  /** Says something about a value without constraining it: titles, docs, editor hints. */
  | 'annotation'
  /** About the schema itself: `$schema`, `$vocabulary`, `$comment`. */
  | 'meta';

/** Dialects a keyword belongs to: JSON Schema drafts from `since` to `until`, and/or OpenAPI's schema objects. */
export interface KeywordDialects {
  since?: Draft;
  until?: Draft;
  /** Only in OpenAPI schema objects (`nullable`, `discriminator`, …): `3.0`, `3.1` or both. */
  openapi?: readonly ('3.0' | '3.1')[];
  /** Not part of any dialect, but written by editors and peer tools; understood everywhere as an annotation. */
  everywhere?: true;
}

export interface KeywordFacts extends KeywordDialects {
  role: KeywordRole;
  /** For keywords that hold subschemas: their shape, and where they apply. */
  holds?: SubschemaShape;
  /** Where the subschemas apply; `holds` without it means `members`. */
  applies?: AppliesTo;
  /** In 2020-12 `items` holds one schema; before, one or a list: the shape from `since` on. */
  holdsFrom?: { draft: Draft; holds: SubschemaShape };
  /** The kind of value whose shape it describes, so a type can say it: objects or arrays. */
  shapes?: 'object' | 'array';
  /** Shown as a doc tag (TypeScript cannot say it), in this order. */
  docTag?: number;
  /** Its result depends on what a referenced schema evaluated, or on the dynamic scope: refs must be inlined. */
  crossesRefs?: true;
  /** How its subschemas combine for the value's type: all must hold (an intersection), or any / exactly one (a union). */
  combines?: 'all' | 'any' | 'one';
  /** Its subschemas apply only sometimes (a condition holds, a property is present): what they declare is optional. */
  conditional?: true;
  /**
   * A boolean that changes another keyword's meaning, up to a draft: draft-04's
   * `exclusiveMinimum: true` makes `minimum` exclusive (a number of its own from draft-06).
   */
  modifies?: { keyword: string; until: Draft };
  /** What its subschema is, in a type name made from its place: `/properties/tags/items` → `TagsItem`. */
  placeWord?: string;
}

/**
 * Every keyword schema-gen knows, with its facts, in one place: the walk, the
 * unknown-keyword check, the model's rules and the validators all derive their lists
 * from this table (see ./index.ts), so a dialect or keyword is one entry here.
 */
export const KEYWORDS: Readonly<Record<string, KeywordFacts>> = {
  // Core: identifiers, references, definitions.
  $schema: { role: 'meta' },
  id: { role: 'identifier', until: 'draft-04' },
  $id: { role: 'identifier', since: 'draft-06' },
  $ref: { role: 'reference' },
  $anchor: { role: 'identifier', since: '2019-09' },
  // Replaced by $dynamicRef in 2020-12, whose meta-schema still accepts them.
  $recursiveRef: { role: 'reference', since: '2019-09', crossesRefs: true },
  $recursiveAnchor: { role: 'identifier', since: '2019-09', crossesRefs: true },
  $dynamicRef: { role: 'reference', since: '2020-12', crossesRefs: true },
  $dynamicAnchor: { role: 'identifier', since: '2020-12', crossesRefs: true },
  $vocabulary: { role: 'meta', since: '2019-09' },
  $comment: { role: 'meta', since: 'draft-07' },
  $defs: { role: 'definitions', since: '2019-09', holds: 'schema-map', applies: 'nowhere' },
  // Kept by every later meta-schema for compatibility.
  definitions: { role: 'definitions', holds: 'schema-map', applies: 'nowhere' },

  // Applicators on the same value.
  allOf: { role: 'applicator', holds: 'schemas', applies: 'in-place', combines: 'all', placeWord: 'part' },
  anyOf: { role: 'applicator', holds: 'schemas', applies: 'in-place', combines: 'any', placeWord: 'option' },
  oneOf: { role: 'applicator', holds: 'schemas', applies: 'in-place', combines: 'one', placeWord: 'option' },
  not: { role: 'applicator', holds: 'schema', applies: 'in-place' },
  if: { role: 'applicator', since: 'draft-07', holds: 'schema', applies: 'in-place' },
  then: { role: 'applicator', since: 'draft-07', holds: 'schema', applies: 'in-place', conditional: true },
  else: { role: 'applicator', since: 'draft-07', holds: 'schema', applies: 'in-place', conditional: true },
  dependentSchemas: { role: 'applicator', since: '2019-09', holds: 'schema-map', applies: 'in-place', shapes: 'object', conditional: true },
  // Split into dependentSchemas/dependentRequired in 2019-09; later meta-schemas still accept it.
  dependencies: { role: 'applicator', holds: 'schema-map-or-names', applies: 'in-place', shapes: 'object', conditional: true },

  // Applicators on members.
  prefixItems: { role: 'applicator', since: '2020-12', holds: 'schemas', shapes: 'array', placeWord: 'item' },
  items: { role: 'applicator', holds: 'schema-or-schemas', holdsFrom: { draft: '2020-12', holds: 'schema' }, shapes: 'array', placeWord: 'item' },
  additionalItems: { role: 'applicator', until: '2019-09', holds: 'schema', shapes: 'array', placeWord: 'item' },
  contains: { role: 'applicator', since: 'draft-06', holds: 'schema' },
  properties: { role: 'applicator', holds: 'schema-map', shapes: 'object' },
  patternProperties: { role: 'applicator', holds: 'schema-map', shapes: 'object' },
  additionalProperties: { role: 'applicator', holds: 'schema', shapes: 'object', placeWord: 'value' },
  propertyNames: { role: 'applicator', since: 'draft-06', holds: 'schema', applies: 'keys' },
  unevaluatedItems: { role: 'applicator', since: '2019-09', holds: 'schema', crossesRefs: true, placeWord: 'item' },
  unevaluatedProperties: { role: 'applicator', since: '2019-09', holds: 'schema', crossesRefs: true, placeWord: 'value' },

  // Assertions.
  type: { role: 'assertion' },
  enum: { role: 'assertion' },
  const: { role: 'assertion', since: 'draft-06' },
  minLength: { role: 'assertion', docTag: 1 },
  maxLength: { role: 'assertion', docTag: 2 },
  pattern: { role: 'assertion', docTag: 3 },
  format: { role: 'assertion', docTag: 4 },
  minimum: { role: 'assertion', docTag: 5 },
  maximum: { role: 'assertion', docTag: 6 },
  // Booleans beside minimum/maximum in draft-04 and OpenAPI 3.0, numbers since draft-06.
  exclusiveMinimum: { role: 'assertion', docTag: 7, modifies: { keyword: 'minimum', until: 'draft-04' } },
  exclusiveMaximum: { role: 'assertion', docTag: 8, modifies: { keyword: 'maximum', until: 'draft-04' } },
  multipleOf: { role: 'assertion', docTag: 9 },
  minItems: { role: 'assertion', docTag: 10 },
  maxItems: { role: 'assertion', docTag: 11 },
  uniqueItems: { role: 'assertion', docTag: 12 },
  minContains: { role: 'assertion', since: '2019-09', docTag: 13 },
  maxContains: { role: 'assertion', since: '2019-09', docTag: 14 },
  minProperties: { role: 'assertion', docTag: 15 },
  maxProperties: { role: 'assertion', docTag: 16 },
  required: { role: 'assertion', shapes: 'object' },
  dependentRequired: { role: 'assertion', since: '2019-09', docTag: 17 },

  // Content (annotations unless a validator chooses to assert them).
  contentEncoding: { role: 'annotation', since: 'draft-07' },
  contentMediaType: { role: 'annotation', since: 'draft-07' },
  contentSchema: { role: 'annotation', since: '2019-09', holds: 'schema', applies: 'nowhere' },

  // Meta-data.
  title: { role: 'annotation' },
  description: { role: 'annotation' },
  default: { role: 'annotation' },
  examples: { role: 'annotation', since: 'draft-06' },
  readOnly: { role: 'annotation', since: 'draft-07', openapi: ['3.0'] },
  writeOnly: { role: 'annotation', since: 'draft-07', openapi: ['3.0'] },
  deprecated: { role: 'annotation', since: '2019-09', openapi: ['3.0'] },

  // OpenAPI schema objects.
  nullable: { role: 'assertion', openapi: ['3.0'] },
  discriminator: { role: 'annotation', openapi: ['3.0', '3.1'] },
  xml: { role: 'annotation', openapi: ['3.0', '3.1'] },
  externalDocs: { role: 'annotation', openapi: ['3.0', '3.1'] },
  example: { role: 'annotation', openapi: ['3.0', '3.1'] },

  // Editors (VS Code's JSON language service) and peer tools: annotations everywhere.
  markdownDescription: { role: 'annotation', everywhere: true },
  deprecationMessage: { role: 'annotation', everywhere: true },
  enumDescriptions: { role: 'annotation', everywhere: true },
  markdownEnumDescriptions: { role: 'annotation', everywhere: true },
  enumItemLabels: { role: 'annotation', everywhere: true },
  defaultSnippets: { role: 'annotation', everywhere: true },
  doNotSuggest: { role: 'annotation', everywhere: true },
  suggestSortText: { role: 'annotation', everywhere: true },
  patternErrorMessage: { role: 'annotation', everywhere: true },
  allowComments: { role: 'annotation', everywhere: true },
  allowTrailingCommas: { role: 'annotation', everywhere: true },
  // ajv-errors' custom messages: not asserted by our validators.
  errorMessage: { role: 'annotation', everywhere: true },
  // json-schema-to-typescript's, honoured by the types so users can migrate without edits.
  tsType: { role: 'annotation', everywhere: true },
  tsEnumNames: { role: 'annotation', everywhere: true },
};
