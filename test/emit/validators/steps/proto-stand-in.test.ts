import { ownProperties } from '../../../../src/emit/validators/steps/own-properties.js';
import { protoStandIn } from '../../../../src/emit/validators/steps/proto-stand-in.js';
import { schemaConstants } from '../../../../src/emit/validators/steps/schema-constants.js';
import { schemaPaths } from '../../../../src/emit/validators/steps/schema-paths.js';
import { edited, runStep, savedOutput } from '../../../helpers/ajv-output.js';

describe('step proto-stand-in', () => {
  const owner = savedOutput('basics', 'Owner');
  const standIn = owner.settings.protoStandIn;
  const after = [schemaConstants, ownProperties, schemaPaths];

  it('maps what the other steps left: error paths, params and reads of schema constants', () => {
    expect(owner.code).toContain(`instancePath:instancePath+"/${standIn}"`);
    const { code } = runStep(owner, protoStandIn, after);
    expect(code).toContain('instancePath:instancePath+"/__proto__"');
    expect(code).toContain('params:{allowedValues: schema3.properties.__proto__.enum}');
    expect(code).not.toContain(standIn);
  });

  it('maps a key of an object literal to a computed key', () => {
    const withKey = edited(owner, 'let vErrors = null;', `let vErrors = null; const seen = {"${standIn}": true, ${standIn}: 1};`);
    expect(runStep(withKey, protoStandIn, after).code).toContain('const seen = {["__proto__"]: true, ["__proto__"]: 1};');
  });

  it('reports an assignment to the stand-in as a schema it cannot support (not a bug)', () => {
    const assigning = edited(owner, 'let vErrors = null;', `let vErrors = null; const props0 = {}; props0.${standIn} = true;`);
    expect(() => runStep(assigning, protoStandIn, after)).toThrow(expect.objectContaining({ name: 'UnsupportedSchema' }));
  });

  it('refuses the stand-in as a variable name', () => {
    expect(() => runStep(edited(owner, 'let vErrors = null;', `let vErrors = null; let ${standIn} = 1;`), protoStandIn, after)).toThrow(
      'unexpected ajv output in step proto-stand-in: the stand-in as a name of the code',
    );
  });
});
