import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../load/document.js';
import { lastSegment } from '../schema/pointer.js';
import { isSchemaObject, schemaRootsOf, walkSchema } from '../schema/walk.js';
import { resolveUri, stripFragment } from '../schema/uri.js';

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
  diagnostics: Diagnostic[];
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
    diagnostics: [],
  };
  for (const doc of documents) indexDocument(registry, doc);
  return registry;
}

function indexDocument(registry: Registry, doc: SourceDocument): void {
  const fileUri = doc.uri ?? pathToFileURL(doc.absolutePath).href;
  registerResource(registry, fileUri, { doc, pointer: '' });
  const rootId = isSchemaObject(doc.json) && typeof doc.json.$id === 'string' ? resolveUri(doc.json.$id, fileUri) : undefined;
  registry.documentUri.set(doc, rootId ? stripFragment(rootId) : fileUri);

  const roots = schemaRootsOf(doc.json, doc.role === 'components');
  for (const { pointer, schema } of roots) {
    walkSchema(schema, pointer, { base: rootId ?? fileUri, resource: '' }, (node, at, scope) => {
      let here = scope;
      if (typeof node.$id === 'string') {
        const id = resolveUri(node.$id, scope.base);
        if (id) {
          here = { base: stripFragment(id), resource: at };
          registerResource(registry, here.base, { doc, pointer: at });
        }
      }
      for (const key of ['$anchor', '$dynamicAnchor']) {
        if (typeof node[key] !== 'string') continue;
        const resourceKey = `${doc.displayPath}#${here.resource}`;
        const anchors = registry.anchors.get(resourceKey) ?? new Map<string, SchemaLocation>();
        anchors.set(node[key] as string, { doc, pointer: at });
        registry.anchors.set(resourceKey, anchors);
      }
      if (typeof node.$ref === 'string') registry.refSites.push({ location: { doc, pointer: at }, ref: node.$ref, baseUri: here.base });
      return here;
    });
  }
  indexNames(registry, doc, roots);
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
