import { isSafeOutputPath } from '../paths/output-path.js';
import { CASE_NAMES, CASES, isCaseName, type CaseName } from './case.js';

/**
 * The output path of a template entry: literal text with placeholders over the name of
 * what the file is rendered for, `types/{{name}}.d.ts`, `{{kebab name}}.ts`. A small
 * language of its own (not mustache): one variable, four case helpers, and a safe
 * alphabet, so that every path it can produce stays inside the output folder and reads
 * the same in an import specifier, a link and a file system.
 */
export interface PathPattern {
  source: string;
  parts: PathPart[];
}

export type PathPart = { text: string } | { placeholder: CaseName | 'name' };

/** What a pattern is expanded for: the schemas, the run (no placeholders) or the run-time helpers. */
export type PatternScope = 'schema' | 'run' | 'runtimeHelper';

/** Literal characters a path may hold: letters, digits and `._-/@+`. */
const LITERAL = /^[A-Za-z0-9._\-/@+]*$/;
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** A pattern, or why it is refused (with the offset in the pattern text it is about). */
export function parsePathPattern(source: string, scope: PatternScope): { pattern: PathPattern } | { problem: string; offset: number } {
  const parts: PathPart[] = [];
  let last = 0;
  for (const match of source.matchAll(PLACEHOLDER)) {
    const literal = source.slice(last, match.index);
    const bad = literalProblem(literal, last);
    if (bad) return bad;
    if (literal) parts.push({ text: literal });
    const words = match[1]!.split(/\s+/);
    const [first, second] = words;
    const placeholder = words.length === 1 && first === 'name' ? 'name' : words.length === 2 && second === 'name' && isCaseName(first!) ? first : undefined;
    if (placeholder === undefined) {
      return {
        problem: `unknown placeholder "{{${match[1]}}}" in the path "${source}": use {{name}} or {{<case> name}} with a case of ${CASE_NAMES.join(', ')}`,
        offset: match.index,
      };
    }
    if (scope === 'run') return { problem: `the path "${source}" of a once-per-run entry cannot hold a placeholder: it names one file`, offset: match.index };
    parts.push({ placeholder });
    last = match.index + match[0].length;
  }
  const tail = source.slice(last);
  const bad = literalProblem(tail, last);
  if (bad) return bad;
  if (tail) parts.push({ text: tail });
  const pattern = { source, parts };
  // Placeholders expand to letters, digits, `_`, `$` and `-` only, so a sample name shows whether the shape is safe.
  if (!isSafeOutputPath(expandPath(pattern, 'Sample'))) {
    return {
      problem: `the path "${source}" would leave the output folder or write its bookkeeping: it must be relative, '/'-separated, with no empty, "." or ".." segment and not start with ".schema-gen-"`,
      offset: 0,
    };
  }
  if (scope !== 'run' && !parts.some((p) => 'placeholder' in p)) {
    return { problem: `the path "${source}" holds no {{name}}: every ${scope === 'schema' ? 'schema' : 'run-time helper'} would write the same file`, offset: 0 };
  }
  return { pattern };
}

export function expandPath(pattern: PathPattern, name: string): string {
  return pattern.parts.map((part) => ('text' in part ? part.text : part.placeholder === 'name' ? name : CASES[part.placeholder](name))).join('');
}

function literalProblem(literal: string, offset: number): { problem: string; offset: number } | undefined {
  if (LITERAL.test(literal)) return undefined;
  const at = [...literal].findIndex((c) => !LITERAL.test(c));
  const char = [...literal][at]!;
  const shown = /^[\x21-\x7e]$/.test(char) ? `"${char}"` : `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const hint = char === '{' || char === '}' ? ' (a placeholder is {{name}} or {{<case> name}})' : '';
  return { problem: `a path may hold only letters, digits and ._-/@+ besides placeholders, not ${shown}${hint}`, offset: offset + at };
}

/**
 * Two patterns that give the same path for every name (letter case aside: some file
 * systems ignore it), or for some names. Placeholders of the same shape (`name`,
 * `pascal`, `camel` keep the letters; `kebab` and `snake` split words) are compared alike.
 */
export function patternOverlap(a: PathPattern, b: PathPattern): 'always' | 'maybe' | 'never' {
  const shape = (p: PathPattern, sameness: (c: CaseName | 'name') => string) =>
    p.parts.map((part) => ('text' in part ? part.text.toLowerCase() : `\u0000${sameness(part.placeholder)}\u0000`)).join('');
  const exact = (c: CaseName | 'name') => (c === 'kebab' || c === 'snake' ? c : 'letters');
  if (shape(a, exact) === shape(b, exact)) return 'always';
  if (shape(a, () => 'any') === shape(b, () => 'any')) return 'maybe';
  const literal = (p: PathPattern) => p.parts.every((part) => 'text' in part);
  const [fixed, open] = literal(a) ? [a, b] : literal(b) ? [b, a] : [undefined, undefined];
  if (fixed && open && patternRegExp(open).test(fixed.source.toLowerCase())) return 'maybe';
  return 'never';
}

function patternRegExp(pattern: PathPattern): RegExp {
  const body = pattern.parts.map((part) => ('text' in part ? part.text.toLowerCase().replace(/[.+]/g, '\\$&') : '[a-z0-9_$-]+')).join('');
  return new RegExp(`^${body}$`);
}
