import { prototypeFreeProps } from '../../../../src/emit/validators/steps/prototype-free-props.js';
import { edited, runStep, savedOutput, unchanged } from '../../../helpers/ajv-output.js';

describe('step prototype-free-props', () => {
  it('makes the evaluated-properties object of `var propsN = {}` without a prototype', () => {
    const order = savedOutput('draft-2019-09', 'Order');
    expect(order.code).toContain('var props0 = {};');
    const { code } = runStep(order, prototypeFreeProps);
    expect(code).toContain('var props0 = Object.create(null);');
    // Nothing else changes.
    expect(code.replace('var props0 = Object.create(null);', 'var props0 = {};')).toBe(unchanged(order));
  });

  it('makes the one of `propsN = propsN || {}` (before a merge) without a prototype', () => {
    const tree = savedOutput('draft-2019-09', 'Tree');
    const merges = tree.code.match(/props0 = props0 \|\| \{\};/g)?.length ?? 0;
    expect(merges).toBeGreaterThan(0);
    const { code } = runStep(tree, prototypeFreeProps);
    expect(code.match(/props0 = props0 \|\| Object\.create\(null\);/g)).toHaveLength(merges);
    expect(code).not.toMatch(/\|\| \{\}/);
    expect(code.replace(/props0 = props0 \|\| Object\.create\(null\);/g, 'props0 = props0 || {};')).toBe(unchanged(tree));
  });

  it('leaves a module without evaluated-properties objects as ajv wrote it', () => {
    const pet = savedOutput('basics', 'Pet');
    expect(runStep(pet, prototypeFreeProps).code).toBe(unchanged(pet));
  });

  it('refuses any other object given to a propsN', () => {
    const order = savedOutput('draft-2019-09', 'Order');
    const tree = savedOutput('draft-2019-09', 'Tree');
    for (const [saved, from, to, shown] of [
      [order, 'var props0 = {};', 'var props0 = {a: true};', 'props0 = {a: true}'],
      [order, 'var props0 = {};', 'var props0 = true;\nprops0 = {};', 'props0 = {}'],
      [tree, 'props0 = props0 || {};', 'props0 = props1 || {};', 'props0 = props1 || {}'],
      [tree, 'props0 = props0 || {};', 'props0 = props0 || {a: true};', 'props0 || {a: true}'],
    ] as const) {
      expect(() => runStep(edited(saved, from, to), prototypeFreeProps)).toThrow(`unexpected ajv output in step prototype-free-props: an evaluated-properties object of an unexpected form: ${shown}`);
    }
  });
});
