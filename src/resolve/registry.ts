import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../load/document.js';
import { lastSegment, unescapeSegment } from '../schema/pointer.js';
import type { Dialect } from '../schema/dialect.js';
import { isSchemaObject, schemaRootsOf, walkSchema, type SchemaObject } from '../schema/walk.js';
import { rememberDialectBoundaries, type DialectBoundary } from '../schema/dialect-regions.js';
import { fragmentOf, resolveUri, safeDecode, stripFragment } from '../schema/uri.js';
import { vocabularyOf, type Vocabulary } from '../schema/keywords/index.js';

/** A schema inside a document. */
export interface SchemaLocation {
  doc: SourceDocument;
  pointer: string;
}

/** `schemas/a.json#/$defs/x`: how a schema is named in maps, diagnostics and cache keys. */
export function locationKey(location: SchemaLocation): string {
  return `${location.doc.displayPath}#${location.pointer}`;
}

/** A `$ref` as written, with the base URI it is resolved against. */
export interface RefSite {
  /** The schema object that holds the `$ref`. */
  location: SchemaLocation;
  /** That schema object itself (so later stages need not look it up by pointer). */
  schema: SchemaObject;
  ref: string;
  baseUri: string;
}

/** Every document of a run, indexed every way a reference can name a schema. */
export interface Registry {
  documents: SourceDocument[];
  /** Canonical URI of each document (its root `$id`, else its file URL). */
  documentUri: Map<SourceDocument, string>;
  /** URI without fragment → the schema resource it names (file URLs, root and embedded `$id`s). */
  resources: Map<string, SchemaLocation>;
  /**
   * Anchors (`$anchor`, `$dynamicAnchor`) by the schema resource they belong to
   * (`locationKey` of the resource's root: a document root or a subschema with `$id`),
   * so `file.json#foo` finds them whatever URI named the file.
   */
  anchors: Map<string, Map<string, SchemaLocation>>;
  /** `title` (or file stem when untitled) of each input document's root schema. */
  titles: Map<string, SchemaLocation[]>;
  /** Names under `components.schemas` / `$defs` / `definitions` of the components documents. */
  components: Map<string, SchemaLocation[]>;
  refSites: RefSite[];
  /**
   * The `$defs` (`definitions`) entries of each input document, by the root of the
   * document they are under (`schemaRootsOf`'s order), in walk order: the model names
   * each, and the walk that found everything else found them too.
   */
  definitions: Map<SourceDocument, DefinitionEntry[][]>;
  diagnostics: Diagnostic[];
}

/** A definitions entry (`$defs/<key>`) with the dialect it is read in. */
export interface DefinitionEntry {
  pointer: string;
  key: string;
  dialect: Dialect;
}

export function buildRegistry(documents: SourceDocument[]): Registry {
  const registry: Registry = {
    documents,
    documentUri: new Map(),
    resources: new Map(),
    anchors: new Map(),
    titles: new Map(),
    components: new Map(),
    refSites: [],
    definitions: new Map(),
    diagnostics: [],
  };
  for (const doc of documents) indexDocument(registry, doc);
  return registry;
}

function indexDocument(registry: Registry, doc: SourceDocument): void {
  const fileUri = doc.uri ?? pathToFileURL(doc.absolutePath).href;
  registerResource(registry, fileUri, { doc, pointer: '' });
  const rootIdValue = isSchemaObject(doc.json) ? doc.json[vocabularyOf(doc.dialect).idKeyword] : undefined;
  const rootId = typeof rootIdValue === 'string' ? resolveUri(rootIdValue, fileUri) : undefined;
  const rootBase = rootId ? stripFragment(rootId) : fileUri;
  registry.documentUri.set(doc, rootBase);

  const roots = schemaRootsOf(doc);
  // Where the dialect changes, as dialect-regions would find it by the same walk: it need not walk again.
  const boundaries: DialectBoundary[] = [];
  const definitions: DefinitionEntry[][] | undefined = doc.role === 'input' ? [] : undefined;
  for (const { pointer, schema, dialect } of roots) {
    const entries: DefinitionEntry[] = [];
    definitions?.push(entries);
    walkSchema(
      schema,
      pointer,
      { base: rootBase, resource: '', dialect },
      (node, at, scope, here, parentPointer) => {
        if (here !== scope.dialect) boundaries.push({ pointer: at, dialect: here, outer: scope.dialect });
        // The parent's keywords decide whether this is a definitions entry: its dialect is the scope's.
        const key = definitions && parentPointer !== undefined ? definitionKey(parentPointer, at, vocabularyOf(scope.dialect)) : undefined;
        // An entry with an empty key (`/$defs/`) has no name to give: it is inlined where used.
        if (key) entries.push({ pointer: at, key, dialect: here });
        const vocabulary = vocabularyOf(here);
        const { base, resource, anchor } = identify(node, vocabulary, scope.base);
        const inner = resource ? { base, resource: at, dialect: here } : here !== scope.dialect ? { ...scope, dialect: here } : scope;
        if (resource) registerResource(registry, inner.base, { doc, pointer: at });
        // Every schema is visited: nothing is allocated for the many that declare no anchor.
        if (anchor !== undefined) addAnchor(registry, `${doc.displayPath}#${inner.resource}`, anchor, { doc, pointer: at });
        for (const keyword of ANCHOR_KEYWORDS) {
          const name = node[keyword];
          if (typeof name === 'string' && vocabulary.keyword(keyword)) addAnchor(registry, `${doc.displayPath}#${inner.resource}`, name, { doc, pointer: at });
        }
        if (typeof node.$ref === 'string') registry.refSites.push({ location: { doc, pointer: at }, schema: node, ref: node.$ref, baseUri: inner.base });
        return inner;
      },
      dialect,
    );
  }
  rememberDialectBoundaries(doc, boundaries);
  if (definitions) registry.definitions.set(doc, definitions);
  indexNames(registry, doc, roots);
}

const ANCHOR_KEYWORDS = ['$anchor', '$dynamicAnchor'];

/**
 * The key of a definitions entry (`$defs/<key>`, draft-07's `definitions/<key>`) of the
 * schema at `parent`, read from the two segments below it: no pointer is parsed twice,
 * whatever the depth.
 */
function definitionKey(parent: string, pointer: string, vocabulary: Vocabulary): string | undefined {
  const rest = pointer.slice(parent.length + 1);
  const slash = rest.indexOf('/');
  if (slash <= 0 || rest.includes('/', slash + 1) || !vocabulary.definitions.has(rest.slice(0, slash))) return undefined;
  return unescapeSegment(rest.slice(slash + 1));
}

/**
 * What a schema's identifier (`$id`, or draft-04's `id`) says: the base URI of its
 * resource (a new resource unless it only names an anchor), and the anchor a
 * plain-name fragment declares (`"$id": "#foo"` up to draft-07). Up to draft-07 a `$ref`
 * makes the keywords beside it, `$id` included, ignored.
 */
function identify(node: SchemaObject, vocabulary: Vocabulary, base: string): { base: string; resource: boolean; anchor?: string } {
  const value = node[vocabulary.idKeyword];
  if (typeof value !== 'string' || (vocabulary.refOverridesSiblings && typeof node.$ref === 'string')) return { base, resource: false };
  const id = resolveUri(value, base);
  if (id === undefined) return { base, resource: false };
  const fragment = fragmentOf(id);
  const anchor = vocabulary.refOverridesSiblings && fragment !== '' && !fragment.startsWith('/') ? safeDecode(fragment) : undefined;
  const onlyAnAnchor = value.startsWith('#');
  return { base: onlyAnAnchor ? base : stripFragment(id), resource: !onlyAnAnchor, ...(anchor !== undefined ? { anchor } : {}) };
}

function addAnchor(registry: Registry, resourceKey: string, name: string, location: SchemaLocation): void {
  const anchors = registry.anchors.get(resourceKey) ?? new Map<string, SchemaLocation>();
  anchors.set(name, location);
  registry.anchors.set(resourceKey, anchors);
}

function indexNames(registry: Registry, doc: SourceDocument, roots: { pointer: string; schema: unknown }[]): void {
  if (doc.role === 'referenced') return; // reached by path or URL only, never by name
  for (const { pointer, schema } of roots) {
    if (doc.role === 'components' || pointer !== '') {
      const name = lastSegment(pointer);
      addTo(doc.role === 'components' ? registry.components : registry.titles, name, { doc, pointer });
      continue;
    }
    const title = isSchemaObject(schema) && typeof schema.title === 'string' ? schema.title : undefined;
    addTo(registry.titles, title ?? fileStem(doc.absolutePath), { doc, pointer });
  }
}

function registerResource(registry: Registry, uri: string, location: SchemaLocation): void {
  const existing = registry.resources.get(uri);
  if (existing && (existing.doc !== location.doc || existing.pointer !== location.pointer)) {
    registry.diagnostics.push({
      severity: 'error',
      code: 'duplicate-id',
      message: `$id "${uri}" is declared twice: here and in ${existing.doc.displayPath} at ${existing.pointer || '(root)'}`,
      file: location.doc.displayPath,
      pointer: location.pointer,
      hint: 'each $id must name one schema; rename one of them',
    });
    return;
  }
  registry.resources.set(uri, location);
}

function addTo(map: Map<string, SchemaLocation[]>, key: string, location: SchemaLocation): void {
  const list = map.get(key);
  if (list) list.push(location);
  else map.set(key, [location]);
}

/** `user-pools-date-type-schema.json` → `user-pools-date-type-schema`. */
export function fileStem(path: string): string {
  return basename(path).replace(/\.(json|ya?ml)$/i, '');
}
