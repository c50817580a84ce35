import { countedNames } from '../../../../src/emit/validators/steps/counted-names.js';
import { exportName } from '../../../../src/emit/validators/steps/export-name.js';
import { keywordAliases } from '../../../../src/emit/validators/steps/keyword-aliases.js';
import { preamble } from '../../../../src/emit/validators/steps/preamble.js';
import { runtimeImports } from '../../../../src/emit/validators/steps/runtime-imports.js';
import { edited, runStep, savedOutput } from '../../../helpers/ajv-output.js';

describe('step counted-names', () => {
  const thing = savedOutput('names', 'Thing');

  it('renumbers module-level bindings per module and prefix, in order of first use', () => {
    const pet = savedOutput('basics', 'Pet');
    expect(pet.code).toMatch(/^const schema4 = /m);
    expect(pet.code).toMatch(/^const formats2 = /m);
    const { code } = runStep(pet, countedNames, [preamble, exportName]);
    expect(code).toMatch(/^const schema0 = /m);
    expect(code).toMatch(/^const func0 = Object.prototype.hasOwnProperty;\nconst func1 = require\("ajv\/dist\/runtime\/ucs2length"\)/m);
    expect(code).toMatch(/^const formats1 = \/\^\[a-z0-9/m);
    expect(code).toMatch(/if\(!\(formats1\.test\(data\d+\)\)\)\{/);
    expect(code).toContain('params:{allowedValues: schema0.properties.kind.enum}');
  });

  it('never renames property names (or strings) spelled like ajv’s bindings', () => {
    const { code } = runStep(thing, countedNames, [preamble, exportName]);
    for (const name of ['func2', 'root1', 'schema7', 'obj1', 'keyword1', 'pattern3', 'validate0']) {
      expect(code).toContain(`if(data.${name} !== undefined){`);
      expect(code).toContain(`instancePath:instancePath+"/${name}"`);
    }
    expect(code).toContain('export function validateThing(data');
    expect(code).toContain('validateThing.errors = vErrors;');
  });

  it('renames references together with the declaration, in every function of the module', () => {
    const nested = savedOutput('native-refs', 'Nested');
    const { code } = runStep(nested, countedNames, [preamble, exportName]);
    expect(code).toContain('const wrapper0 = {validate: validateNested};');
    expect(code).toContain('const wrapper1 = {validate: validate0};');
    expect(code).toContain('function validate0(data');
    expect(code).toContain('if(!(validate0(data.node, {');
  });

  it('gives fixed names from other steps (runtime helpers, other modules’ validators)', () => {
    const pet = savedOutput('basics', 'Pet');
    const { code } = runStep(pet, countedNames, [preamble, runtimeImports, exportName, keywordAliases]);
    expect(code).toContain('if(!(validateOwner(data.owner))){');
    expect(code).toMatch(/ucs2length\(data\d+\) > 40/);
    expect(code).toMatch(/^const formats0 = formats\.date;$/m);
    expect(code).toMatch(/^const formats1 = \/\^\[a-z0-9/m);
  });

  it('refuses a local that shadows a module-level binding', () => {
    expect(() => runStep(edited(thing, 'let vErrors = null;', 'let vErrors = null; let pattern0 = 1;'), countedNames, [preamble, exportName])).toThrow(
      'unexpected ajv output in step counted-names: a local "pattern0" shadows the module-level binding of that name',
    );
  });

  it('refuses a renaming that would collide with a name the code uses', () => {
    const pet = savedOutput('basics', 'Pet');
    // `schema4` becomes `schema0`, which the code would then also mean as something else.
    const clash = edited(pet, 'let vErrors = null;', 'let vErrors = null; void schema0;');
    expect(() => runStep(clash, countedNames, [preamble, runtimeImports, exportName, keywordAliases])).toThrow(
      'unexpected ajv output in step counted-names: renaming "schema4" to "schema0" collides with a name the code uses',
    );
  });
});
