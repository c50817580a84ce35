import { runAllSteps, savedOutputs } from '../../helpers/ajv-output.js';

/**
 * Saved real outputs of each ajv class (test/fixtures/ajv-output/<case>/): ajv-draft-04
 * (draft-04, OpenAPI 3.0), ajv's default class (draft-06, draft-07), Ajv2019 and Ajv2020
 * (OpenAPI 3.1, and a ref across dialects). Every step handles every one of them;
 * what each class writes differently is checked where the steps edit it.
 */
const CLASS_CASES = ['draft-04', 'draft-06', 'draft-07', 'draft-2019-09', 'openapi-3.0', 'openapi-3.1', 'cross-dialect'];

const bodyOf = (caseName: string, typeName: string) => {
  const output = savedOutputs(caseName).get(typeName);
  if (!output) throw new Error(`test setup: no saved output ${caseName}/${typeName}`);
  return { output, module: runAllSteps(output) };
};

describe('the steps on every ajv class', () => {
  it.each(CLASS_CASES)('%s: every saved output becomes a module (no require, no ajv comments, the export named)', (caseName) => {
    const outputs = savedOutputs(caseName);
    expect(outputs.size).toBeGreaterThan(0);
    for (const [typeName, output] of outputs) {
      const { body, exportAt } = runAllSteps(output);
      expect(body).not.toContain('require(');
      expect(body).not.toContain('sourceURL');
      expect(body).not.toContain('"use strict"');
      expect(body).toContain(`export function validate${typeName}(data, `);
      // Where the export is, as recorded from the tree: the one line a scoped copy edits.
      expect(body.slice(exportAt)).toMatch(new RegExp(`^export function validate${typeName}\\(data, `));
      expect(body.indexOf('export ')).toBe(exportAt);
    }
  });

  it('draft-04 (ajv-draft-04): the signature without a dynamic scope is shortened; boolean exclusive bounds; the caller of a $ref with siblings is a plain call', () => {
    const { output, module } = bodyOf('draft-04', 'Reading');
    expect(output.code).toContain('function validate0(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){');
    expect(module.body).toContain('export function validateReading(data, instancePath=""){');
    expect(module.body).toContain('if(data0 >= 100 || isNaN(data0)){');
    expect(module.body).toContain('if(data0 <= 0 || isNaN(data0)){');
    // `$ref` + `maxLength` in draft-04: only the call, and no copy of the caller schema.
    expect(output.code).toContain('const schema1 = {"id":"sg:/validators/validateUnit","x-schema-gen-validator":"validateUnit"};');
    expect(module.body).toContain('if(!(validateUnit(data.unit))){');
    expect(module.body).not.toContain('x-schema-gen-validator');
    expect(module.body).not.toContain('maxLength');
    expect(module.externalValidators).toEqual(['validateUnit']);
    expect(module.body).toContain('const pattern0 = new RegExp("guard\\\\-2\\\\.x\\\\.x", "");');
  });

  it('draft-06 (ajv with the draft-06 meta-schema): const, contains, propertyNames; no if/then', () => {
    const { module } = bodyOf('draft-06', 'Tagged');
    expect(module.body).toContain('keyword:"contains"');
    expect(module.body).toContain('keyword:"propertyNames"');
    expect(module.body).toContain('keyword:"const"');
    expect(module.body).not.toContain('keyword:"if"');
  });

  it('draft-07 (ajv): tuple items with additionalItems, dependencies, if/then/else; $ref with siblings calls only the target', () => {
    const { module } = bodyOf('draft-07', 'Config');
    for (const keyword of ['additionalItems', 'dependencies', 'if', 'required']) expect(module.body).toContain(`keyword:"${keyword}"`);
    expect(module.body).toContain('if(!(validateName(data.name))){');
    expect(module.body).not.toContain('/properties/mode/type');
    expect(bodyOf('draft-07', 'Name').module.runtimeHelpers).toEqual(['ucs2length']);
  });

  it('2019-09 (Ajv2019): $recursiveRef keeps the full signature and its dynamic scope; static evaluation results go', () => {
    const strict = bodyOf('draft-2019-09', 'StrictTree').module.body;
    expect(strict).toContain('dynamicAnchors={}}={}');
    expect(strict).toContain('dynamicAnchors[""]');
    expect(strict).toContain('.evaluated');
    const order = bodyOf('draft-2019-09', 'Order');
    expect(order.output.code).toContain('validate0.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};');
    expect(order.module.body).not.toContain('.evaluated');
    expect(order.module.body).toContain('keyword:"unevaluatedProperties"');
    expect(order.module.body).toContain('#/properties/lines/additionalItems/type');
  });

  it('OpenAPI 3.0 (ajv-draft-04): nullable admits null beside type; discriminator is an annotation', () => {
    const { module } = bodyOf('openapi-3.0', 'Pet');
    expect(module.body).toContain('if((typeof data0 !== "string") && (data0 !== null)){');
    expect(module.body).not.toContain('discriminator');
  });

  it('OpenAPI 3.1 (Ajv2020): prefixItems, type lists', () => {
    const { module } = bodyOf('openapi-3.1', 'Shape');
    expect(module.body).toContain('keyword:"items"');
    expect(module.body).toContain('(data1 !== null)');
  });

  it('a ref across dialects is a call in both directions', () => {
    expect(bodyOf('cross-dialect', 'Catalog').module.externalValidators).toEqual(['validateEntry', 'validatePair']);
    expect(bodyOf('cross-dialect', 'Legacy').module.externalValidators).toEqual(['validateCatalog']);
    expect(bodyOf('cross-dialect', 'Pair').module.body).toContain('keyword:"additionalItems"');
  });
});
