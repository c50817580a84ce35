import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../load/document.js';
import { unknownKeywordWarnings } from './keywords.js';
import { schemaProblems } from './schema-problems.js';
import { buildRegistry, locationKey, type Registry } from './registry.js';
import { dialectAt } from '../schema/dialect-regions.js';
import { refCycleErrors } from './ref-cycles.js';
import { resolveRef, type ResolvedRef, type ResolveSettings } from './resolve-ref.js';

export type { Registry, SchemaLocation, RefSite } from './registry.js';
export { locationKey } from './registry.js';
export { CleanDocumentMemo } from './clean-documents.js';
export type { ResolvedRef, ResolvedVia, ResolveSettings, RefFailure } from './resolve-ref.js';

/** The registry plus every `$ref` of the run, each resolved to its target. */
export interface ResolvedGraph {
  registry: Registry;
  /** `locationKey` of the schema holding a `$ref` → where it leads. */
  refs: Map<string, ResolvedRef>;
  diagnostics: Diagnostic[];
  /** Files (under the input folders) and URLs (with `allowRemote`) that unresolved refs name. */
  wanted: string[];
}

/** Index every document, then resolve every `$ref`; all failures are collected, none thrown. */
export function resolveDocuments(documents: SourceDocument[], settings: ResolveSettings): ResolvedGraph {
  const registry = buildRegistry(documents);
  const refs = new Map<string, ResolvedRef>();
  const diagnostics = [
    ...registry.diagnostics,
    ...documents.flatMap((doc) => schemaProblems(doc, settings.unicodePatterns, settings.cleanDocuments)),
    ...documents.filter((d) => d.role !== 'referenced').flatMap((doc) => unknownKeywordWarnings(doc, settings.cleanDocuments)),
  ];
  const wanted = new Set<string>();
  for (const site of registry.refSites) {
    const result = resolveRef(registry, site, settings);
    if ('diagnostic' in result) {
      if (!result.quiet) diagnostics.push(result.diagnostic);
      if (result.wants) wanted.add(result.wants);
    } else {
      refs.set(locationKey(site.location), result);
    }
  }
  diagnostics.push(...refCycleErrors(refs, (location) => dialectAt(location.doc, location.pointer)));
  return { registry, refs, diagnostics, wanted: [...wanted].sort() };
}
