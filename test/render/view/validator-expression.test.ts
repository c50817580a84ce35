import { parseExpressionAt, type ArrowFunctionExpression, type CallExpression } from 'acorn';
import { validatorExpression } from '../../../src/render/view/validator-expression.js';
import { runAllSteps, savedOutputs } from '../../helpers/ajv-output.js';

const modules = [...savedOutputs('basics'), ...savedOutputs('draft-2019-09'), ...savedOutputs('native-refs')].map(([typeName, output]) => ({
  typeName,
  module: { ...runAllSteps(output), exportName: `validate${typeName}` },
}));

describe('validatorExpression', () => {
  it.each(modules.map((m) => [m.typeName, m] as const))('%s: one call of an arrow function that holds the module code, indented, without the export, and returns the validator', (_, { module }) => {
    const expression = validatorExpression(module);
    const call = parseExpressionAt(expression, 0, { ecmaVersion: 'latest' }) as CallExpression;
    expect(call.end).toBe(expression.length);
    expect(call.type).toBe('CallExpression');
    const arrow = call.callee as ArrowFunctionExpression;
    expect(arrow.type).toBe('ArrowFunctionExpression');
    expect(expression).not.toContain('export ');
    expect(expression.endsWith(`\n  return ${module.exportName};\n})()`)).toBe(true);
    // The module's own lines, each two spaces further in, in the same order.
    const lines = expression.split('\n').slice(1, -2);
    expect(lines.map((line) => line.replace(/^ {2}/, '')).join('\n')).toBe(module.body.replace(`export function ${module.exportName}(`, `function ${module.exportName}(`).trimEnd());
  });

  it('gives a function that validates as the module does (a validator that needs nothing from outside)', async () => {
    const { module } = modules.find((m) => m.module.runtimeHelpers.length === 0 && m.module.externalValidators.length === 0 && !m.module.appendsErrors)!;
    const fromModule = ((await import(`data:text/javascript,${encodeURIComponent(module.body)}`)) as Record<string, (d: unknown) => boolean>)[module.exportName]!;
    const fromExpression = ((await import(`data:text/javascript,${encodeURIComponent(`export default ${validatorExpression(module)};`)}`)) as { default: (d: unknown) => boolean }).default;
    for (const data of [null, 1, 'a', [], {}, { name: 'x' }, { name: 1, next: {} }]) expect(fromExpression(data)).toBe(fromModule(data));
  });

  it('refuses a position that is not the export line (our bug, not the schema)', () => {
    const { module } = modules[0]!;
    expect(() => validatorExpression({ ...module, exportAt: module.exportAt + 1 })).toThrow(`has no line "export function ${module.exportName}"`);
    expect(() => validatorExpression({ ...module, exportName: 'validateOther' })).toThrow('has no line "export function validateOther"');
  });
});
