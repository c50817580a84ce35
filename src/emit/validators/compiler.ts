import { locatePointer } from '../../diagnostics/position.js';
import type { SourceDocument } from '../../load/document.js';
import type { NamedType } from '../../model/index.js';
import { CodeTextError } from '../code-text.js';
import { standaloneCode, type AnyAjv } from '../../ajv/modules.js';
import type { Dialect } from '../../schema/dialect.js';
import { createAjv } from './ajv-instance.js';
import { UnknownValidatorError } from './external-ref-keyword.js';
import { FunctionPlaces } from './function-places.js';
import { toModuleCode, type ModuleCodeSettings, type ValidatorModuleCode } from './module-code.js';
import { UnsupportedSchema } from './transform/unexpected-output.js';
import { pointerFragment, reenteredResource, type RefMode } from './prepare-schemas.js';
import { exportNameOf, type ValidatorRun } from './run.js';

/**
 * What compiles a run's validators: an ajv instance per dialect and ref mode (each made
 * when a type first needs it, given the copies of the documents each type's code can
 * include as it is compiled), and the transformation of ajv's output into our module
 * code. The heavy part of the stage (ajv, acorn): loaded only when some module is not
 * in the cache.
 */
export function validatorCompiler(run: ValidatorRun) {
  const { graph, options, diagnostics, ids } = run;
  const instances = new Map<string, { ajv: AnyAjv; added: Set<SourceDocument>; callers: Set<string>; places: FunctionPlaces }>();
  /** The instance of the type's dialect and ref mode, holding (at least) the copies its compile reads. */
  const ajvFor = (type: NamedType, dialect: Dialect, mode: RefMode): AnyAjv => {
    const key = `${dialect} ${mode}`;
    let instance = instances.get(key);
    if (!instance) {
      const ajv = createAjv(graph, options, diagnostics, run.validatorNames, {}, dialect);
      instance = { ajv, added: new Set(), callers: new Set(), places: new FunctionPlaces(ajv, run.displayPathOfId) };
      instances.set(key, instance);
      if (run.mayReport(dialect, mode)) {
        // Problems are reported for every copy of the instance, in order: all are prepared (and added) now.
        const { documents, callers } = run.prepared(dialect, mode);
        // Already checked against the meta-schema by the resolve stage.
        ajv.addSchema([...documents.values(), ...callers.values()], undefined, undefined, false);
        for (const doc of graph.registry.documents) instance.added.add(doc);
        return ajv;
      }
    }
    const { ajv, added, callers } = instance;
    const copies = run.copiesFor(dialect, mode);
    for (const doc of run.inlined(type, mode)) {
      if (added.has(doc)) continue;
      added.add(doc);
      const copy = copies.copyOf(doc);
      // Already checked against the meta-schema by the resolve stage.
      if (copy) ajv.addSchema(copy, undefined, undefined, false);
      for (const [id, caller] of copies.callersOf(doc)) {
        if (callers.has(id)) continue;
        callers.add(id);
        ajv.addSchema(caller, undefined, undefined, false);
      }
    }
    return ajv;
  };
  /** What our transformation of a type's standalone code needs: the run's settings, and where ajv compiled each function from. */
  const settingsOf = (type: NamedType): ModuleCodeSettings => {
    const places = instances.get(`${run.dialectOf(type)} ${run.modeOf(type)}`)?.places.current();
    return { ...run.settingsOf(type), ...(places ? { functionPlaces: places } : {}) };
  };
  return {
    settingsOf,
    /** Our module code from ajv's; undefined (with a diagnostic) for a schema the steps cannot support. */
    transform(type: NamedType, standalone: string): ValidatorModuleCode | undefined {
      try {
        return toModuleCode(standalone, settingsOf(type));
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
      const dialect = run.dialectOf(type);
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
      const ajv = ajvFor(type, dialect, run.modeOf(type));
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

export type ValidatorCompiler = ReturnType<typeof validatorCompiler>;
