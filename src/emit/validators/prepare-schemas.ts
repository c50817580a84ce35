import type { AnySchemaObject } from 'ajv';
import { createHash } from 'node:crypto';
import type { SourceDocument } from '../../load/document.js';
import type { TypeModel } from '../../model/index.js';
import { locationKey, type ResolvedGraph } from '../../resolve/index.js';
import { getAtPointer, parsePointer } from '../../schema/pointer.js';
import { isContainerDocument, isSchemaObject, schemaRootsOf, walkSchema } from '../../schema/walk.js';
import { vocabularyOf } from '../../schema/keywords/index.js';
import { EXTERNAL_REF_KEYWORD } from './external-ref-keyword.js';
import { addImpliedTypes } from './assume-types.js';
import { renameProtoProperties } from './proto-stand-in.js';

/**
 * The id ajv knows a document by: `sg:/<hash of its path>/<file name>`, the same in
 * every run (so prepared schemas, and cache keys, do not change when other files come
 * and go). Display paths themselves can hold `..`, which URI normalisation would fold
 * away. Error schema paths are written back as the user's file paths by module-code.
 */
export type AjvIds = Map<SourceDocument, string>;

export function assignAjvIds(documents: readonly SourceDocument[]): AjvIds {
  const ids: AjvIds = new Map();
  const taken = new Set<string>();
  for (const doc of documents) {
    let id = `sg:/${createHash('sha1').update(doc.displayPath).digest('hex').slice(0, 12)}/${encodeURIComponent(doc.displayPath.split('/').pop()!)}`;
    while (taken.has(id)) id += '_';
    taken.add(id);
    ids.set(doc, id);
  }
  return ids;
}

/** `#/a~1b` style fragment of a JSON pointer, each segment percent-encoded. */
export function pointerFragment(pointer: string): string {
  return pointer
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%7E/gi, '~'))
    .join('/');
}

export type RefMode = 'external' | 'native';

/**
 * Copies of every document for ajv, with each `$ref` rewritten to the target our
 * resolver chose (ajv never resolves a name itself). In `external` mode a ref to a
 * named schema becomes a call to that schema's exported validator: the keyword's value
 * is that validator's export name, a key the keyword looks up in the run's own table.
 */
/** What changes the copies ajv compiles, beyond the refs. */
export interface PrepareOptions {
  /** `__proto__` property names are given to ajv as this (see proto-stand-in.ts). */
  protoStandIn: string;
  assumeTypes?: boolean;
}

export function prepareSchemas(graph: ResolvedGraph, model: TypeModel, ids: AjvIds, mode: RefMode, options: PrepareOptions): Map<SourceDocument, AnySchemaObject> {
  const sitesByDoc = new Map<SourceDocument, string[]>();
  for (const site of graph.registry.refSites) {
    const list = sitesByDoc.get(site.location.doc) ?? [];
    list.push(site.location.pointer);
    sitesByDoc.set(site.location.doc, list);
  }
  return new Map(graph.registry.documents.map((doc) => [doc, prepareDocument(graph, model, ids, mode, options, doc, sitesByDoc.get(doc) ?? [])]));
}

function prepareDocument(graph: ResolvedGraph, model: TypeModel, ids: AjvIds, mode: RefMode, options: PrepareOptions, doc: SourceDocument, refSites: string[]): AnySchemaObject {
  const copy = toSchemaObject(structuredClone(doc.json));
  for (const pointer of refSites) {
    const node = getAtPointer(copy, parsePointer(pointer)!);
    const resolved = graph.refs.get(locationKey({ doc, pointer }));
    if (!isSchemaObject(node) || !resolved) continue;
    const named = model.byKey.get(locationKey(resolved.target));
    if (mode === 'external' && named) {
      delete node.$ref;
      node[EXTERNAL_REF_KEYWORD] = `validate${named.name}`;
    } else {
      node.$ref = `${ids.get(resolved.target.doc)!}#${pointerFragment(resolved.target.pointer)}`;
    }
  }
  renameProtoProperties(copy, options.protoStandIn);
  if (options.assumeTypes) addImpliedTypes(copy);
  copy.$id = ids.get(doc)!;
  // Every document is compiled as draft 2020-12; OpenAPI wrappers are not schemas.
  delete copy.$schema;
  if (isContainerDocument(copy)) {
    for (const key of Object.keys(copy)) if (!['$id', 'components', '$defs', 'definitions'].includes(key)) delete copy[key];
  }
  return copy;
}

function toSchemaObject(json: unknown): AnySchemaObject {
  if (isSchemaObject(json)) return json as AnySchemaObject;
  return json === false ? { not: {} } : {};
}

/** Schemas whose validation depends on what referenced schemas evaluated are compiled with native refs. */
export function needsNativeRefs(doc: SourceDocument): boolean {
  let answer = nativeRefsOf.get(doc);
  if (answer === undefined) nativeRefsOf.set(doc, (answer = usesNativeRefKeywords(doc)));
  return answer;
}

const nativeRefsOf = new WeakMap<SourceDocument, boolean>();

function usesNativeRefKeywords(doc: SourceDocument): boolean {
  let found = false;
  for (const { pointer, schema, dialect } of schemaRootsOf(doc)) {
    walkSchema(
      schema,
      pointer,
      null,
      (node, _at, _context, here) => {
        // Keywords whose meaning crosses a `$ref`: what the target evaluated, or the dynamic scope.
        for (const key of vocabularyOf(here).crossesRefs) if (Object.hasOwn(node, key)) found = true;
        return null;
      },
      dialect,
    );
  }
  return found;
}
