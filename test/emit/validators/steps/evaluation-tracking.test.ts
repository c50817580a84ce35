import { evaluationTracking } from '../../../../src/emit/validators/steps/evaluation-tracking.js';
import { edited, runStep, savedOutput, unchanged } from '../../../helpers/ajv-output.js';

describe('step evaluation-tracking', () => {
  it('removes the bookkeeping of functions whose evaluation results are static and unread', () => {
    const pet = savedOutput('basics', 'Pet');
    expect(pet.code).toContain('const evaluated0 = validate4.evaluated;');
    const { code } = runStep(pet, evaluationTracking);
    expect(code).not.toContain('evaluated');
    expect(code.split('\n').length).toBe(unchanged(pet).split('\n').length - 8);
  });

  it('removes it from every function of a module whose results are static', () => {
    const nested = savedOutput('native-refs', 'Nested');
    expect(nested.code.match(/^validate\d+\.evaluated = /gm)).toHaveLength(2);
    expect(runStep(nested, evaluationTracking).code).not.toMatch(/\.evaluated\b/);
  });

  it('keeps all of it when the module reads a function’s results elsewhere', () => {
    const nested = savedOutput('native-refs', 'Nested');
    const reading = edited(nested, 'let vErrors = null;', 'let vErrors = null; void validate1.evaluated.props;');
    const { code } = runStep(reading, evaluationTracking);
    expect(code).toBe(unchanged(reading));
  });

  it('keeps all of it when a result is dynamic', () => {
    const pet = savedOutput('basics', 'Pet');
    const dynamic = edited(pet, '"dynamicProps":false', '"dynamicProps":true');
    expect(runStep(dynamic, evaluationTracking).code).toContain('const evaluated0 = validate4.evaluated;');
  });

  it('refuses tracking of a form it does not know', () => {
    const pet = savedOutput('basics', 'Pet');
    expect(() => runStep(edited(pet, /if\(evaluated0\.dynamicItems\)\{\nevaluated0\.items = undefined;\n\}\n/, ''), evaluationTracking)).toThrow(
      'unexpected ajv output in step evaluation-tracking: evaluation tracking of an unexpected form',
    );
    expect(() => runStep(edited(pet, /validate4\.evaluated = \{[^\n]*\};/, 'validate4.evaluated = true;'), evaluationTracking)).toThrow('evaluation result of an unexpected form');
  });
});
