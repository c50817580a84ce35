import type { NamedType, TypeModel } from '../../model/index.js';
import type { ResolvedGraph } from '../../resolve/index.js';
import { validatorCompiler } from './compiler.js';
import type { ValidatorOptions } from './index.js';
import type { ModuleCodeSettings } from './module-code.js';
import { ValidatorRun } from './run.js';

/**
 * ajv's own standalone output for each named schema, before our transformation, with
 * the settings the transformation gets: for the scripts and tests that keep real ajv
 * outputs (test/fixtures/ajv-output/).
 */
export function standaloneOutputs(graph: ResolvedGraph, model: TypeModel, options: ValidatorOptions): { type: NamedType; code: string; settings: ModuleCodeSettings }[] {
  const run = new ValidatorRun(graph, model, options);
  const compiler = validatorCompiler(run);
  return model.types.flatMap((type) => {
    const code = compiler.standalone(type);
    return code === undefined ? [] : [{ type, code, settings: run.settingsOf(type) }];
  });
}
