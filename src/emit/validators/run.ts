import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { SourceDocument } from '../../load/document.js';
import type { NamedType, TypeModel } from '../../model/index.js';
import type { ResolvedGraph } from '../../resolve/index.js';
import type { Dialect } from '../../schema/dialect.js';
import { dialectAt } from '../../schema/dialect-regions.js';
import { inlinedDocuments, moduleKeys, preparedCopyHash } from './cache-key.js';
import { documentFacts, type DocumentFacts } from './document-facts.js';
import { emptyEnumProblems } from './empty-enum.js';
import type { ValidatorOptions } from './index.js';
import type { KeyMemo } from './key-memo.js';
import type { ModuleCodeSettings } from './transform/context.js';
import { factsKeyOf, PreparedInputs } from './prepared-inputs.js';
import { assignAjvIds, dialectsOf, PreparedCopies, refSitesByDocument, type AjvIds, type PreparedSchemas, type RefMode } from './prepare-schemas.js';
import { chooseProtoStandIn, FIRST_STAND_IN, STAND_IN_PREFIX } from './proto-stand-in.js';

/**
 * One run's shared state, up to (not including) ajv: ajv ids, each document's facts, the
 * `__proto__` stand-in, the prepared copies per dialect and ref mode (each made when
 * first needed), settings and cache keys. With a memo of earlier runs, what unchanged
 * documents gave then is not computed again (see key-memo.ts); what the run gives is the
 * same either way.
 */
export class ValidatorRun {
  readonly diagnostics: Diagnostic[] = [];
  readonly ids: AjvIds;
  readonly displayPathOfId: Map<string, string>;
  readonly validatorNames: Set<string>;
  readonly protoStandIn: string;
  private readonly facts: Map<SourceDocument, DocumentFacts>;
  private readonly sitesByDoc: Map<SourceDocument, string[]>;
  private readonly copies = new Map<string, PreparedCopies>();
  private readonly reported = new Set<string>();
  private inputs?: PreparedInputs;
  private keys?: (type: NamedType, dialect: Dialect, mode: RefMode) => string;
  private inlinedIn?: (type: NamedType, mode: RefMode) => ReadonlySet<SourceDocument>;

  constructor(
    readonly graph: ResolvedGraph,
    readonly model: TypeModel,
    readonly options: ValidatorOptions,
    private readonly memo?: KeyMemo,
  ) {
    const documents = graph.registry.documents;
    this.ids = assignAjvIds(documents);
    this.displayPathOfId = new Map([...this.ids].map(([doc, id]) => [id, doc.displayPath]));
    this.validatorNames = new Set(model.types.map(exportNameOf));
    this.facts = new Map(documents.map((doc) => [doc, memo ? memo.documentFacts(factsKeyOf(doc), () => documentFacts(doc)) : documentFacts(doc)]));
    this.protoStandIn = this.chooseStandIn();
    this.sitesByDoc = refSitesByDocument(graph);
  }

  /** `"enum": []` everywhere, in document order: ajv cannot compile it (see empty-enum.ts). */
  emptyEnumProblems(): Diagnostic[] {
    return this.graph.registry.documents.filter((doc) => this.facts.get(doc)!.hasEmptyEnum).flatMap(emptyEnumProblems);
  }

  modeOf(type: NamedType): RefMode {
    return this.facts.get(type.location.doc)!.crossesRefs.length > 0 ? 'native' : 'external';
  }

  dialectOf(type: NamedType): Dialect {
    return dialectAt(type.location.doc, type.location.pointer);
  }

  settingsOf(type: NamedType): ModuleCodeSettings {
    return {
      exportName: exportNameOf(type),
      schemaPathPrefix: `${type.location.doc.displayPath}#${type.location.pointer}`,
      displayPathOfId: this.displayPathOfId,
      validatorNames: this.validatorNames,
      protoStandIn: this.protoStandIn,
    };
  }

  keyOf(type: NamedType): string {
    this.keys ??= moduleKeys(
      this.options,
      this.protoStandIn,
      (t, mode) => this.inlined(t, mode),
      (doc, dialect, mode) => this.docHash(doc, dialect, mode),
    );
    return this.keys(type, this.dialectOf(type), this.modeOf(type));
  }

  /** The documents a type's module can include (see inlinedDocuments). */
  inlined(type: NamedType, mode: RefMode): ReadonlySet<SourceDocument> {
    this.inlinedIn ??= inlinedDocuments(this.graph, this.model);
    return this.inlinedIn(type, mode);
  }

  /** Whether preparing copies for this instance may report problems: then every copy is prepared at once (see PreparedInputs.mayReport). */
  mayReport(dialect: Dialect, mode: RefMode): boolean {
    return this.preparedInputs().mayReport(dialect, mode);
  }

  /** Every copy of one ajv instance, for compiling; their problems join the run's the first time. */
  prepared(dialect: Dialect, mode: RefMode): PreparedSchemas {
    const all = this.copiesFor(dialect, mode).all();
    const key = `${dialect} ${mode}`;
    if (!this.reported.has(key)) {
      this.reported.add(key);
      this.diagnostics.push(...all.diagnostics);
    }
    return all;
  }

  /**
   * The hash of a document's copy. From the memo where it has one, by everything the copy
   * depends on; without a memo, or when copies may come with problems (which the run
   * must report, in order), every copy of the instance is prepared, as it is for compiling.
   */
  private docHash(doc: SourceDocument, dialect: Dialect, mode: RefMode): string {
    const { memo } = this;
    if (memo && !this.mayReport(dialect, mode)) {
      if (!dialectsOf(doc).has(dialect)) return preparedCopyHash(doc, undefined);
      return memo.preparedHash(this.preparedInputs().keyOf(doc, dialect, mode), () => preparedCopyHash(doc, this.copiesFor(dialect, mode).copyOf(doc)));
    }
    return preparedCopyHash(doc, this.prepared(dialect, mode).documents.get(doc));
  }

  private preparedInputs(): PreparedInputs {
    return (this.inputs ??= new PreparedInputs(this.graph, this.model, this.ids, this.sitesByDoc, this.prepareOptions(), (d) => this.facts.get(d)!.crossesRefs));
  }

  /** The copies of one ajv instance, each prepared when first asked for. */
  copiesFor(dialect: Dialect, mode: RefMode): PreparedCopies {
    const key = `${dialect} ${mode}`;
    let copies = this.copies.get(key);
    if (!copies) this.copies.set(key, (copies = new PreparedCopies(this.graph, this.model, this.ids, dialect, mode, this.prepareOptions(), this.sitesByDoc)));
    return copies;
  }

  private prepareOptions() {
    return { protoStandIn: this.protoStandIn, assumeTypes: this.options.assumeTypes };
  }

  /** The first candidate, unless a string of the run may take it: then every document is read (see proto-stand-in.ts). */
  private chooseStandIn(): string {
    const documents = this.graph.registry.documents;
    const mayTake = (s: string) => s.includes(STAND_IN_PREFIX);
    const free = !documents.some((doc) => this.facts.get(doc)!.mentionsStandIn || mayTake(doc.displayPath)) && ![...this.ids.values()].some(mayTake);
    return free ? FIRST_STAND_IN : chooseProtoStandIn(documents, this.ids.values());
  }
}

export function exportNameOf(type: NamedType): string {
  return `validate${type.name}`;
}
