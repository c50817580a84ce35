import { preamble } from '../../../../src/emit/validators/steps/preamble.js';
import { schemaConstants } from '../../../../src/emit/validators/steps/schema-constants.js';
import { edited, runStep, savedOutput } from '../../../helpers/ajv-output.js';

describe('step schema-constants', () => {
  it('keeps only what the code reads of a schema copy', () => {
    const thing = savedOutput('names', 'Thing');
    // The copy ajv compiled (annotations already dropped) holds every property; the code reads only root1's enum.
    expect(thing.code).toMatch(/const schema\d+ = \{"type":"object","properties":\{"func2":/);
    const { code } = runStep(thing, schemaConstants);
    expect(code).toMatch(/const schema(\d+) = \{"properties":\{"root1":\{"enum":\["admin","user"\]\}\}\};/);
  });

  it('drops constants nothing reads', () => {
    const tree = savedOutput('basics', 'Tree');
    expect(tree.code).toMatch(/^const schema0 = /m);
    expect(runStep(tree, schemaConstants).code).not.toMatch(/const schema\d+ =/);
  });

  it('writes __proto__ keys as computed keys (own properties), from the data and from the property stand-in', () => {
    const pet = savedOutput('basics', 'Pet');
    const { code } = runStep(pet, schemaConstants);
    const declaration = /^const schema4 = (.*);$/m.exec(code)![1]!;
    expect(declaration).toContain('"meta":{"const":{["__proto__"]:{"x":1}}}');
    expect(declaration).toContain('["__proto__"]:{"type":"number"}');
    expect(declaration).not.toContain(pet.settings.protoStandIn);
    // Evaluated, the constant has own __proto__ properties with the schema's values.
    const value = new Function(`return ${declaration}`)() as { properties: Record<string, unknown> };
    expect(Object.hasOwn(value.properties, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(value.properties)).toBe(Object.prototype);
    expect(JSON.stringify(value.properties['meta'])).toBe('{"const":{"__proto__":{"x":1}}}');
  });

  it('keeps the whole constant when the code reads it whole', () => {
    const pet = savedOutput('basics', 'Pet');
    const whole = edited(pet, 'let vErrors = null;', 'let vErrors = null; void schema4;');
    expect(runStep(whole, schemaConstants, [preamble]).code).toMatch(/const schema4 = \{"type":"object","required":\["name","toString"\]/);
  });

  it('refuses a constant that is not JSON', () => {
    const pet = savedOutput('basics', 'Pet');
    expect(() => runStep(edited(pet, /const schema4 = \{/, 'const schema4 = {get x(){ return 1 }, '), schemaConstants)).toThrow(
      'unexpected ajv output in step schema-constants: a schema constant is not JSON',
    );
  });
});
