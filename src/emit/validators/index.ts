import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { NamedType, TypeModel } from '../../model/index.js';
import type { ResolvedGraph } from '../../resolve/index.js';
import { Ajv2020, standaloneCode } from './ajv-modules.js';
import { createAjv } from './ajv-instance.js';
import { moduleKeys } from './cache-key.js';
import { toModuleCode, type ValidatorModuleCode } from './module-code.js';
import type { ValidatorCache } from './cache.js';
import type { AnySchemaObject } from 'ajv';
import type { SourceDocument } from '../../load/document.js';
import { assignAjvIds, needsNativeRefs, pointerFragment, prepareSchemas, type RefMode } from './prepare-schemas.js';

export type { ValidatorModuleCode } from './module-code.js';
export { MemoryValidatorCache, type ValidatorCache } from './cache.js';
export { createAjv } from './ajv-instance.js';

export interface ValidatorOptions {
  /** Report every problem (true) or stop at the first (false). */
  allErrors: boolean;
  /** `assert`: check the formats ajv-formats knows; `annotate`: formats are annotations only (2020-12 default). */
  formats: 'assert' | 'annotate';
  /** Schemas whose keywords imply a kind (`properties` without `type`) check that kind. */
  assumeTypes?: boolean;
}

export interface ValidatorModule extends ValidatorModuleCode {
  type: NamedType;
  exportName: string;
}

export interface CompiledValidators {
  modules: ValidatorModule[];
  /** How many modules came from the cache rather than from ajv. */
  reused: number;
  diagnostics: Diagnostic[];
}

/** Compile each named schema to standalone validator code, one module per schema. */
export function compileValidators(graph: ResolvedGraph, model: TypeModel, options: ValidatorOptions, cache?: ValidatorCache): CompiledValidators {
  const diagnostics: Diagnostic[] = [];
  const ids = assignAjvIds(graph.registry.documents);
  const displayPathOfId = new Map([...ids].map(([doc, id]) => [id, doc.displayPath]));
  const prepared = new Map<RefMode, Map<SourceDocument, AnySchemaObject>>();
  const preparedFor = (mode: RefMode) => {
    let docs = prepared.get(mode);
    if (!docs) prepared.set(mode, (docs = prepareSchemas(graph, model, ids, mode, options)));
    return docs;
  };
  const instances = new Map<RefMode, Ajv2020>();
  const ajvFor = (mode: RefMode): Ajv2020 => {
    let ajv = instances.get(mode);
    if (!ajv) {
      ajv = createAjv(graph, options, diagnostics);
      // Already checked against the meta-schema by the resolve stage.
      ajv.addSchema([...preparedFor(mode).values()], undefined, undefined, false);
      instances.set(mode, ajv);
    }
    return ajv;
  };
  const keyOf = moduleKeys(graph, model, options, preparedFor);
  const modules: ValidatorModule[] = [];
  let reused = 0;
  for (const type of model.types) {
    const { doc, pointer } = type.location;
    const mode = needsNativeRefs(doc) ? 'native' : 'external';
    const exportName = `validate${type.name}`;
    const key = cache && keyOf(type, mode);
    const cached = key ? cache.get(key) : undefined;
    if (cached) {
      modules.push({ type, exportName, ...cached });
      reused++;
      continue;
    }
    const ajv = ajvFor(mode);
    const id = pointer === '' ? ids.get(doc)! : `${ids.get(doc)!}#${pointerFragment(pointer)}`;
    try {
      ajv.getSchema(id);
      const code = toModuleCode(standaloneCode(ajv, { [exportName]: id }), { exportName, schemaPathPrefix: `${doc.displayPath}#${pointer}`, displayPathOfId });
      if (key) cache.set(key, code);
      modules.push({ type, exportName, ...code });
    } catch (error) {
      diagnostics.push({
        severity: 'error',
        code: 'validator-compile-failed',
        message: `ajv cannot compile this schema: ${(error as Error).message}`,
        file: doc.displayPath,
        pointer,
      });
    }
  }
  return { modules, reused, diagnostics };
}
