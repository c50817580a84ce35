import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ResolvedGraph, SchemaLocation } from '../resolve/index.js';
import { getAtPointer, parsePointer } from '../schema/pointer.js';
import { isSchemaObject } from '../schema/walk.js';
import { docInfoOf } from './docs.js';
import { namedSchemas } from './named-schemas.js';
import { assignNames, type NameCandidate } from './naming.js';
import { placeName } from './place-in-document.js';
import { isAnnotationOnly } from './rules/annotations.js';
import { typeOfSchema, type ImpliedType, type TypeOptions } from './schema-to-type.js';
import { sharedSubschemas } from './shared-subschemas.js';
import { SharedTypes } from './shared-types.js';
import { checkTypeBudget } from './type-budget.js';
import { narrowIntersections } from './rules/narrow.js';
import { refKinds } from './ref-kinds.js';
import { impliedTypeWarnings } from './implied-type-warnings.js';
import { referencedTargets, type DocInfo, type TypeExpr } from './type-expr.js';
import { vocabularyAt } from './schema-facts.js';
import { ignoredBesideRefWarnings } from './ignored-beside-ref.js';

export type { TypeExpr, PropertyExpr, DocInfo, DocTag, EnumMemberDoc, TupleElement } from './type-expr.js';
export { tsTypeProblem, isPlainTypeName } from './rules/ts-type.js';
export type { TypeOptions } from './schema-to-type.js';
export { toTypeName } from './naming.js';
export { MAX_TYPE_NODES } from './type-budget.js';

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
  /** Keys of `renames` that name no schema of the run, each with the nearest key that does, if one is close. */
  unmatchedRenames: { key: string; closest?: string }[];
  diagnostics: Diagnostic[];
}

export interface ModelOptions extends TypeOptions {
  renames: Readonly<Record<string, string>>;
}

/**
 * The declared schemas' types first; subschemas that more than one place would print
 * become named types of their own on the way (see `sharedSubschemas`); then names for
 * all, the declared ones first, so a shared subschema never renames them.
 */
export function buildTypeModel(graph: ResolvedGraph, options: ModelOptions): TypeModel {
  const declared = namedSchemas(graph);
  const named = new Set(declared.map((c) => c.key));
  const shared = new SharedTypes(
    sharedSubschemas(
      graph,
      declared.map((c) => c.location),
      named,
    ),
  );
  const implied: ImpliedType[] = [];
  const warnings: Diagnostic[] = [];
  const context = { graph, named, options, shared, inlined: new Map<string, TypeExpr>(), onImpliedType: (found: ImpliedType) => implied.push(found), onWarning: (w: Diagnostic) => warnings.push(w) };
  const bodies = new Map<string, TypeExpr>();
  for (const candidate of declared) bodies.set(candidate.key, typeOfSchema(schemaAt(candidate.location), candidate.location, { ...context, current: candidate.key }));
  const sharedCandidates: NameCandidate[] = shared.declared().map(({ key, location, body }) => {
    bodies.set(key, body);
    const schema = schemaAt(location);
    const title = isSchemaObject(schema) && typeof schema.title === 'string' ? schema.title : undefined;
    const vocabulary = vocabularyAt(location);
    return { key, location, wanted: title ?? placeName(location.pointer, vocabulary) ?? '', shared: true, dialect: vocabulary.dialect };
  });
  const candidates = [...declared, ...sharedCandidates];
  const { names, clashes, diagnostics, unmatchedRenames = [] } = assignNames(candidates, options.renames);
  const types: NamedType[] = [];
  for (const candidate of candidates) {
    const name = names.get(candidate.key);
    const body = bodies.get(candidate.key);
    if (name === undefined || body === undefined) continue;
    const tooLarge = checkTypeBudget(body, candidate.location);
    if (tooLarge) {
      diagnostics.push(tooLarge);
      continue;
    }
    const schema = schemaAt(candidate.location);
    const uses = [...referencedTargets(body)].filter((k) => k !== candidate.key).sort();
    const vocabulary = vocabularyAt(candidate.location);
    // A top-level `allOf: [{$ref}, {description}]` documents the type itself.
    const folded = isSchemaObject(schema) && Array.isArray(schema.allOf) ? schema.allOf.filter((m) => isAnnotationOnly(m, vocabulary)) : [];
    types.push({ key: candidate.key, name, location: candidate.location, schema, doc: docInfoOf(schema, folded, vocabulary), body, uses });
  }
  types.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const byKey = new Map(types.map((t) => [t.key, t]));
  const kindsOfRef = refKinds(byKey);
  for (const type of types) type.body = narrowIntersections(type.body, kindsOfRef);
  diagnostics.push(...impliedTypeWarnings(implied, kindsOfRef, options), ...warnings, ...ignoredBesideRefWarnings(graph));
  return { types, byKey, renamedClashes: clashes, unmatchedRenames, diagnostics };
}

function schemaAt(location: SchemaLocation): unknown {
  return getAtPointer(location.doc.json, parsePointer(location.pointer) ?? []);
}
