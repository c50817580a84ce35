import type { SourceDocument } from '../../load/document.js';
import type { TypeModel } from '../../model/index.js';
import type { ResolvedGraph } from '../../resolve/index.js';
// The registry's own module, not the resolve stage's index (which loads ajv for the meta-schema check).
import { locationKey } from '../../resolve/registry.js';
import type { Dialect } from '../../schema/dialect.js';
import { dialectAt, dialectBoundaries } from '../../schema/dialect-regions.js';
import { hexDigest } from '../../hash/digest.js';
import { documentTextHash } from '../../hash/document-text.js';
import type { AjvIds, PrepareOptions, RefMode } from './prepare-schemas.js';

/**
 * Everything the prepared copy of a document (prepare-schemas.ts, DocumentCopy.make and
 * what it calls) depends on, hashed without preparing it: the key under which the
 * copy's hash is kept between runs (key-memo.ts). Read off the code, the copy is made
 * from:
 * - the document: its text (the parse of which is the JSON copied; a document's JSON is
 *   its text parsed), format, role and dialect (where its schemas are, how each is read,
 *   which keywords are annotations and dropped, whether `__proto__` names may occur),
 *   ajv id (written into the copy) and display path (hashed with it);
 * - each embedded resource of another dialect: its pointer, dialect and outer dialect,
 *   and the name of the type whose validator it becomes a call to;
 * - each `$ref` site of the document, in the registry's order: its pointer and dialect;
 *   if resolved, the target's ajv id, pointer and dialect, and the name of the type there
 *   (a ref to a named type becomes a call to its validator);
 * - the ajv instance it is made for: dialect and ref mode;
 * - the options: the `__proto__` stand-in and `assumeTypes`;
 * - the code that parses, walks and prepares documents: the memo is kept per build of
 *   schema-gen (its tool fingerprint, see cache-file.ts).
 * Nothing else: another document's text or name reaches a copy only through a ref, as
 * the target's id, pointer, dialect and name listed above.
 */
export class PreparedInputs {
  private readonly refFacts = new Map<SourceDocument, unknown[]>();
  private readonly documentParts = new Map<SourceDocument, string>();
  /** Where prepare may report a problem: embedded resources of another dialect, refs to a target read in another dialect. */
  private readonly crossings: { doc: SourceDocument; dialect: Dialect; named: boolean }[] = [];
  private readonly reports = new Map<string, boolean>();

  /** `crossesRefs`: the dialects in which a document uses keywords that see through refs (see document-facts.ts). */
  constructor(
    graph: ResolvedGraph,
    private readonly model: TypeModel,
    private readonly ids: AjvIds,
    sitesByDoc: Map<SourceDocument, string[]>,
    private readonly options: PrepareOptions,
    private readonly crossesRefs: (doc: SourceDocument) => readonly Dialect[],
  ) {
    for (const doc of graph.registry.documents) {
      for (const b of dialectBoundaries(doc)) this.crossings.push({ doc, dialect: b.outer, named: model.byKey.has(locationKey({ doc, pointer: b.pointer })) });
    }
    for (const [doc, pointers] of sitesByDoc) {
      const facts = pointers.map((pointer) => {
        const here = dialectAt(doc, pointer);
        const resolved = graph.refs.get(locationKey({ doc, pointer }));
        if (!resolved) return [pointer, here];
        const { target } = resolved;
        const there = dialectAt(target.doc, target.pointer);
        const named = model.byKey.get(locationKey(target));
        if (there !== here) this.crossings.push({ doc, dialect: here, named: named !== undefined });
        return [pointer, here, ids.get(target.doc)!, target.pointer, there, named?.name ?? null];
      });
      this.refFacts.set(doc, facts);
    }
  }

  /**
   * Whether preparing a copy for the instance of `dialect` and `mode` may report a
   * problem (see DocumentCopy: at a crossing into another dialect read in this one, with
   * no validator to call there, or in native mode from a document whose keywords see
   * through refs). Then every copy of the instance is prepared, as the problems must be
   * reported, in their order.
   */
  mayReport(dialect: Dialect, mode: RefMode): boolean {
    const key = `${dialect} ${mode}`;
    let may = this.reports.get(key);
    if (may === undefined) this.reports.set(key, (may = this.crossings.some((c) => c.dialect === dialect && (!c.named || (mode === 'native' && this.crossesRefs(c.doc).includes(dialect))))));
    return may;
  }

  /** The memo key of `doc`'s copy for the ajv instance of `dialect` and `mode`. */
  keyOf(doc: SourceDocument, dialect: Dialect, mode: RefMode): string {
    // JSON: pointers may hold any character, so the parts are joined unambiguously.
    return hexDigest('sha256', `[${JSON.stringify(dialect)},${JSON.stringify(mode)},${this.documentPart(doc)}]`);
  }

  /** What the copies of `doc` for every instance depend on, as JSON. */
  private documentPart(doc: SourceDocument): string {
    let part = this.documentParts.get(doc);
    if (part !== undefined) return part;
    const { model, options } = this;
    const boundaries = dialectBoundaries(doc).map((b) => [b.pointer, b.dialect, b.outer, model.byKey.get(locationKey({ doc, pointer: b.pointer }))?.name ?? null]);
    const parts = [
      PREPARED_INPUTS_FORMAT,
      doc.displayPath,
      this.ids.get(doc)!,
      doc.format,
      doc.role,
      doc.dialect,
      textHashOf(doc),
      boundaries,
      this.refFacts.get(doc) ?? [],
      options.protoStandIn,
      options.assumeTypes === true,
    ];
    part = JSON.stringify(parts);
    this.documentParts.set(doc, part);
    return part;
  }
}

/** Changed when the list above changes. */
const PREPARED_INPUTS_FORMAT = 'prepared-inputs 1';

/** The sha256 of a document's text, once per document (shared with the run's other memos). */
export function textHashOf(doc: SourceDocument): string {
  return documentTextHash(doc);
}

/** The memo key of a document's facts (document-facts.ts): what they depend on, spelled out (no hashing needed). */
export function factsKeyOf(doc: SourceDocument): string {
  return `${textHashOf(doc)} ${doc.format} ${doc.role} ${doc.dialect}`;
}
