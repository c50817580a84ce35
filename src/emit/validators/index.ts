import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { locatePointer } from '../../diagnostics/position.js';
import type { NamedType, TypeModel } from '../../model/index.js';
import type { ResolvedGraph } from '../../resolve/index.js';
import { CodeTextError } from '../code-text.js';
import { standaloneCode, type AnyAjv } from '../../ajv/modules.js';
import type { Dialect } from '../../schema/dialect.js';
import { dialectAt } from '../../schema/dialect-regions.js';
import { createAjv } from './ajv-instance.js';
import { moduleKeys } from './cache-key.js';
import type { ValidatorCache } from './cache.js';
import { UnknownValidatorError } from './external-ref-keyword.js';
import { toModuleCode, type ModuleCodeSettings, type ValidatorModuleCode } from './module-code.js';
import { UnsupportedSchema } from './transform/unexpected-output.js';
import { assignAjvIds, needsNativeRefs, pointerFragment, prepareSchemas, reenteredResource, type PreparedSchemas, type RefMode } from './prepare-schemas.js';
import type { UnicodePatterns } from '../../schema/patterns.js';
import { chooseProtoStandIn } from './proto-stand-in.js';

export type { ValidatorModuleCode } from './module-code.js';
export { MemoryValidatorCache, type ValidatorCache } from './cache.js';
export { createAjv } from './ajv-instance.js';
export type { RunTimeValidators } from './external-ref-keyword.js';

export interface ValidatorOptions {
  /** Report every problem (true) or stop at the first (false). */
  allErrors: boolean;
  /** `assert`: check the formats ajv-formats knows; `annotate`: formats are annotations only (2020-12 default). */
  formats: 'assert' | 'annotate';
  /** Schemas whose keywords imply a kind (`properties` without `type`) check that kind. */
  assumeTypes?: boolean;
  /** Patterns valid only without the `u` flag: compiled without it (`fallback`, default) or refused (`require`). */
  unicodePatterns?: UnicodePatterns;
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

/**
 * One run's shared state: ajv ids, and per dialect and ref mode the prepared schemas and
 * an ajv instance (each made when a type first needs it); settings, cache keys.
 */
function validatorRun(graph: ResolvedGraph, model: TypeModel, options: ValidatorOptions) {
  const diagnostics: Diagnostic[] = [];
  const ids = assignAjvIds(graph.registry.documents);
  const displayPathOfId = new Map([...ids].map(([doc, id]) => [id, doc.displayPath]));
  const validatorNames = new Set(model.types.map(exportNameOf));
  const protoStandIn = chooseProtoStandIn(graph.registry.documents, ids.values());
  const prepared = new Map<string, PreparedSchemas>();
  const preparedFor = (dialect: Dialect, mode: RefMode): PreparedSchemas => {
    const key = `${dialect} ${mode}`;
    let schemas = prepared.get(key);
    if (!schemas) {
      prepared.set(key, (schemas = prepareSchemas(graph, model, ids, dialect, mode, { protoStandIn, assumeTypes: options.assumeTypes })));
      diagnostics.push(...schemas.diagnostics);
    }
    return schemas;
  };
  const instances = new Map<string, AnyAjv>();
  const ajvFor = (dialect: Dialect, mode: RefMode): AnyAjv => {
    const key = `${dialect} ${mode}`;
    let ajv = instances.get(key);
    if (!ajv) {
      ajv = createAjv(graph, options, diagnostics, validatorNames, {}, dialect);
      const { documents, callers } = preparedFor(dialect, mode);
      // Already checked against the meta-schema by the resolve stage.
      ajv.addSchema([...documents.values(), ...callers.values()], undefined, undefined, false);
      instances.set(key, ajv);
    }
    return ajv;
  };
  const modeOf = (type: NamedType): RefMode => (needsNativeRefs(type.location.doc) ? 'native' : 'external');
  const dialectOf = (type: NamedType): Dialect => dialectAt(type.location.doc, type.location.pointer);
  const keys = moduleKeys(graph, model, options, (dialect, mode) => preparedFor(dialect, mode).documents, protoStandIn);
  return {
    diagnostics,
    keyOf: (type: NamedType) => keys(type, dialectOf(type), modeOf(type)),
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
      const dialect = dialectOf(type);
      const reentered = reenteredResource(doc, pointer, dialect);
      if (reentered) {
        diagnostics.push({
          severity: 'error',
          code: 'validator-dialect-nesting',
          message: `cannot generate a validator for this schema: it is read as ${dialect} inside ${reentered.pointer}, read as ${reentered.dialect}, inside a schema read as ${dialect} again`,
          file: doc.displayPath,
          pointer,
          ...locatePointer(doc.text, doc.format, pointer),
          hint: 'move it out of the other dialect\'s schema (e.g. into the outer "definitions") and refer to it with $ref, or generate types only (--types-only)',
        });
        return undefined;
      }
      const ajv = ajvFor(dialect, modeOf(type));
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
