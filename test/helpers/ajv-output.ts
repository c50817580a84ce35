import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidatorOptions } from '../../src/emit/validators/index.js';
import { settingsJson, standaloneOutputs } from '../../src/emit/validators/standalone-outputs.js';
import { STEPS, finish, transformContext, type ModuleCodeSettings } from '../../src/emit/validators/module-code.js';
import type { Step, TransformContext } from '../../src/emit/validators/transform/context.js';
import { loadDocuments } from '../../src/load/index.js';
import { buildTypeModel } from '../../src/model/index.js';
import { resolveDocuments } from '../../src/resolve/index.js';
import { FIXTURES } from './paths.js';

/** Saved real ajv outputs: test/fixtures/ajv-output/<case>/{input,output}/ (see scripts/update-ajv-output.js). */
export const AJV_OUTPUT = join(FIXTURES, 'ajv-output');

export interface SavedOutput {
  caseName: string;
  typeName: string;
  code: string;
  settings: ModuleCodeSettings;
}

interface SettingsJson extends Omit<ModuleCodeSettings, 'displayPathOfId' | 'validatorNames' | 'functionPlaces'> {
  displayPathOfId: Record<string, string>;
  validatorNames: string[];
  functionPlaces: Record<string, string>;
}

export function savedCases(): string[] {
  return readdirSync(AJV_OUTPUT)
    .filter((name) => existsSync(join(AJV_OUTPUT, name, 'input')))
    .sort();
}

/** The saved outputs of a case, by type name. */
export function savedOutputs(caseName: string): Map<string, SavedOutput> {
  const dir = join(AJV_OUTPUT, caseName, 'output');
  const outputs = new Map<string, SavedOutput>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()) {
    const typeName = file.slice(0, -'.js'.length);
    const json = JSON.parse(readFileSync(join(dir, `${typeName}.settings.json`), 'utf8')) as SettingsJson;
    const settings: ModuleCodeSettings = {
      ...json,
      displayPathOfId: new Map(Object.entries(json.displayPathOfId)),
      validatorNames: new Set(json.validatorNames),
      functionPlaces: new Map(Object.entries(json.functionPlaces)),
    };
    outputs.set(typeName, { caseName, typeName, code: readFileSync(join(dir, file), 'utf8'), settings });
  }
  return outputs;
}

export function savedOutput(caseName: string, typeName: string): SavedOutput {
  const output = savedOutputs(caseName).get(typeName);
  if (!output) throw new Error(`no saved ajv output ${caseName}/${typeName}`);
  return output;
}

/** What the pinned ajv writes for a case today, in the saved files' form. */
export async function currentOutputs(caseName: string): Promise<{ typeName: string; code: string; settingsJson: string }[]> {
  const dir = join(AJV_OUTPUT, caseName);
  const optionsFile = join(dir, 'options.json');
  const options: ValidatorOptions = { allErrors: true, formats: 'assert', ...(existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as Partial<ValidatorOptions>) : {}) };
  const loaded = await loadDocuments({ inputs: ['input'], components: [], cwd: dir });
  const graph = resolveDocuments(loaded.documents, { roots: loaded.roots, allowRemote: false, mappedPrefixes: [] });
  const model = buildTypeModel(graph, { additionalProperties: 'none', renames: {} });
  return standaloneOutputs(graph, model, options).map(({ type, code, settings }) => ({ typeName: type.name, code, settingsJson: settingsJson(settings, code) }));
}

/**
 * Run one step (and, first, the steps it needs: `after`) on an output, and show the code
 * with the edits recorded so far, unindented.
 */
export function runStep(output: { code: string; settings: ModuleCodeSettings }, step: Step, after: Step[] = []): { code: string; context: TransformContext } {
  const context = transformContext(output.code, output.settings);
  for (const before of after) before.run(context);
  step.run(context);
  return { code: context.edits.apply(() => ''), context };
}

/** The output as runStep shows it with no step at all: the baseline for "nothing changed". */
export function unchanged(output: { code: string; settings: ModuleCodeSettings }): string {
  return runStep(output, { name: 'none', run: () => undefined }).code;
}

/** All steps, through `finish`: the module body as schema-gen writes it. */
export function runAllSteps(output: { code: string; settings: ModuleCodeSettings }): ReturnType<typeof finish> {
  const context = transformContext(output.code, output.settings);
  for (const step of STEPS) step.run(context);
  return finish(context);
}

/** The same output with one piece of text replaced (it must occur): for shapes a step must refuse. */
export function edited<T extends { code: string }>(output: T, from: string | RegExp, to: string): T {
  const code = output.code.replace(from, to);
  if (code === output.code) throw new Error(`test setup: ${String(from)} not found in the saved output`);
  return { ...output, code };
}
