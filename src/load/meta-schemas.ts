import { createRequire } from 'node:module';

/**
 * The JSON Schema meta-schemas (with their vocabularies) that refs may name without a
 * network or a local copy: served from the copies ajv (and ajv-draft-04) ship, from memory. A URL is
 * only ever a key into this table, never turned into a path. One entry per document;
 * `uri` is the document's own `$id` without its empty fragment.
 */
const META_SCHEMAS: readonly { uri: string; module: string }[] = [
  { uri: 'http://json-schema.org/draft-04/schema', module: 'ajv-draft-04/dist/refs/json-schema-draft-04.json' },
  { uri: 'http://json-schema.org/draft-06/schema', module: 'ajv/dist/refs/json-schema-draft-06.json' },
  { uri: 'http://json-schema.org/draft-07/schema', module: 'ajv/dist/refs/json-schema-draft-07.json' },
  { uri: 'https://json-schema.org/draft/2019-09/schema', module: 'ajv/dist/refs/json-schema-2019-09/schema.json' },
  { uri: 'https://json-schema.org/draft/2019-09/meta/core', module: 'ajv/dist/refs/json-schema-2019-09/meta/core.json' },
  { uri: 'https://json-schema.org/draft/2019-09/meta/applicator', module: 'ajv/dist/refs/json-schema-2019-09/meta/applicator.json' },
  { uri: 'https://json-schema.org/draft/2019-09/meta/validation', module: 'ajv/dist/refs/json-schema-2019-09/meta/validation.json' },
  { uri: 'https://json-schema.org/draft/2019-09/meta/meta-data', module: 'ajv/dist/refs/json-schema-2019-09/meta/meta-data.json' },
  { uri: 'https://json-schema.org/draft/2019-09/meta/format', module: 'ajv/dist/refs/json-schema-2019-09/meta/format.json' },
  { uri: 'https://json-schema.org/draft/2019-09/meta/content', module: 'ajv/dist/refs/json-schema-2019-09/meta/content.json' },
  { uri: 'https://json-schema.org/draft/2020-12/schema', module: 'ajv/dist/refs/json-schema-2020-12/schema.json' },
  { uri: 'https://json-schema.org/draft/2020-12/meta/core', module: 'ajv/dist/refs/json-schema-2020-12/meta/core.json' },
  { uri: 'https://json-schema.org/draft/2020-12/meta/applicator', module: 'ajv/dist/refs/json-schema-2020-12/meta/applicator.json' },
  { uri: 'https://json-schema.org/draft/2020-12/meta/unevaluated', module: 'ajv/dist/refs/json-schema-2020-12/meta/unevaluated.json' },
  { uri: 'https://json-schema.org/draft/2020-12/meta/validation', module: 'ajv/dist/refs/json-schema-2020-12/meta/validation.json' },
  { uri: 'https://json-schema.org/draft/2020-12/meta/meta-data', module: 'ajv/dist/refs/json-schema-2020-12/meta/meta-data.json' },
  { uri: 'https://json-schema.org/draft/2020-12/meta/format-annotation', module: 'ajv/dist/refs/json-schema-2020-12/meta/format-annotation.json' },
  { uri: 'https://json-schema.org/draft/2020-12/meta/content', module: 'ajv/dist/refs/json-schema-2020-12/meta/content.json' },
];

/** Spelling-free key: no scheme (http and https are both written), no fragment, no `.json`. */
function spellingKey(uri: string): string {
  return uri
    .replace(/#.*$/, '')
    .replace(/^https?:\/\//i, '')
    .replace(/\.json$/i, '');
}

const BY_KEY = new Map(META_SCHEMAS.map((entry) => [spellingKey(entry.uri), entry]));

/** Folders of json-schema.org that hold only meta-schemas: a URL below them that is not in the table names nothing. */
const RESERVED = [...new Set(META_SCHEMAS.map((entry) => spellingKey(entry.uri).replace(/\/(schema|meta\/[^/]+)$/, '/')))];

/**
 * The canonical URI of the meta-schema `uri` names in any usual spelling
 * (`https://json-schema.org/draft-07/schema#`, `…/draft/2020-12/schema.json`), or
 * `undefined` when it names none.
 */
export function builtInMetaSchemaUri(uri: string): string | undefined {
  return BY_KEY.get(spellingKey(uri))?.uri;
}

/** Whether `uri` lies in a folder of json-schema.org that only the table answers. */
export function isUnderMetaSchemaFolder(uri: string): boolean {
  const key = spellingKey(uri);
  return /^https?:\/\//i.test(uri) && RESERVED.some((folder) => key.startsWith(folder));
}

const require = createRequire(import.meta.url);

/** A fresh copy of a meta-schema by canonical URI (callers may keep it; ajv's own copy stays untouched). */
export function builtInMetaSchema(canonicalUri: string): { json: unknown; text: string } | undefined {
  const entry = META_SCHEMAS.find((e) => e.uri === canonicalUri);
  if (!entry) return undefined;
  const json: unknown = structuredClone(require(entry.module));
  return { json, text: JSON.stringify(json, null, 2) };
}

/** The dialects held, for messages: their top-level meta-schemas (vocabularies come with them). */
export function knownMetaSchemaUris(): string[] {
  return META_SCHEMAS.map((entry) => entry.uri).filter((uri) => uri.endsWith('/schema'));
}
