import { keywordAliases } from '../../../../src/emit/validators/steps/keyword-aliases.js';
import { edited, runStep, savedOutput } from '../../../helpers/ajv-output.js';

describe('step keyword-aliases', () => {
  const tree = savedOutput('basics', 'Tree');

  it('calls other validators by their own names; a call to itself is not an import', () => {
    const { code, context } = runStep(tree, keywordAliases);
    expect(code).not.toMatch(/const keyword\d+ =/);
    expect(context.renames).toEqual(
      new Map([
        ['keyword0', 'validateTree'],
        ['keyword1', 'validateLeafList'],
        ['keyword2', 'validateNode'],
      ]),
    );
    expect(context.externalValidators).toEqual(new Set(['validateLeafList', 'validateNode']));
  });

  it('refuses an alias of a name that is not one of the run’s validators', () => {
    expect(() => runStep(edited(tree, 'const keyword1 = validateLeafList;', 'const keyword1 = eval;'), keywordAliases)).toThrow(
      'unexpected ajv output in step keyword-aliases: keyword1 is eval, which is not a validator of this run',
    );
  });

  it('refuses an alias that is not a plain name', () => {
    expect(() => runStep(edited(tree, 'const keyword1 = validateLeafList;', 'const keyword1 = validateLeafList.bind(null);'), keywordAliases)).toThrow('a keyword value of an unexpected form');
  });
});
