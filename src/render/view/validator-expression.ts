import { parse } from 'acorn';

/**
 * A validator module's code as one expression whose value is the validator: its
 * module-level constants and helper functions move inside a function scope, so several
 * validators can share a file without their names (`schema0`, `pattern1`, …) meeting.
 * The one edit is made at the position of the parsed `export` (the code is never
 * edited as text), and anything other than the one exported function the steps write
 * is our bug, not silently passed on.
 */
export function validatorExpression(code: string, exportName: string): string {
  const program = parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
  const exports = program.body.filter((node) => node.type.startsWith('Export') || node.type === 'ImportDeclaration');
  const [only] = exports;
  const declaration = only?.type === 'ExportNamedDeclaration' ? only.declaration : undefined;
  if (exports.length !== 1 || declaration?.type !== 'FunctionDeclaration' || declaration.id?.name !== exportName) {
    throw new Error(`schema-gen: a validator's code has no single "export function ${exportName}" to scope`);
  }
  const local = (code.slice(0, only!.start) + code.slice(declaration.start)).trimEnd();
  // Indented one level, unless a template literal could span lines (its text would change); ajv writes none.
  const body = local.includes('`') ? local : local.replace(/^(?=.)/gm, '  ');
  return `(() => {\n${body}\n  return ${exportName};\n})()`;
}
