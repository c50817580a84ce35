import type { SourceDocument } from '../load/document.js';
import { fileStem } from '../resolve/registry.js';
import { locationKey, type ResolvedGraph, type SchemaLocation } from '../resolve/index.js';
import { lastSegment } from '../schema/pointer.js';
import { embeddedDialect, isSchemaObject, schemaRootsOf } from '../schema/walk.js';
import { dialectAt, dialectBoundaries, withinAny } from '../schema/dialect-regions.js';
import type { NameCandidate } from './naming.js';

/**
 * The schemas the user declared: every input schema root and `$defs` entry, plus each
 * components-document schema (and referenced document) that an input reaches,
 * directly or through other schemas, anywhere (a ref under `not` still needs its
 * validator): nothing else from those documents. Where the dialect changes (a ref whose
 * target is read in another dialect, an embedded resource with a `$schema` of its own),
 * the schema on the far side is named too: a validator never holds code of two dialects,
 * it calls the other dialect's validator.
 */
export function namedSchemas(graph: ResolvedGraph): NameCandidate[] {
  const found = new Map<string, NameCandidate>();
  const add = (location: SchemaLocation, wanted: string, dialect = dialectAt(location.doc, location.pointer)) => {
    const key = locationKey(location);
    if (!found.has(key)) found.set(key, { key, location, wanted, dialect });
  };
  for (const doc of graph.registry.documents) {
    if (doc.role !== 'input') continue;
    const definitions = graph.registry.definitions.get(doc) ?? [];
    for (const [i, { pointer, schema, dialect }] of schemaRootsOf(doc).entries()) {
      const title = isSchemaObject(schema) && typeof schema.title === 'string' ? schema.title : undefined;
      add({ doc, pointer }, pointer === '' ? (title ?? fileStem(doc.absolutePath)) : lastSegment(pointer), isSchemaObject(schema) ? embeddedDialect(schema, dialect) : dialect);
      // `$defs` entries are declarations meant for reuse: each is a named type too (found by the registry's walk).
      for (const entry of definitions[i] ?? []) add({ doc, pointer: entry.pointer }, entry.key, entry.dialect);
    }
  }
  // Schemas named only when an input reaches them: components and referenced documents.
  const componentRoots = new Set<string>();
  for (const locations of graph.registry.components.values()) locations.forEach((l) => componentRoots.add(locationKey(l)));
  for (const doc of graph.registry.documents) if (doc.role === 'referenced') componentRoots.add(locationKey({ doc, pointer: '' }));
  for (const { site, target } of reachedRefTargets(graph)) {
    // Across dialects a ref is a call to the target's own validator (emit/validators), so the target needs one.
    if (componentRoots.has(locationKey(target)) || dialectAt(site.doc, site.pointer) !== dialectAt(target.doc, target.pointer)) add(target, wantedName(target));
  }
  // So does an embedded resource of another dialect than the schema around it, in a schema that is generated.
  const namedIn = new Map<SourceDocument, Set<string>>();
  for (const { location } of found.values()) {
    if (!namedIn.has(location.doc)) namedIn.set(location.doc, new Set());
    namedIn.get(location.doc)!.add(location.pointer);
  }
  for (const doc of graph.registry.documents) {
    const named = namedIn.get(doc);
    if (!named) continue;
    // In document order: a resource inside one just named is inside a generated schema too.
    for (const boundary of dialectBoundaries(doc)) {
      if (!withinAny(named, boundary.pointer)) continue;
      add({ doc, pointer: boundary.pointer }, wantedName({ doc, pointer: boundary.pointer }));
      named.add(boundary.pointer);
    }
  }
  return [...found.values()];
}

/**
 * Where the inputs' refs lead (with the ref's place), transitively. Every ref of an input document is
 * reached (its schemas are all declared); in other documents, the refs inside a
 * subschema that a reached ref leads to. Found from the refs alone, each once: no
 * walk over every subschema.
 */
function reachedRefTargets(graph: ResolvedGraph): { site: SchemaLocation; target: SchemaLocation }[] {
  const sitesInside = refSitesByDocument(graph);
  const reached: { site: SchemaLocation; target: SchemaLocation }[] = [];
  const expanded = new Map<SourceDocument, Set<string>>();
  const queue = graph.registry.refSites.filter((s) => s.location.doc.role === 'input').map((s) => s.location);
  const processed = new Set<string>();
  for (let i = 0; i < queue.length; i++) {
    const site = locationKey(queue[i]!);
    if (processed.has(site)) continue;
    processed.add(site);
    const target = graph.refs.get(site)?.target;
    if (!target) continue;
    reached.push({ site: queue[i]!, target });
    if (target.doc.role === 'input' || isInsideExpanded(expanded, target)) continue;
    const done = expanded.get(target.doc) ?? new Set<string>();
    expanded.set(target.doc, done.add(target.pointer));
    queue.push(...(sitesInside.get(target.doc)?.within(target.pointer) ?? []).map((pointer) => ({ doc: target.doc, pointer })));
  }
  return reached;
}

function isInsideExpanded(expanded: Map<SourceDocument, Set<string>>, location: SchemaLocation): boolean {
  const done = expanded.get(location.doc);
  if (!done) return false;
  for (let end = location.pointer.length; end >= 0; end = location.pointer.lastIndexOf('/', end - 1)) {
    if (done.has(location.pointer.slice(0, end))) return true;
    if (end === 0) break;
  }
  return false;
}

/** The ref sites of each document, sorted, so those inside a subschema are one range. */
function refSitesByDocument(graph: ResolvedGraph): Map<SourceDocument, { within(pointer: string): string[] }> {
  const pointers = new Map<SourceDocument, string[]>();
  for (const site of graph.registry.refSites) {
    const list = pointers.get(site.location.doc);
    if (list) list.push(site.location.pointer);
    else pointers.set(site.location.doc, [site.location.pointer]);
  }
  const result = new Map<SourceDocument, { within(pointer: string): string[] }>();
  for (const [doc, list] of pointers) {
    const sorted = [...new Set(list)].sort();
    const exact = new Set(sorted);
    result.set(doc, {
      within(pointer) {
        const inside = exact.has(pointer) ? [pointer] : [];
        const prefix = `${pointer}/`;
        for (let i = lowerBound(sorted, prefix); i < sorted.length && sorted[i]!.startsWith(prefix); i++) inside.push(sorted[i]!);
        return inside;
      },
    });
  }
  return result;
}

function lowerBound(sorted: string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function wantedName(location: SchemaLocation): string {
  if (location.pointer !== '') return lastSegment(location.pointer);
  const schema = location.doc.json;
  return isSchemaObject(schema) && typeof schema.title === 'string' ? schema.title : fileStem(location.doc.absolutePath);
}
