import { errorPushes } from '../../../../src/emit/validators/steps/error-pushes.js';
import { edited, runStep, savedOutput, unchanged } from '../../../helpers/ajv-output.js';

describe('step error-pushes', () => {
  it('writes each recorded error in one statement', () => {
    const pet = savedOutput('basics', 'Pet');
    const pushes = pet.code.match(/vErrors\.push\(err\d+\)/g)!.length;
    expect(pushes).toBeGreaterThan(10);
    const { code } = runStep(pet, errorPushes);
    expect(code).not.toContain('if(vErrors === null)');
    expect(code.match(/^\(vErrors \?\?= \[\]\)\.push\(err\d+\);$/gm)).toHaveLength(pushes);
  });

  it('has nothing to do when validators stop at the first error', () => {
    const item = savedOutput('first-error', 'Item');
    expect(item.code).not.toContain('vErrors.push');
    expect(runStep(item, errorPushes).code).toBe(unchanged(item));
  });

  it('refuses a vErrors.push outside the pattern', () => {
    const pet = savedOutput('basics', 'Pet');
    expect(() => runStep(edited(pet, /else \{\nvErrors\.push\((err0)\);\n\}/, 'else {\nvErrors.push($1, $1);\n}'), errorPushes)).toThrow(
      /unexpected ajv output in step error-pushes: \d+ vErrors.push calls, of which \d+ in the recording pattern/,
    );
  });
});
