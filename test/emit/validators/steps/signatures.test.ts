import { signatures } from '../../../../src/emit/validators/steps/signatures.js';
import { edited, runStep, savedOutput, unchanged } from '../../../helpers/ajv-output.js';

const FULL = '{instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}';

describe('step signatures', () => {
  it('takes the instance path as a plain argument where nothing reads parent or root data', () => {
    const pet = savedOutput('basics', 'Pet');
    expect(pet.code).toContain(`function validate4(data, ${FULL}){`);
    expect(runStep(pet, signatures).code).toContain('function validate4(data, instancePath=""){');
  });

  it('shortens the signature of classes without a dynamic scope (draft-04 to draft-07) alike', () => {
    const reading = savedOutput('draft-04', 'Reading');
    expect(reading.code).toContain('function validate0(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){');
    expect(runStep(reading, signatures).code).toContain('function validate0(data, instancePath=""){');
  });

  it('keeps the full signature when functions pass parent and root data on', () => {
    const nested = savedOutput('native-refs', 'Nested');
    expect(nested.code).toContain('parentData:data');
    expect(runStep(nested, signatures).code).toBe(unchanged(nested));
  });

  it('shortens a function whose data has a property named like a signature parameter', () => {
    const pet = savedOutput('basics', 'Pet');
    const withProperty = edited(pet, 'let vErrors = null;', 'let vErrors = null; void data.rootData;');
    expect(runStep(withProperty, signatures).code).toContain('function validate4(data, instancePath=""){');
  });

  it('refuses a function with another signature', () => {
    const pet = savedOutput('basics', 'Pet');
    expect(() => runStep(edited(pet, FULL, '{instancePath=""}={}'), signatures)).toThrow('unexpected ajv output in step signatures: function validate4 has the signature (data, {instancePath=""}={})');
  });
});
