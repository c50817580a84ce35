import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { fileStem } from '../resolve/registry.js';
import { locationKey, type ResolvedGraph, type SchemaLocation } from '../resolve/index.js';
import { getAtPointer, lastSegment, parsePointer } from '../schema/pointer.js';
import { isSchemaObject, schemaRootsOf, walkSchema } from '../schema/walk.js';
import { docInfoOf } from './docs.js';
import { isAnnotationOnly } from './rules/annotations.js';
import { assignNames, type NameCandidate } from './naming.js';
import { typeOfSchema, type ImpliedType, type TypeOptions } from './schema-to-type.js';
import { narrowIntersections } from './rules/narrow.js';
import { refKinds } from './ref-kinds.js';
import { impliedTypeWarnings } from './implied-type-warnings.js';
import { referencedTargets, type DocInfo, type TypeExpr } from './type-expr.js';

export type { TypeExpr, PropertyExpr, DocInfo, DocTag, TupleElement } from './type-expr.js';
export type { TypeOptions } from './schema-to-type.js';
export { toTypeName } from './naming.js';

/** One schema that gets its own declaration, file and validator. */
export interface NamedType {
  key: string;
  name: string;
  location: SchemaLocation;
  schema: unknown;
  doc: DocInfo;
  body: TypeExpr;
  /** Keys of the other named types this one refers to. */
  uses: string[];
}

export interface TypeModel {
  /** Sorted by name: output order never depends on input order. */
  types: NamedType[];
  byKey: Map<string, NamedType>;
  /** Clashes settled by the naming rule, `key → Name`, for the run summary. */
  renamedClashes: string[];
  diagnostics: Diagnostic[];
}

export interface ModelOptions extends TypeOptions {
  renames: Readonly<Record<string, string>>;
}

export function buildTypeModel(graph: ResolvedGraph, options: ModelOptions): TypeModel {
  const candidates = namedSchemas(graph);
  const named = new Set(candidates.map((c) => c.key));
  const { names, clashes, diagnostics } = assignNames(candidates, options.renames);
  const types: NamedType[] = [];
  const implied: ImpliedType[] = [];
  for (const candidate of candidates) {
    const name = names.get(candidate.key);
    if (name === undefined) continue;
    const schema = getAtPointer(candidate.location.doc.json, parsePointer(candidate.location.pointer)!);
    const body = typeOfSchema(schema, candidate.location, { graph, named, options, current: candidate.key, onImpliedType: (found) => implied.push(found) });
    const uses = [...referencedTargets(body)].filter((k) => k !== candidate.key).sort();
    // A top-level `allOf: [{$ref}, {description}]` documents the type itself.
    const folded = isSchemaObject(schema) && Array.isArray(schema.allOf) ? schema.allOf.filter(isAnnotationOnly) : [];
    types.push({ key: candidate.key, name, location: candidate.location, schema, doc: docInfoOf(schema, folded), body, uses });
  }
  types.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const byKey = new Map(types.map((t) => [t.key, t]));
  const kindsOfRef = refKinds(byKey);
  for (const type of types) type.body = narrowIntersections(type.body, kindsOfRef);
  diagnostics.push(...impliedTypeWarnings(implied, kindsOfRef, options));
  return { types, byKey, renamedClashes: clashes, diagnostics };
}

/**
 * Every input schema root, plus each components-document schema that an input reaches
 * (directly or through other schemas): nothing else from those documents.
 */
function namedSchemas(graph: ResolvedGraph): NameCandidate[] {
  const found = new Map<string, NameCandidate>();
  const queue: SchemaLocation[] = [];
  const add = (location: SchemaLocation, wanted: string) => {
    const key = locationKey(location);
    if (found.has(key)) return;
    found.set(key, { key, location, wanted });
    queue.push(location);
  };
  for (const doc of graph.registry.documents) {
    if (doc.role !== 'input') continue;
    for (const { pointer, schema } of schemaRootsOf(doc.json)) {
      const title = isSchemaObject(schema) && typeof schema.title === 'string' ? schema.title : undefined;
      add({ doc, pointer }, pointer === '' ? title ?? fileStem(doc.absolutePath) : lastSegment(pointer));
      // `$defs` entries are declarations meant for reuse: each is a named type too.
      walkSchema(schema, pointer, null, (_node, at) => {
        if (DEFINITION.test(at)) add({ doc, pointer: at }, lastSegment(at));
        return null;
      });
    }
  }
  // Schemas named only when an input reaches them: components and referenced documents.
  const componentRoots = new Set<string>();
  for (const locations of graph.registry.components.values()) locations.forEach((l) => componentRoots.add(locationKey(l)));
  for (const doc of graph.registry.documents) if (doc.role === 'referenced') componentRoots.add(locationKey({ doc, pointer: '' }));
  const visited = new Set<string>();
  while (queue.length > 0) {
    const location = queue.shift()!;
    const schema = getAtPointer(location.doc.json, parsePointer(location.pointer)!);
    walkSchema(schema, location.pointer, null, (_node, pointer) => {
      const ref = graph.refs.get(locationKey({ doc: location.doc, pointer }));
      if (!ref) return null;
      const targetKey = locationKey(ref.target);
      if (found.has(targetKey) || visited.has(targetKey)) return null;
      if (componentRoots.has(targetKey) || refersToItself(graph, ref.target, found)) add(ref.target, wantedName(ref.target));
      else {
        visited.add(targetKey);
        queue.push(ref.target); // an inlined subschema may reach further components
      }
      return null;
    });
  }
  return [...found.values()];
}

/**
 * An unnamed subschema that refs lead back to (`#/properties/node` inside itself) is
 * named too: inlined, its recursion could only become `unknown`; named, it is a
 * recursive type and validator like any other.
 */
function refersToItself(graph: ResolvedGraph, target: SchemaLocation, named: ReadonlyMap<string, NameCandidate>): boolean {
  const targetKey = locationKey(target);
  const seen = new Set([targetKey]);
  const stack = [target];
  while (stack.length > 0) {
    const location = stack.pop()!;
    let found = false;
    walkSchema(getAtPointer(location.doc.json, parsePointer(location.pointer)!), location.pointer, null, (_node, pointer) => {
      const ref = graph.refs.get(locationKey({ doc: location.doc, pointer }));
      if (!ref) return null;
      const key = locationKey(ref.target);
      if (key === targetKey) found = true;
      else if (!named.has(key) && !seen.has(key)) {
        seen.add(key);
        stack.push(ref.target);
      }
      return null;
    });
    if (found) return true;
  }
  return false;
}

const DEFINITION = /\/(\$defs|definitions)\/[^/]+$/;

function wantedName(location: SchemaLocation): string {
  if (location.pointer !== '') return lastSegment(location.pointer);
  const schema = location.doc.json;
  return isSchemaObject(schema) && typeof schema.title === 'string' ? schema.title : fileStem(location.doc.absolutePath);
}


