import { patternMarks } from '../../../../src/emit/validators/steps/pattern-marks.js';
import { edited, runStep, savedOutput, unchanged } from '../../../helpers/ajv-output.js';

describe('step pattern-marks', () => {
  const tags = savedOutput('unevaluated-marks', 'TagList');

  it("makes patternProperties' mark of an evaluated key only while the props are not `true`, as ajv's sloppy code does", () => {
    expect(tags.code).toContain('var props0 = true;');
    expect(tags.code).toContain('props0[key1] = true;');
    const { code } = runStep(tags, patternMarks);
    expect(code).toContain('if(props0 !== true){props0[key1] = true;}');
    expect(code.match(/props0\[key1\] = true;/g)).toHaveLength(1);
    // Nothing else changes.
    expect(code.replace('if(props0 !== true){props0[key1] = true;}', 'props0[key1] = true;')).toBe(unchanged(tags));
  });

  it('leaves a module without such marks as ajv wrote it', () => {
    const pet = savedOutput('basics', 'Pet');
    expect(runStep(pet, patternMarks).code).toBe(unchanged(pet));
  });

  it('refuses a mark of another form', () => {
    for (const [to, shown] of [
      ['props0[key1] = 1;', 'props0[key1] = 1'],
      ['props0[key1] |= true;', 'props0[key1] |= true'],
      ['props0[name1] = true;', 'props0[name1] = true'],
    ] as const) {
      expect(() => runStep(edited(tags, 'props0[key1] = true;', to), patternMarks)).toThrow(
        `unexpected ajv output in step pattern-marks: a mark of evaluated properties of an unexpected form: ${shown}`,
      );
    }
  });
});
