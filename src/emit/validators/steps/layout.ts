/** Indent blocks for review (ajv writes one statement per line, unindented). */
export function indentBlocks(code: string): string {
  let depth = 0;
  return code
    .split('\n')
    .map((line) => {
      const trimmed = line.trim();
      if (trimmed.startsWith('}')) depth = Math.max(0, depth - 1);
      const indented = `${'  '.repeat(depth)}${trimmed}`;
      if (trimmed.endsWith('{')) depth++;
      return indented;
    })
    .join('\n');
}
