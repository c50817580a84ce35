import { locationKey, type ResolvedGraph, type SchemaLocation } from '../resolve/index.js';
import type { Vocabulary } from '../schema/keywords/index.js';
import { getAtPointer, parsePointer } from '../schema/pointer.js';
import { isContainerDocument, isSchemaObject, schemaRootsOf, walkSchema, type SchemaObject } from '../schema/walk.js';
import { refOverridesSiblings, vocabularyAt } from './schema-facts.js';
import { vocabularyOf } from '../schema/keywords/index.js';

/**
 * Where a 2019-09 `$recursiveRef` leads, as far as a type can tell (`undefined`: the
 * schema has none).
 *
 * `"$recursiveRef": "#"` starts at the root of its own schema resource. When that root
 * does not say `"$recursiveAnchor": true`, it stays there: a plain `$ref` to the
 * root. When it does, the target is the outermost resource with `$recursiveAnchor: true`
 * in the dynamic scope, which depends on where validation started: any other schema
 * with `$recursiveAnchor: true` that reaches this one (extending it, like a strict tree
 * extending a tree) may become the target, and admit values the root does not. So the
 * root is the target only while no other schema of the run declares a recursive anchor;
 * otherwise it is `'dynamic'` and the type says `unknown`, which is true whatever the
 * scope. Any other value than `"#"` has no meaning the spec defines: `'dynamic'` too.
 */
export function recursiveRefTarget(graph: ResolvedGraph, location: SchemaLocation, schema: SchemaObject, vocabulary: Vocabulary): SchemaLocation | 'dynamic' | undefined {
  if (!vocabulary.keyword('$recursiveRef') || typeof schema.$recursiveRef !== 'string') return undefined;
  if (schema.$recursiveRef !== '#') return 'dynamic';
  const root = resourceRootOf(graph, location);
  if (!root) return 'dynamic';
  const rootSchema = getAtPointer(root.doc.json, parsePointer(root.pointer) ?? []);
  if (!isSchemaObject(rootSchema) || rootSchema.$recursiveAnchor !== true) return root;
  const anchors = recursiveAnchors(graph);
  return anchors.size === 1 && anchors.has(locationKey(root)) ? root : 'dynamic';
}

/**
 * The root of the schema resource `location` sits in: the innermost schema around it
 * (itself included) with an `$id` that is not only an anchor, else its document's root;
 * `undefined` when that root is no schema (an OpenAPI document).
 */
function resourceRootOf(graph: ResolvedGraph, location: SchemaLocation): SchemaLocation | undefined {
  const { doc, pointer } = location;
  for (let end = pointer.length; end > 0; end = pointer.lastIndexOf('/', end - 1)) {
    const at = { doc, pointer: pointer.slice(0, end) };
    const node = getAtPointer(doc.json, parsePointer(at.pointer) ?? []);
    if (!isSchemaObject(node)) continue;
    const vocabulary = vocabularyAt(at);
    const id = node[vocabulary.idKeyword];
    if (typeof id === 'string' && !id.startsWith('#') && !refOverridesSiblings(node, vocabulary)) return at;
  }
  if (doc.role === 'components' || (isSchemaObject(doc.json) && isContainerDocument(doc.json))) return undefined;
  return { doc, pointer: '' };
}

const anchorsOfGraph = new WeakMap<ResolvedGraph, Set<string>>();

/** Every schema of the run that says `"$recursiveAnchor": true` (in a dialect that has it), found once per run. */
function recursiveAnchors(graph: ResolvedGraph): Set<string> {
  let found = anchorsOfGraph.get(graph);
  if (found) return found;
  found = new Set<string>();
  for (const doc of graph.registry.documents) {
    for (const { pointer, schema, dialect } of schemaRootsOf(doc)) {
      walkSchema(
        schema,
        pointer,
        null,
        (node, at, _context, here) => {
          if (node.$recursiveAnchor === true && vocabularyOf(here).keyword('$recursiveAnchor')) found!.add(locationKey({ doc, pointer: at }));
          return null;
        },
        dialect,
      );
    }
  }
  anchorsOfGraph.set(graph, found);
  return found;
}
