import { ownProperties } from '../../../../src/emit/validators/steps/own-properties.js';
import { edited, runStep, savedOutput } from '../../../helpers/ajv-output.js';

describe('step own-properties', () => {
  const thing = savedOutput('names', 'Thing');
  const standIn = thing.settings.protoStandIn;

  it('reads inherited names and the __proto__ stand-in as own properties of the data', () => {
    const { code } = runStep(thing, ownProperties);
    expect(code).toContain('(Object.hasOwn(data, "constructor") ? data.constructor : undefined)');
    expect(code).toContain('(Object.hasOwn(data, "toString") ? data.toString : undefined)');
    expect(code).toContain('(Object.hasOwn(data, "__proto__") ? data.__proto__ : undefined)');
    expect(code).not.toContain(`data.${standIn}`);
  });

  it('leaves other property reads as ajv wrote them, whatever they are called', () => {
    const { code } = runStep(thing, ownProperties);
    for (const name of ['func2', 'root1', 'schema7', 'obj1', 'keyword1', 'pattern3', 'validate0', 'data', 'errors', 'vErrors']) {
      expect(code).toContain(`if(data.${name} !== undefined){`);
    }
  });

  it('refuses a write to an inherited name of the data', () => {
    expect(() => runStep(edited(thing, 'let vErrors = null;', 'let vErrors = null; data.constructor = 1;'), ownProperties)).toThrow(
      'unexpected ajv output in step own-properties: the data\'s "constructor" is not only read',
    );
  });
});
