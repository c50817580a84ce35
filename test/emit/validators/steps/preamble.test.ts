import { preamble } from '../../../../src/emit/validators/steps/preamble.js';
import { edited, runStep, savedOutput, unchanged } from '../../../helpers/ajv-output.js';

describe('step preamble', () => {
  const pet = savedOutput('basics', 'Pet');

  it('removes "use strict" and the sourceURL line of each function, nothing else', () => {
    expect(pet.code).toMatch(/^"use strict";/);
    expect(pet.code).toContain('/*# sourceURL=');
    const { code } = runStep(pet, preamble);
    expect(code).not.toContain('use strict');
    expect(code).not.toContain('sourceURL');
    expect(code.split('\n').length).toBe(unchanged(pet).split('\n').length - 2);
  });

  it('removes every sourceURL line of a module with several functions', () => {
    const nested = savedOutput('native-refs', 'Nested');
    expect(nested.code.match(/^function /gm)).toHaveLength(2);
    expect(runStep(nested, preamble).code).not.toContain('sourceURL');
  });

  it('stops at a comment ajv does not write', () => {
    expect(() => runStep(edited(pet, 'let vErrors = null;', '/* a comment */ let vErrors = null;'), preamble)).toThrow('unexpected ajv output in step preamble: a comment ajv does not write');
  });

  it('stops at a sourceURL comment not followed by ";"', () => {
    expect(() => runStep(edited(pet, /(sourceURL="[^"]*" \*\/);/, '$1'), preamble)).toThrow('unexpected ajv output in step preamble');
  });
});
