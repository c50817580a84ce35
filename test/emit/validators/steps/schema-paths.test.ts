import { exportName } from '../../../../src/emit/validators/steps/export-name.js';
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

  it('names the schema a function other than the exported one was compiled from (a referenced schema ajv does not inline)', () => {
    // StrictTree ($ref to tree.json, unevaluatedProperties) calls Tree's function, validate2, compiled from tree.json.
    const strict = savedOutput('draft-2019-09', 'StrictTree');
    expect(strict.settings.functionPlaces?.get('validate2')).toBe('input/tree.json#');
    const shown = runStep(strict, schemaPaths, [exportName]).code;
    expect(shown).toContain('schemaPath:"input/tree.json#/properties/children/type"');
    expect(shown).toContain('schemaPath:schemaFile+"#/unevaluatedProperties"');
    expect(shown).not.toContain('schemaFile+"#/properties/children/type"');
    // Nested's own document, but a function of its $defs/node: paths are that schema's.
    const nested = savedOutput('native-refs', 'Nested');
    expect(runStep(nested, schemaPaths, [exportName]).code).toContain('schemaPath:"input/nested.json#/$defs/node/type"');
  });

  it('leaves the paths of a function of a document we did not give ajv as ajv wrote them', () => {
    const strict = savedOutput('draft-2019-09', 'StrictTree');
    const withoutPlaces = { ...strict, settings: { ...strict.settings, functionPlaces: new Map<string, string>() } };
    expect(runStep(withoutPlaces, schemaPaths, [exportName]).code).toContain('schemaPath:"#/properties/children/type"');
  });

  it('refuses a schema path outside every function (ajv writes them only inside its functions)', () => {
    const pet = savedOutput('basics', 'Pet');
    expect(() => runStep(edited(pet, /^/, 'const stray = {schemaPath:"#/type"};\n'), schemaPaths, [exportName])).toThrow(
      'unexpected ajv output in step schema-paths: a schema path outside every function',
    );
  });

  it('refuses a schema path that is not a string literal', () => {
    const pet = savedOutput('basics', 'Pet');
    expect(() => runStep(edited(pet, 'schemaPath:"#/required"', 'schemaPath:"#/" + "required"'), schemaPaths)).toThrow(
      'unexpected ajv output in step schema-paths: a schemaPath that is not a string literal',
    );
  });
});
