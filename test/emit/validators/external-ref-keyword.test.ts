import { createAjv } from '../../../src/emit/validators/ajv-instance.js';
import { standaloneCode } from '../../../src/ajv/modules.js';
import { EXTERNAL_REF_KEYWORD, UnknownValidatorError } from '../../../src/emit/validators/external-ref-keyword.js';
import type { ResolvedGraph } from '../../../src/resolve/index.js';

// Input cannot hold the keyword (test/resolve/reserved-keys.test.ts); if anything ever
// gave it a value that is not one of the run's validators, compilation must stop rather
// than write that value into code.
const graph = { registry: { documents: [] } } as unknown as ResolvedGraph;
const options = { allErrors: true, formats: 'assert' } as const;

describe('the external-ref keyword', () => {
  it('writes a call to a validator of the run’s table', () => {
    const ajv = createAjv(graph, options, [], ['validatePet']);
    ajv.addSchema({ $id: 'sg:/x/a.json', properties: { pet: { [EXTERNAL_REF_KEYWORD]: 'validatePet' } } });
    ajv.getSchema('sg:/x/a.json');
    const code = standaloneCode(ajv, { validateA: 'sg:/x/a.json' });
    expect(code).toMatch(/^const keyword\d+ = validatePet;$/m);
  });

  it('stops on any other value: nothing from a schema becomes a name in code', () => {
    for (const value of ['eval', 'Function', 'validateOther', 'x;alert(1)']) {
      const ajv = createAjv(graph, options, [], ['validatePet']);
      expect(() => ajv.compile({ properties: { cmd: { [EXTERNAL_REF_KEYWORD]: value } } })).toThrow(UnknownValidatorError);
    }
  });

  it('refuses a table entry that is not a safe identifier', () => {
    expect(() => createAjv(graph, options, [], ['eval'])).toThrow('refusing to write "eval" as an identifier');
  });
});
