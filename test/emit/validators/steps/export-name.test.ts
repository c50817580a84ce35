import { exportName } from '../../../../src/emit/validators/steps/export-name.js';
import { STEPS, finish, transformContext } from '../../../../src/emit/validators/module-code.js';
import { edited, runAllSteps, runStep, savedOutput } from '../../../helpers/ajv-output.js';

describe('step export-name', () => {
  const pet = savedOutput('basics', 'Pet');

  it('exports the function itself and gives it the export name', () => {
    expect(pet.code).toContain('export const validatePet = validate4;');
    const { code, context } = runStep(pet, exportName);
    expect(code).not.toContain('export const');
    expect(code).toContain('export function validate4(data');
    expect(context.renames.get('validate4')).toBe('validatePet');
    expect(context.exportedAt).toBe(pet.code.indexOf('function validate4('));
  });

  it('gives the offset of the export in the finished body, and fails loudly when the recorded place is not the export', () => {
    const { body, exportAt } = runAllSteps(pet);
    expect(body.slice(exportAt, exportAt + 'export function validatePet('.length)).toBe('export function validatePet(');
    const context = transformContext(pet.code, pet.settings);
    for (const step of STEPS) step.run(context);
    context.exportedAt = 0;
    expect(() => finish(context)).toThrow('unexpected ajv output in step export-name');
  });

  it('refuses a module with two exports', () => {
    expect(() => runStep(edited(pet, 'export const validatePet = validate4;', 'export const validatePet = validate4;\nexport const other = validate4;'), exportName)).toThrow(
      'unexpected ajv output in step export-name: 2 exports where one was expected',
    );
  });

  it('refuses an export of something that is not a function of the module', () => {
    expect(() => runStep(edited(pet, 'export const validatePet = validate4;', 'export const validatePet = schema4;'), exportName)).toThrow('which is not a function of the module');
  });

  it('refuses an export name that is not a safe identifier', () => {
    expect(() => runStep({ ...pet, settings: { ...pet.settings, exportName: 'eval' } }, exportName)).toThrow('refusing to write "eval" as an identifier');
  });
});
