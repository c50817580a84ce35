import type { ValidatorModule } from '../../emit/validators/index.js';

/**
 * A validator module's code as one expression whose value is the validator: its
 * module-level constants and helper functions move inside a function scope, so several
 * validators can share a file without their names (`schema0`, `pattern1`, …) meeting.
 * Built from what the emit stage recorded on its parsed tree, never by searching the
 * code: the one edit drops the `export` at `exportAt`. Indenting every line changes no
 * value, since the body's lines break only between tokens (the layout step refuses
 * template literals that span lines; strings and regular expressions cannot).
 */
export function validatorExpression({ body, exportAt, exportName }: Pick<ValidatorModule, 'body' | 'exportAt' | 'exportName'>): string {
  const exported = `export function ${exportName}(`;
  if (!body.startsWith(exported, exportAt) || (exportAt > 0 && body[exportAt - 1] !== '\n')) {
    throw new Error(`schema-gen: a validator's code has no line "export function ${exportName}" at ${exportAt} to scope`);
  }
  const local = body.slice(0, exportAt) + body.slice(exportAt + 'export '.length);
  const indented = local
    .trimEnd()
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');
  return `(() => {\n${indented}\n  return ${exportName};\n})()`;
}
