import { loadDocuments } from '../../../../src/load/index.js';
import { buildTypeModel, type TypeModel } from '../../../../src/model/index.js';
import { resolveDocuments, type ResolvedGraph } from '../../../../src/resolve/index.js';
import type { Diagnostic } from '../../../../src/diagnostics/diagnostic.js';
import type { Dialect } from '../../../../src/schema/dialect.js';
import type { ValidatorOptions } from '../../../../src/emit/validators/index.js';
import type { KeyMemo } from '../../../../src/emit/validators/key-memo.js';
import { ValidatorRun } from '../../../../src/emit/validators/run.js';

/** The validators stage's inputs for a folder of schemas, as the pipeline makes them (refs stay inside the run's files). */
export async function validatorInputs(cwd: string, inputs: string[], components: string[] = [], defaultDialect?: Dialect): Promise<{ graph: ResolvedGraph; model: TypeModel; errors: Diagnostic[] }> {
  const loaded = await loadDocuments({ inputs, components, cwd, ...(defaultDialect ? { defaultDialect } : {}) });
  const graph = resolveDocuments(loaded.documents, { roots: loaded.roots, allowRemote: false, mappedPrefixes: [] });
  const model = buildTypeModel(graph, { additionalProperties: 'none', renames: {} });
  const errors = [...loaded.diagnostics, ...graph.diagnostics, ...model.diagnostics].filter((d) => d.severity === 'error');
  return { graph, model, errors };
}

export const VALIDATOR_OPTIONS: ValidatorOptions = { allErrors: true, formats: 'assert', assumeTypes: false, unicodePatterns: 'fallback' };

/** Every type's module key (by file and pointer), and what computing them reported, with the memo or without. */
export function moduleKeysOf(graph: ResolvedGraph, model: TypeModel, options: ValidatorOptions, memo?: KeyMemo): { keys: Record<string, string>; diagnostics: Diagnostic[]; protoStandIn: string } {
  const run = new ValidatorRun(graph, model, options, memo);
  const keys = Object.fromEntries(model.types.map((type) => [`${type.location.doc.displayPath}#${type.location.pointer}`, run.keyOf(type)]));
  return { keys, diagnostics: run.diagnostics, protoStandIn: run.protoStandIn };
}
