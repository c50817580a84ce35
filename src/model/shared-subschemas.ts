import type { SourceDocument } from '../load/document.js';
import { locationKey, type ResolvedGraph, type SchemaLocation } from '../resolve/index.js';
import { getAtPointer, joinPointer, parsePointer } from '../schema/pointer.js';
import { isSchemaObject } from '../schema/walk.js';
import { vocabularyAt } from './schema-facts.js';
import { typeEdges } from './type-edges.js';

/**
 * Unnamed subschemas that the types of the named schemas would print in more than one
 * place: reached by two `$ref`s, or by a `$ref` and from the schema that holds them, or
 * (a cycle) from inside themselves. Inlined at each place, `$defs` that each refer to
 * the previous one twice double the output per level; so these are found first, each
 * printed once (as a named type, or inline when its type is small) and referenced.
 *
 * One pass over what the named schemas' types reach: every subschema is expanded
 * once, and every place that includes it is counted, so the answer does not depend on
 * the order of the inputs. Without refs the subschemas form a tree, so only ref
 * targets can be reached twice and only they are counted.
 */
export function sharedSubschemas(graph: ResolvedGraph, roots: readonly SchemaLocation[], named: ReadonlySet<string>): Set<string> {
  const unnamedTargets = [...graph.refs.values()].map((r) => r.target).filter((t) => !named.has(locationKey(t)));
  if (unnamedTargets.length === 0) return new Set(); // every ref names a declared schema: nothing is inlined
  const targets = pointersByDocument(unnamedTargets);
  const uses = new Map<string, number>();
  const queue: [SchemaLocation, unknown][] = roots.map((location) => [location, schemaAt(location)]);
  const reach = (location: SchemaLocation, schema: unknown) => {
    if (!isSchemaObject(schema)) return;
    if (!targets.get(location.doc)?.has(location.pointer)) {
      queue.push([location, schema]); // reachable from its parent only
      return;
    }
    const key = locationKey(location);
    const count = uses.get(key) ?? 0;
    uses.set(key, count + 1);
    if (count === 0) queue.push([location, schema]);
  };
  for (let i = 0; i < queue.length; i++) {
    const [location, schema] = queue[i]!;
    if (!isSchemaObject(schema)) continue;
    for (const [path, sub] of typeEdges(schema, vocabularyAt(location))) reach({ doc: location.doc, pointer: joinPointer(location.pointer, ...path) }, sub);
    if (typeof schema.$ref === 'string') {
      const resolved = graph.refs.get(locationKey(location));
      if (resolved && !named.has(locationKey(resolved.target))) reach(resolved.target, schemaAt(resolved.target));
    }
  }
  return new Set([...uses].filter(([, count]) => count > 1).map(([key]) => key));
}

function pointersByDocument(locations: Iterable<SchemaLocation>): Map<SourceDocument, Set<string>> {
  const byDocument = new Map<SourceDocument, Set<string>>();
  for (const { doc, pointer } of locations) {
    const pointers = byDocument.get(doc);
    if (pointers) pointers.add(pointer);
    else byDocument.set(doc, new Set([pointer]));
  }
  return byDocument;
}

function schemaAt(location: SchemaLocation): unknown {
  return getAtPointer(location.doc.json, parsePointer(location.pointer) ?? []);
}
