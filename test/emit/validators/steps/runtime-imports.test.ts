import { runtimeImports } from '../../../../src/emit/validators/steps/runtime-imports.js';
import { edited, runStep, savedOutput } from '../../../helpers/ajv-output.js';

describe('step runtime-imports', () => {
  const pet = savedOutput('basics', 'Pet');

  it('turns every require into a runtime helper: declarations of whole helpers go, their bindings are renamed', () => {
    expect(pet.code.match(/require\(/g)).toHaveLength(3);
    const { code, context } = runStep(pet, runtimeImports);
    expect(code).not.toContain('require(');
    expect(context.renames).toEqual(
      new Map([
        ['func2', 'ucs2length'],
        ['func3', 'equal'],
      ]),
    );
    expect(context.runtimeHelpers).toEqual(new Set(['ucs2length', 'equal', 'formats']));
  });

  it('reads formats from the imported table', () => {
    expect(runStep(pet, runtimeImports).code).toContain('const formats0 = formats.date;');
  });

  it('refuses a module it does not provide', () => {
    expect(() => runStep(edited(pet, 'require("ajv/dist/runtime/equal")', 'require("child_process")'), runtimeImports)).toThrow(
      'unexpected ajv output in step runtime-imports: generated validator needs unsupported module "child_process"',
    );
  });

  it('refuses a helper read in another way than `.default`', () => {
    expect(() => runStep(edited(pet, 'require("ajv/dist/runtime/equal").default', 'require("ajv/dist/runtime/equal").other'), runtimeImports)).toThrow('unexpected ajv output in step runtime-imports');
  });

  it('refuses a require outside a module-level declaration', () => {
    expect(() => runStep(edited(pet, 'let vErrors = null;', 'let vErrors = require("ajv/dist/runtime/equal").default;'), runtimeImports)).toThrow('require outside a module-level declaration');
  });
});
