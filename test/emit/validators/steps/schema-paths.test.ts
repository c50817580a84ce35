import { schemaPaths } from '../../../../src/emit/validators/steps/schema-paths.js';
import { edited, runStep, savedOutput } from '../../../helpers/ajv-output.js';

describe('step schema-paths', () => {
  it('names the module’s own file once and joins it where used', () => {
    const pet = savedOutput('basics', 'Pet');
    const { code } = runStep(pet, schemaPaths);
    expect(code.startsWith('const schemaFile = "input/pet.json";\n')).toBe(true);
    expect(code).toContain('schemaPath:schemaFile+"#/properties/kind/enum"');
    expect(code).not.toMatch(/schemaPath:"#/);
    expect(code).toContain('schemaPath:schemaFile+"#/properties/__proto__/type"');
  });

  it('names other documents by the user’s path', () => {
    const strict = savedOutput('native-refs', 'Strict');
    expect(strict.code).toMatch(/schemaPath:"sg:\/\w+\/base\.json#\/properties\/a\/type"/);
    expect(runStep(strict, schemaPaths).code).toContain('schemaPath:"input/base.json#/properties/a/type"');
  });

  it('refuses a schema path that is not a string literal', () => {
    const pet = savedOutput('basics', 'Pet');
    expect(() => runStep(edited(pet, 'schemaPath:"#/required"', 'schemaPath:"#/" + "required"'), schemaPaths)).toThrow(
      'unexpected ajv output in step schema-paths: a schemaPath that is not a string literal',
    );
  });
});
