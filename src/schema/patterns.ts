/**
 * How patterns that are invalid with the `u` flag but valid without it are treated
 * (the `unicodePatterns` option): `fallback` (default) compiles them without it, with a
 * warning at each; `require` refuses them.
 */
export type UnicodePatterns = 'require' | 'fallback';

export const UNICODE_PATTERNS: readonly UnicodePatterns[] = ['fallback', 'require'];

/**
 * Whether a pattern is valid only without the `u` flag. Patterns written for other
 * engines often are: `\-` or `\_` outside a class, a class escape in a range (`[\d-_]`).
 */
export function validOnlyWithoutUnicode(pattern: string): boolean {
  let answer = known.get(pattern);
  if (answer === undefined) {
    // Bounded: a long watch session over changing schemas must not grow it without end.
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(pattern, (answer = !compiles(pattern, 'u') && compiles(pattern, '')));
  }
  return answer;
}

/** Answers by pattern: the same patterns recur in many modules, and `\p{…}` classes are costly to compile with u. */
const known = new Map<string, boolean>();
const MAX_KNOWN = 10_000;

function compiles(pattern: string, flags: string): boolean {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
}
