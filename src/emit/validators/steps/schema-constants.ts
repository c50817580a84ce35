/**
 * ajv's `code.source` keeps a copy of each schema as a constant for the few values the
 * code reads from it (an `enum` list for error params, say). Keep only what is read:
 * no descriptions, ids or unused copies end up in the output.
 */
export function pruneSchemaConstants(lines: string[]): string[] {
  const isDeclaration = (line: string) => /^const schema\d+ = /.test(line);
  // One pass over the code (declarations left out: they hold the big schema copies).
  const uses = new Map<string, string[][]>();
  const code = lines.filter((line) => !isDeclaration(line)).join('\n');
  for (const use of code.matchAll(/\b(schema\d+)\b((?:\.[A-Za-z_$][\w$]*|\[(?:"(?:[^"\\]|\\.)*"|\d+)\])*)/g)) {
    const list = uses.get(use[1]!) ?? [];
    list.push(accessPath(use[2]!));
    uses.set(use[1]!, list);
  }
  const out: string[] = [];
  for (const line of lines) {
    const declared = isDeclaration(line) ? /^const (schema\d+) = (.*);$/.exec(line) : null;
    if (!declared) {
      out.push(line);
      continue;
    }
    const paths = uses.get(declared[1]!) ?? [];
    if (paths.length === 0) continue; // never read
    if (paths.some((p) => p.length === 0)) {
      out.push(line); // the code uses the whole schema object
      continue;
    }
    const whole = JSON.parse(declared[2]!) as unknown;
    out.push(`const ${declared[1]} = ${JSON.stringify(pick(whole, paths))};`);
  }
  return out;
}

/** `.properties["a-b"].enum` → ['properties', 'a-b', 'enum']. */
function accessPath(chain: string): string[] {
  const parts: string[] = [];
  for (const m of chain.matchAll(/\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*"|\d+)\]/g)) {
    parts.push(m[1] ?? String(JSON.parse(m[2]!)));
  }
  return parts;
}

function pick(value: unknown, paths: string[][]): unknown {
  const result: Record<string, unknown> = {};
  for (const path of paths) {
    let from = value as Record<string, unknown>;
    let to = result;
    path.forEach((key, i) => {
      if (from === undefined || from === null) return;
      if (i === path.length - 1) to[key] = from[key];
      else {
        to[key] ??= Array.isArray(from[key]) ? [] : {};
        to = to[key] as Record<string, unknown>;
        from = from[key] as Record<string, unknown>;
      }
    });
  }
  return result;
}
