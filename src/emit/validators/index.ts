import type { AnySchemaObject } from 'ajv';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { locatePointer } from '../../diagnostics/position.js';
import type { SourceDocument } from '../../load/document.js';
import type { NamedType, TypeModel } from '../../model/index.js';
import type { ResolvedGraph } from '../../resolve/index.js';
import { CodeTextError } from '../code-text.js';
import { type Ajv2020, standaloneCode } from '../../ajv/modules.js';
import { createAjv } from './ajv-instance.js';
import { moduleKeys } from './cache-key.js';
import type { ValidatorCache } from './cache.js';
import { UnknownValidatorError } from './external-ref-keyword.js';
import { toModuleCode, type ModuleCodeSettings, type ValidatorModuleCode } from './module-code.js';
import { UnsupportedSchema } from './transform/unexpected-output.js';
import { assignAjvIds, needsNativeRefs, pointerFragment, prepareSchemas, type RefMode } from './prepare-schemas.js';
import { chooseProtoStandIn } from './proto-stand-in.js';

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
  const run = validatorRun(graph, model, options);
  const modules: ValidatorModule[] = [];
  let reused = 0;
  for (const type of model.types) {
    const { exportName } = run.settingsOf(type);
    const key = cache && run.keyOf(type);
    const cached = key ? cache.get(key) : undefined;
    if (cached) {
      modules.push({ type, exportName, ...cached });
      reused++;
      continue;
    }
    const standalone = run.standalone(type);
    if (standalone === undefined) continue;
    const code = run.transform(type, standalone);
    if (code === undefined) continue;
    if (key) cache.set(key, code);
    modules.push({ type, exportName, ...code });
  }
  return { modules, reused, diagnostics: run.diagnostics };
}

/**
 * ajv's own standalone output for each named schema, before our transformation, with
 * the settings the transformation gets: for the scripts and tests that keep real ajv
 * outputs (test/fixtures/ajv-output/).
 */
export function standaloneOutputs(graph: ResolvedGraph, model: TypeModel, options: ValidatorOptions): { type: NamedType; code: string; settings: ModuleCodeSettings }[] {
  const run = validatorRun(graph, model, options);
  return model.types.flatMap((type) => {
    const code = run.standalone(type);
    return code === undefined ? [] : [{ type, code, settings: run.settingsOf(type) }];
  });
}

/** One run's shared state: ajv ids, prepared schemas and ajv instances per ref mode, settings, cache keys. */
function validatorRun(graph: ResolvedGraph, model: TypeModel, options: ValidatorOptions) {
  const diagnostics: Diagnostic[] = [];
  const ids = assignAjvIds(graph.registry.documents);
  const displayPathOfId = new Map([...ids].map(([doc, id]) => [id, doc.displayPath]));
  const validatorNames = new Set(model.types.map(exportNameOf));
  const protoStandIn = chooseProtoStandIn(graph.registry.documents, ids.values());
  const prepared = new Map<RefMode, Map<SourceDocument, AnySchemaObject>>();
  const preparedFor = (mode: RefMode) => {
    let docs = prepared.get(mode);
    if (!docs) prepared.set(mode, (docs = prepareSchemas(graph, model, ids, mode, { protoStandIn, assumeTypes: options.assumeTypes })));
    return docs;
  };
  const instances = new Map<RefMode, Ajv2020>();
  const ajvFor = (mode: RefMode): Ajv2020 => {
    let ajv = instances.get(mode);
    if (!ajv) {
      ajv = createAjv(graph, options, diagnostics, validatorNames);
      // Already checked against the meta-schema by the resolve stage.
      ajv.addSchema([...preparedFor(mode).values()], undefined, undefined, false);
      instances.set(mode, ajv);
    }
    return ajv;
  };
  const modeOf = (type: NamedType): RefMode => (needsNativeRefs(type.location.doc) ? 'native' : 'external');
  const keys = moduleKeys(graph, model, options, preparedFor, protoStandIn);
  return {
    diagnostics,
    keyOf: (type: NamedType) => keys(type, modeOf(type)),
    settingsOf: (type: NamedType): ModuleCodeSettings => ({
      exportName: exportNameOf(type),
      schemaPathPrefix: `${type.location.doc.displayPath}#${type.location.pointer}`,
      displayPathOfId,
      validatorNames,
      protoStandIn,
    }),
    /** Our module code from ajv's; undefined (with a diagnostic) for a schema the steps cannot support. */
    transform(type: NamedType, standalone: string): ValidatorModuleCode | undefined {
      try {
        return toModuleCode(standalone, this.settingsOf(type));
      } catch (error) {
        if (!(error instanceof UnsupportedSchema)) throw error;
        const { doc, pointer } = type.location;
        diagnostics.push({
          severity: 'error',
          code: 'validator-unsupported',
          message: `cannot generate a validator for this schema: ${error.message}`,
          file: doc.displayPath,
          pointer,
          ...locatePointer(doc.text, doc.format, pointer),
          hint: 'rename the property, or generate types only (--types-only) for this schema',
        });
        return undefined;
      }
    },
    /** ajv's standalone code of one type; undefined (with a diagnostic) when ajv cannot compile it. */
    standalone(type: NamedType): string | undefined {
      const { doc, pointer } = type.location;
      const ajv = ajvFor(modeOf(type));
      const id = pointer === '' ? ids.get(doc)! : `${ids.get(doc)!}#${pointerFragment(pointer)}`;
      try {
        ajv.getSchema(id);
        return standaloneCode(ajv, { [exportNameOf(type)]: id });
      } catch (error) {
        // Our own failures are bugs (exit 70); what ajv refuses in a schema is the user's to fix.
        if (error instanceof UnknownValidatorError || error instanceof CodeTextError) throw error;
        diagnostics.push({
          severity: 'error',
          code: 'validator-compile-failed',
          message: `ajv cannot compile this schema: ${(error as Error).message}`,
          file: doc.displayPath,
          pointer,
          ...locatePointer(doc.text, doc.format, pointer),
        });
        return undefined;
      }
    },
  };
}

function exportNameOf(type: NamedType): string {
  return `validate${type.name}`;
}
