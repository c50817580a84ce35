import type { NamedType, TypeModel } from '../../model/index.js';
import type { ResolvedGraph } from '../../resolve/index.js';
import { validatorCompiler } from './compiler.js';
import type { ValidatorOptions } from './index.js';
import type { ModuleCodeSettings } from './module-code.js';
import { ValidatorRun } from './run.js';
import { AjvOutput } from './transform/ajv-output.js';

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
    return code === undefined ? [] : [{ type, code, settings: compiler.settingsOf(type) }];
  });
}

/**
 * The settings of one saved output as the fixtures keep them (test/fixtures/ajv-output/
 * <case>/output/<Type>.settings.json): maps and sets as sorted JSON, and of the function
 * places only those of the functions the output declares.
 */
export function settingsJson(settings: ModuleCodeSettings, code: string): string {
  const declared = new AjvOutput(code).program.body.flatMap((s) => (s.type === 'FunctionDeclaration' ? [s.id.name] : []));
  const places = settings.functionPlaces;
  const json = {
    ...settings,
    displayPathOfId: Object.fromEntries(settings.displayPathOfId),
    validatorNames: [...settings.validatorNames].sort(),
    functionPlaces: Object.fromEntries(declared.sort().flatMap((name) => (places?.has(name) ? [[name, places.get(name)!]] : []))),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
