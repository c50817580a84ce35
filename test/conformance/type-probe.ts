import { writeFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import type { GeneratedType } from './suite.js';

/** One valid instance that must be assignable to the type generated for its schema. */
export interface TypeProbeCase {
  /** The suite folder of its dialect (`draft7`). */
  folder: string;
  key: string;
  type: GeneratedType;
  data: unknown;
}

/**
 * A TypeScript file that passes each instance, written as a literal, to a check of its
 * generated type: one case per line, so a compiler error's line names the case. The
 * check is a generic with a `const` type parameter: literals keep their literal types
 * (`"a"` stays `"a"` for an enum) and extra properties are no error, as the issue asks
 * ("excess-property errors aside") — a type without an index signature describes the
 * properties it names, and the validator decides about the others.
 */
export function writeTypeProbe(path: string, cases: readonly TypeProbeCase[]): (line: number) => TypeProbeCase | undefined {
  const modules = [...new Set(cases.map((c) => c.type.index))];
  const alias = new Map(modules.map((m, i) => [m, `m${i}`]));
  const importPath = (module: string) => {
    const rel = relative(dirname(path), module).split(sep).join('/');
    return rel.startsWith('.') ? rel : `./${rel}`;
  };
  const header = [
    ...modules.map((m) => `import type * as ${alias.get(m)} from ${JSON.stringify(importPath(m))};`),
    'const accepts = <Type,>() => <const Value extends Type>(value: Value): Value => value;',
  ];
  const lines = cases.map((c) => `accepts<${alias.get(c.type.index)}.${c.type.name}>()(${literal(c.data)});`);
  writeFileSync(path, `${[...header, ...lines].join('\n')}\n`);
  return (line) => cases[line - header.length - 1];
}

/** JSON as a TypeScript expression (JSON text is one, but for the empty-key and number edge cases JSON.stringify already handles). */
function literal(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined';
}
