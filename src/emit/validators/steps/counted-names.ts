import { tokenizer } from 'acorn';

/** Module-level names ajv numbers with instance-wide counters. */
const COUNTED_NAME = /^(validate|schema|formats|pattern|func|wrapper|root|keyword|obj|Error)(\d+)$/;

export function renameCountedNames(code: string, fixed: Map<string, string>): string {
  const counters = new Map<string, number>();
  const names = new Map(fixed);
  let out = '';
  let last = 0;
  for (const token of tokenizer(code, { ecmaVersion: 'latest', sourceType: 'module' })) {
    if (token.type.label !== 'name') continue;
    const name = (token as unknown as { value: string }).value;
    let replacement = names.get(name);
    if (replacement === undefined) {
      const counted = COUNTED_NAME.exec(name);
      if (!counted) continue;
      const prefix = counted[1]!;
      const next = counters.get(prefix) ?? 0;
      counters.set(prefix, next + 1);
      replacement = `${prefix}${next}`;
      names.set(name, replacement);
    }
    out += code.slice(last, token.start) + replacement;
    last = token.end;
  }
  return out + code.slice(last);
}
