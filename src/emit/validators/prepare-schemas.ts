import type { AnySchemaObject } from 'ajv';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { locatePointer } from '../../diagnostics/position.js';
import type { SourceDocument } from '../../load/document.js';
import type { TypeModel } from '../../model/index.js';
import type { ResolvedGraph } from '../../resolve/index.js';
// The registry's own module, not the resolve stage's index (which loads ajv for the meta-schema check).
import { locationKey } from '../../resolve/registry.js';
import { baseDraft, type Dialect } from '../../schema/dialect.js';
import { contains, dialectAt, dialectBoundaries, type DialectBoundary } from '../../schema/dialect-regions.js';
import { getAtPointer, parsePointer } from '../../schema/pointer.js';
import { isContainerDocument, isSchemaObject, schemaRootsOf, walkSchema, type SchemaObject } from '../../schema/walk.js';
import { vocabularyOf } from '../../schema/keywords/index.js';
import { EXTERNAL_REF_KEYWORD } from './external-ref-name.js';
import { addImpliedType } from './assume-types.js';
import { hexDigest } from '../../hash/digest.js';
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
    let id = `sg:/${hexDigest('sha1', doc.displayPath).slice(0, 12)}/${encodeURIComponent(doc.displayPath.split('/').pop()!)}`;
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

/** What changes the copies ajv compiles, beyond the refs. */
export interface PrepareOptions {
  /** `__proto__` property names are given to ajv as this (see proto-stand-in.ts). */
  protoStandIn: string;
  assumeTypes?: boolean;
}

/** The copies one ajv instance (one dialect, one ref mode) compiles. */
export interface PreparedSchemas {
  /** Every document with schemas of the dialect, ready for ajv. */
  documents: Map<SourceDocument, AnySchemaObject>;
  /** Schemas that only call another validator, by their ajv id (see `callerId`). */
  callers: Map<string, AnySchemaObject>;
  /** Refs and embedded resources whose validator cannot be written (each once). */
  diagnostics: Diagnostic[];
}

/**
 * Copies of the documents that hold schemas of `dialect`, for the ajv instance of that
 * dialect, with each `$ref` rewritten to the target our resolver chose (ajv never
 * resolves a name itself). A ref to a named schema becomes a call to that schema's
 * exported validator (the external-ref keyword, whose value is only a key into the run's
 * table of validators) in `external` mode, and in either mode where the target is read in
 * another dialect: a module never holds code of another dialect. For the same reason an
 * embedded resource of another dialect (`$id` + `$schema`) becomes a call to its own
 * validator.
 */
export function prepareSchemas(graph: ResolvedGraph, model: TypeModel, ids: AjvIds, dialect: Dialect, mode: RefMode, options: PrepareOptions): PreparedSchemas {
  return new PreparedCopies(graph, model, ids, dialect, mode, options).all();
}

/** The `$ref` sites of each document, in the registry's order. */
export function refSitesByDocument(graph: ResolvedGraph): Map<SourceDocument, string[]> {
  const sitesByDoc = new Map<SourceDocument, string[]>();
  for (const site of graph.registry.refSites) {
    const list = sitesByDoc.get(site.location.doc) ?? [];
    list.push(site.location.pointer);
    sitesByDoc.set(site.location.doc, list);
  }
  return sitesByDoc;
}

/** One document's copy, with what it adds to the instance: the callers its refs lead to, and its problems. */
interface DocumentCopyOf {
  copy: AnySchemaObject;
  callers: Map<string, AnySchemaObject>;
  diagnostics: Diagnostic[];
}

/**
 * The copies of one ajv instance (one dialect, one ref mode), each made when first asked
 * for: a run whose cache keys are known from earlier runs prepares only the documents
 * it compiles. `all()` gives what `prepareSchemas` gives, in the registry's order, the
 * same whatever was asked for before.
 */
export class PreparedCopies {
  private readonly copies = new Map<SourceDocument, DocumentCopyOf | null>();
  private everything?: PreparedSchemas;

  constructor(
    private readonly graph: ResolvedGraph,
    private readonly model: TypeModel,
    private readonly ids: AjvIds,
    readonly dialect: Dialect,
    readonly mode: RefMode,
    private readonly options: PrepareOptions,
    private readonly sitesByDoc: Map<SourceDocument, string[]> = refSitesByDocument(graph),
  ) {}

  /** The copy of one document; undefined when it holds no schema of the dialect. */
  copyOf(doc: SourceDocument): AnySchemaObject | undefined {
    return this.made(doc)?.copy;
  }

  /** The schemas that only call a validator, which the copy of `doc` refers to (by `callerId`). */
  callersOf(doc: SourceDocument): ReadonlyMap<string, AnySchemaObject> {
    return this.made(doc)?.callers ?? new Map();
  }

  /** Every document with schemas of the dialect, in the registry's order. */
  all(): PreparedSchemas {
    if (this.everything) return this.everything;
    const prepared: PreparedSchemas = { documents: new Map(), callers: new Map(), diagnostics: [] };
    const reported = new Set<string>();
    for (const doc of this.graph.registry.documents) {
      const made = this.made(doc);
      if (!made) continue;
      prepared.documents.set(doc, made.copy);
      for (const [id, caller] of made.callers) prepared.callers.set(id, caller);
      for (const d of made.diagnostics) {
        // Each problem once per instance (as each document's own list already has it).
        const key = JSON.stringify([d.file, d.pointer, d.code]);
        if (reported.has(key)) continue;
        reported.add(key);
        prepared.diagnostics.push(d);
      }
    }
    return (this.everything = prepared);
  }

  private made(doc: SourceDocument): DocumentCopyOf | null {
    let made = this.copies.get(doc);
    if (made === undefined) {
      made = dialectsOf(doc).has(this.dialect) ? new DocumentCopy(this.graph, this.model, this.ids, this.dialect, this.mode, doc).make(this.sitesByDoc.get(doc) ?? [], this.options) : null;
      this.copies.set(doc, made);
    }
    return made;
  }
}

/** The dialects a document holds schemas of: its own (every root's) and its embedded resources'. */
export function dialectsOf(doc: SourceDocument): Set<Dialect> {
  return new Set([doc.dialect, ...dialectBoundaries(doc).map((b) => b.dialect)]);
}

/**
 * The embedded resource of another dialect that holds the schema at `pointer`, read in
 * `dialect` again (draft-07 inside 2020-12 inside draft-07): that instance's copy of
 * the document has the resource replaced by a call (see replaceForeignResources), so
 * it cannot compile the schema.
 */
export function reenteredResource(doc: SourceDocument, pointer: string, dialect: Dialect): DialectBoundary | undefined {
  return dialectBoundaries(doc).find((b) => b.outer === dialect && b.dialect !== dialect && b.pointer !== pointer && contains(b.pointer, pointer));
}

/** The ajv id of a schema that only calls validator `name`: what a `$ref` that must keep its place leads to. */
export function callerId(name: string): string {
  return `sg:/validators/${encodeURIComponent(name)}`;
}

class DocumentCopy {
  constructor(
    private readonly graph: ResolvedGraph,
    private readonly model: TypeModel,
    private readonly ids: AjvIds,
    private readonly dialect: Dialect,
    private readonly mode: RefMode,
    private readonly doc: SourceDocument,
  ) {}

  private readonly callers = new Map<string, AnySchemaObject>();
  private readonly diagnostics: Diagnostic[] = [];

  make(refSites: string[], options: PrepareOptions): DocumentCopyOf {
    const { doc, ids } = this;
    const copy = toSchemaObject(structuredClone(doc.json));
    for (const pointer of refSites) this.rewriteRef(copy, pointer);
    this.replaceForeignResources(copy);
    const protoOrNullable = options.assumeTypes || mayNameProtoOrNullable(doc.text, doc.format);
    forEachSchema(copy, doc, (node, dialect) => {
      // Annotations play no part in a validator's code, and the copy is its cache key: editing a description compiles nothing again.
      const vocabulary = vocabularyOf(dialect);
      for (const key of Object.keys(node)) if (vocabulary.keyword(key)?.facts.role === 'annotation') delete node[key];
      if (!protoOrNullable) return;
      renameProtoProperties(node, options.protoStandIn);
      if (options.assumeTypes) addImpliedType(node);
      // ajv refuses `nullable` without `type`; OpenAPI 3.0.3 gives it no effect there (nor does any draft).
      if (Object.hasOwn(node, 'nullable') && node.type === undefined) delete node.nullable;
    });
    // ajv-draft-04 knows a schema by `id`, the other classes by `$id`.
    if (baseDraft(this.dialect) === 'draft-04') {
      delete copy.$id;
      copy.id = ids.get(doc)!;
    } else {
      copy.$id = ids.get(doc)!;
    }
    // The dialect is the instance's; OpenAPI wrappers are not schemas.
    delete copy.$schema;
    if (isContainerDocument(copy)) {
      for (const key of Object.keys(copy)) if (!['$id', 'id', 'components', '$defs', 'definitions'].includes(key)) delete copy[key];
    }
    return { copy, callers: this.callers, diagnostics: this.diagnostics };
  }

  /**
   * An embedded resource of another dialect, directly inside this dialect's schemas,
   * is a call to its own validator here: its keywords mean something else in this
   * dialect (draft-07 `items: [...]` is a tuple, 2020-12's is an error).
   */
  private replaceForeignResources(copy: AnySchemaObject): void {
    const boundaries = dialectBoundaries(this.doc);
    for (const [at, boundary] of boundaries.entries()) {
      if (boundary.outer !== this.dialect) {
        // A resource of a third dialect beside this one's (draft-04 and draft-07 resources in a 2020-12 document): no
        // validator of this instance runs it, but ajv reads the document it is in, in this dialect. Left out, unless this
        // dialect's schemas are inside it (boundaries come in document order: those inside it follow it).
        let holdsOurs = false;
        for (let i = at + 1; i < boundaries.length && contains(boundary.pointer, boundaries[i]!.pointer) && !holdsOurs; i++) holdsOurs = boundaries[i]!.dialect === this.dialect;
        if (boundary.dialect === this.dialect || holdsOurs) continue;
        const foreign = getAtPointer(copy, parsePointer(boundary.pointer)!);
        if (isSchemaObject(foreign)) for (const key of Object.keys(foreign)) delete foreign[key];
        continue;
      }
      const node = getAtPointer(copy, parsePointer(boundary.pointer)!);
      if (!isSchemaObject(node)) continue;
      const named = this.model.byKey.get(locationKey({ doc: this.doc, pointer: boundary.pointer }));
      if (!named) {
        this.problem(
          boundary.pointer,
          'cross-dialect-unnamed',
          `this embedded schema is read as ${boundary.dialect}, the schema around it as ${boundary.outer}, and it has no validator of its own to call`,
        );
        continue;
      }
      if (this.mode === 'native' && usesKeywordsCrossingRefs(this.doc).has(this.dialect)) this.nativeProblem(boundary.pointer, boundary.dialect);
      for (const key of Object.keys(node)) delete node[key];
      node[EXTERNAL_REF_KEYWORD] = `validate${named.name}`;
    }
  }

  private rewriteRef(copy: AnySchemaObject, pointer: string): void {
    const { doc, ids, model } = this;
    const node = getAtPointer(copy, parsePointer(pointer)!);
    const resolved = this.graph.refs.get(locationKey({ doc, pointer }));
    if (!isSchemaObject(node) || !resolved) return;
    const named = model.byKey.get(locationKey(resolved.target));
    const here = dialectAt(doc, pointer);
    const there = dialectAt(resolved.target.doc, resolved.target.pointer);
    const reportable = here === this.dialect;
    // ajv's ignoreKeywordsWithRef skips every sibling but `type` (and `nullable`, read with it), checked before any keyword: they go here.
    if (vocabularyOf(here).refOverridesSiblings) {
      delete node.type;
      delete node.nullable;
    }
    if (here !== there && !named) {
      if (reportable) this.problem(pointer, 'cross-dialect-unnamed', `this $ref is read as ${here} and its target as ${there}, which has no validator of its own to call`);
    } else if (here !== there || (this.mode === 'external' && named)) {
      if (here !== there && this.mode === 'native' && reportable && usesKeywordsCrossingRefs(doc).has(here)) this.nativeProblem(pointer, there);
      this.callValidator(node, `validate${named!.name}`, here);
      return;
    }
    node.$ref = `${ids.get(resolved.target.doc)!}#${pointerFragment(resolved.target.pointer)}`;
  }

  /**
   * Where `$ref` ignores its siblings (up to draft-07), a ref with siblings stays a
   * `$ref` (ajv then compiles only it) and leads to a schema that only calls the
   * validator; elsewhere the call takes the ref's place beside its siblings.
   */
  private callValidator(node: SchemaObject, name: string, here: Dialect): void {
    if (vocabularyOf(here).refOverridesSiblings && Object.keys(node).some((key) => key !== '$ref')) {
      const id = callerId(name);
      this.callers.set(id, { [vocabularyOf(this.dialect).idKeyword]: id, [EXTERNAL_REF_KEYWORD]: name });
      node.$ref = id;
      return;
    }
    delete node.$ref;
    node[EXTERNAL_REF_KEYWORD] = name;
  }

  private nativeProblem(pointer: string, there: Dialect): void {
    this.problem(
      pointer,
      'cross-dialect-native-ref',
      `this schema is read as ${this.dialect} and uses keywords that see through refs (unevaluatedProperties, unevaluatedItems, $recursiveRef, $dynamicRef), but this ref leads to a schema read as ${there}: its validator cannot tell what that schema evaluated`,
      'give both schemas one dialect ("$schema"), or move the unevaluated*/dynamic keywords away from schemas that refer across dialects',
    );
  }

  private problem(pointer: string, code: string, message: string, hint?: string): void {
    const { doc } = this;
    if (this.diagnostics.some((d) => d.file === doc.displayPath && d.pointer === pointer && d.code === code)) return;
    this.diagnostics.push({ severity: 'error', code, message, file: doc.displayPath, pointer, ...locatePointer(doc.text, doc.format, pointer), ...(hint ? { hint } : {}) });
  }
}

/**
 * Whether a document's text may hold a `__proto__` or `nullable` key (written plainly,
 * or with an escape): else no walk is needed. In JSON only `\u` spells a letter; YAML has
 * more ways (`\x`, `\U`, a line folded inside double quotes), so any backslash counts.
 */
function mayNameProtoOrNullable(text: string, format: SourceDocument['format']): boolean {
  return text.includes('__proto__') || text.includes('nullable') || (format === 'json' ? text.includes('\\u') : text.includes('\\'));
}

/** Every schema of a copy, walked as its document says (an OpenAPI document's components too). */
function forEachSchema(copy: AnySchemaObject, doc: SourceDocument, visit: (node: SchemaObject, dialect: Dialect) => void): void {
  for (const { pointer, schema, dialect } of schemaRootsOf({ json: copy, role: doc.role, dialect: doc.dialect })) {
    walkSchema(
      schema,
      pointer,
      null,
      (node, _at, _context, here) => {
        visit(node, here);
        return null;
      },
      dialect,
    );
  }
}

function toSchemaObject(json: unknown): AnySchemaObject {
  if (isSchemaObject(json)) return json as AnySchemaObject;
  return json === false ? { not: {} } : {};
}

/** Schemas whose validation depends on what referenced schemas evaluated are compiled with native refs. */
export function needsNativeRefs(doc: SourceDocument): boolean {
  return usesKeywordsCrossingRefs(doc).size > 0;
}

const crossingOf = new WeakMap<SourceDocument, Set<Dialect>>();

/** The dialects in whose schemas the document uses keywords whose meaning crosses a `$ref`. */
export function usesKeywordsCrossingRefs(doc: SourceDocument): Set<Dialect> {
  let found = crossingOf.get(doc);
  if (found) return found;
  found = new Set();
  for (const { pointer, schema, dialect } of schemaRootsOf(doc)) {
    walkSchema(
      schema,
      pointer,
      null,
      (node, _at, _context, here) => {
        // Keywords whose meaning crosses a `$ref`: what the target evaluated, or the dynamic scope.
        for (const key of vocabularyOf(here).crossesRefs) if (Object.hasOwn(node, key)) found!.add(here);
        return null;
      },
      dialect,
    );
  }
  crossingOf.set(doc, found);
  return found;
}
