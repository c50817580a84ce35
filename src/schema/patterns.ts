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
  return !compiles(pattern, 'u') && compiles(pattern, '');
}

function compiles(pattern: string, flags: string): boolean {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
}
