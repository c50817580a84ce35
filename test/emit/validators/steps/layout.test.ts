import { indentation } from '../../../../src/emit/validators/steps/layout.js';
import { AjvOutput } from '../../../../src/emit/validators/transform/ajv-output.js';
import { CodeEdits } from '../../../../src/emit/validators/transform/code-edits.js';
import { edited, savedOutput } from '../../../helpers/ajv-output.js';

describe('step layout', () => {
  it('indents two spaces per enclosing block; closing braces line up with their opening line', () => {
    const item = savedOutput('first-error', 'Item');
    const ajv = new AjvOutput(item.code);
    const code = new CodeEdits(item.code).apply(indentation(ajv));
    expect(code).toContain('function validate0(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){\n  /*# sourceURL=');
    expect(code).toContain('\n  if(errors === 0){\n    if(data && typeof data == "object" && !Array.isArray(data)){\n      let missing0;\n');
    expect(code).toContain('\n        return false;\n      }\n      else {\n        if(data.id !== undefined){\n');
    expect(code.endsWith('\n}\nvalidate0.evaluated = {"props":{"id":true,"label":true},"dynamicProps":false,"dynamicItems":false};')).toBe(true);
    // Only whitespace changed, and no blank lines are left.
    expect(code.replace(/\s+/g, '')).toBe(item.code.replace(/\s+/g, ''));
    expect(code).not.toMatch(/\n\s*\n/);
  });

  it('refuses a template literal spanning lines (its text would be re-indented)', () => {
    const item = savedOutput('first-error', 'Item');
    const withTemplate = edited(item, 'let vErrors = null;', 'let vErrors = `a\nb`;');
    expect(() => indentation(new AjvOutput(withTemplate.code))).toThrow('unexpected ajv output in step layout: a template literal spanning lines');
  });
});
