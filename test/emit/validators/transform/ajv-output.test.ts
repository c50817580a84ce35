import { AjvOutput } from '../../../../src/emit/validators/transform/ajv-output.js';

describe('AjvOutput: which identifiers are bindings', () => {
  const code = [
    'const schema0 = {"func0": 1};',
    'const func0 = x;',
    'function validate0(data, {instancePath="", rootData=data}={}){',
    '  let data0 = data.func0;',
    '  const err0 = {instancePath, func0: 2, schemaPath: schema0.func0};',
    '  for(const key0 in data){ if(key0 === "func0") func0.call(schema0, key0); }',
    '  lbl: for(;;){ break lbl; }',
    '  return validate0;',
    '}',
  ].join('\n');
  const ajv = new AjvOutput(code);
  const roles = (name: string) => ajv.identifiers.filter((u) => u.node.name === name).map((u) => u.role + (u.shorthand ? ' (shorthand)' : ''));

  it('module-level declarations, locals and references', () => {
    expect([...ajv.moduleBindings.keys()]).toEqual(['schema0', 'func0', 'validate0']);
    expect(roles('func0')).toEqual(['declaration', 'reference']);
    expect(roles('schema0')).toEqual(['declaration', 'reference', 'reference']);
    expect(roles('validate0')).toEqual(['declaration', 'reference']);
    expect(roles('data')).toEqual(['binding', 'reference', 'reference', 'reference']);
    expect(roles('instancePath')).toEqual(['binding', 'reference (shorthand)']);
    expect(roles('rootData')).toEqual(['binding']);
    expect(roles('key0')).toEqual(['binding', 'reference', 'reference']);
  });

  it('property names, object keys and labels are not identifiers of bindings', () => {
    expect(roles('lbl')).toEqual([]);
    expect(ajv.identifiers.some((u) => u.node.name === 'call' || u.node.name === 'schemaPath')).toBe(false);
  });

  it('reports text that is not a module as unexpected output', () => {
    expect(() => new AjvOutput('function (')).toThrow('unexpected ajv output in step parse: not a JavaScript module');
  });
});
