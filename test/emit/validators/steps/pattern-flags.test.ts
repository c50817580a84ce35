import { patternFlags } from '../../../../src/emit/validators/steps/pattern-flags.js';
import { edited, runStep, savedOutput, unchanged } from '../../../helpers/ajv-output.js';

describe('step pattern-flags', () => {
  // Draft-04 as written for other engines: `guard\-2\.x\.x` and `^x\-` are invalid with the u flag.
  const reading = savedOutput('draft-04', 'Reading');

  it('writes the flags ajv writes without unicodeRegExp ("") for exactly the patterns invalid with u', () => {
    expect(reading.code).toContain('const pattern0 = new RegExp("guard\\\\-2\\\\.x\\\\.x", "u");');
    const { code } = runStep(reading, patternFlags);
    expect(code).toContain('const pattern0 = new RegExp("guard\\\\-2\\\\.x\\\\.x", "");');
    expect(code).toContain('const pattern1 = new RegExp("^x\\\\-", "");');
  });

  it('leaves patterns valid with u as ajv wrote them', () => {
    const tagged = savedOutput('draft-06', 'Tagged');
    expect(tagged.code).toContain('new RegExp("^[a-z]+$", "u")');
    expect(runStep(tagged, patternFlags).code).toBe(unchanged(tagged));
  });

  it('refuses a regular expression of another shape', () => {
    expect(() => runStep(edited(reading, 'new RegExp("^x\\\\-", "u")', 'new RegExp("^x\\\\-", "ug")'), patternFlags)).toThrow(
      'unexpected ajv output in step pattern-flags: a regular expression of an unexpected form: new RegExp("^x\\\\-", "ug")',
    );
    expect(() => runStep(edited(reading, 'new RegExp("^x\\\\-", "u")', 'new RegExp(data, "u")'), patternFlags)).toThrow('a regular expression of an unexpected form');
  });
});
