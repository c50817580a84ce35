/**
 * The dialects schema-gen reads: the JSON Schema drafts, and OpenAPI's schema objects
 * (3.0: draft-04-like plus `nullable` & co.; 3.1: draft 2020-12 plus annotations).
 */
export const DIALECTS = ['draft-04', 'draft-06', 'draft-07', '2019-09', '2020-12', 'openapi-3.0', 'openapi-3.1'] as const;
export type Dialect = (typeof DIALECTS)[number];

/** The JSON Schema drafts in order: what keywords' `since`/`until` count in. */
export const DRAFTS = ['draft-04', 'draft-06', 'draft-07', '2019-09', '2020-12'] as const;
export type Draft = (typeof DRAFTS)[number];

export const DEFAULT_DIALECT: Dialect = '2020-12';

/** The draft a dialect builds on: OpenAPI 3.0 on draft-04 (as ajv-draft-04 reads it), 3.1 on 2020-12. */
export function baseDraft(dialect: Dialect): Draft {
  if (dialect === 'openapi-3.0') return 'draft-04';
  if (dialect === 'openapi-3.1') return '2020-12';
  return dialect;
}

export function isOpenApi(dialect: Dialect): boolean {
  return dialect === 'openapi-3.0' || dialect === 'openapi-3.1';
}

/** The canonical meta-schema URI of each draft, as `$schema` names it. */
export const META_SCHEMA_URIS: Readonly<Record<Draft, string>> = {
  'draft-04': 'http://json-schema.org/draft-04/schema#',
  'draft-06': 'http://json-schema.org/draft-06/schema#',
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  '2019-09': 'https://json-schema.org/draft/2019-09/schema',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};

/**
 * The dialect a `$schema` value names, or `undefined` for one we do not know. Spellings
 * seen in the wild are accepted: http or https, with or without the empty fragment,
 * `www.`, and OpenAPI 3.1's dialect URI.
 */
export function dialectOfMetaSchema(uri: string): Dialect | undefined {
  const normal = uri
    .trim()
    .replace(/^https?:\/\/(www\.)?/i, '')
    .replace(/#$/, '')
    .replace(/\/$/, '')
    .toLowerCase();
  return KNOWN_META_SCHEMAS.get(normal);
}

const KNOWN_META_SCHEMAS = new Map<string, Dialect>([
  ['json-schema.org/draft-04/schema', 'draft-04'],
  ['json-schema.org/draft-06/schema', 'draft-06'],
  ['json-schema.org/draft-07/schema', 'draft-07'],
  ['json-schema.org/draft/2019-09/schema', '2019-09'],
  ['json-schema.org/draft/2020-12/schema', '2020-12'],
  ['json-schema.org/schema', '2020-12'],
  ['spec.openapis.org/oas/3.1/dialect/base', 'openapi-3.1'],
  ['spec.openapis.org/oas/3.1/dialect/2024-10-25', 'openapi-3.1'],
]);

/** The dialect of an OpenAPI document's schema objects, from its `openapi` version. */
export function dialectOfOpenApiVersion(version: unknown): Dialect | undefined {
  if (typeof version !== 'string') return undefined;
  if (/^3\.0(\.|$)/.test(version)) return 'openapi-3.0';
  if (/^3\.[1-9](\.|$)/.test(version)) return 'openapi-3.1';
  return undefined;
}
