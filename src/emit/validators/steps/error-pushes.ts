/** ajv spends six lines on each error it records; one says the same. (Whole lines only: they cannot be inside a string.) */
export function compactErrorPushes(code: string): string {
  return code.replace(/^if\(vErrors === null\)\{\nvErrors = \[(err\d+)\];\n\}\nelse \{\nvErrors\.push\(\1\);\n\}$/gm, '(vErrors ??= []).push($1);');
}
