/**
 * Case forms of a name, for file names and for names in templates. Words are runs of
 * letters and digits split where the case changes (`HTTPHeaderList` → HTTP, Header,
 * List); every other character separates words and is dropped, so a case form holds
 * only `[A-Za-z0-9_$-]` and is safe in a path, an identifier position or a string.
 */

const WORD = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;

export const CASE_NAMES = ['pascal', 'camel', 'kebab', 'snake'] as const;
export type CaseName = (typeof CASE_NAMES)[number];

export function isCaseName(name: string): name is CaseName {
  return (CASE_NAMES as readonly string[]).includes(name);
}

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** `petOwner` → `PetOwner`; a leading digit gets `_` so that the result is an identifier (reserved words are not avoided). */
export function pascal(text: string): string {
  return identifierStart(words(text).map(capitalised).join(''), text);
}

/** `PetOwner` → `petOwner`, `HTTPHeader` → `httpHeader`. */
export function camel(text: string): string {
  const [first = '', ...rest] = words(text);
  return identifierStart(first.toLowerCase() + rest.map(capitalised).join(''), text);
}

/** `PetOwner` → `pet-owner`. */
export function kebab(text: string): string {
  return words(text).join('-').toLowerCase() || fallback(text);
}

/** `PetOwner` → `pet_owner`. */
export function snake(text: string): string {
  return words(text).join('_').toLowerCase() || fallback(text);
}

export const CASES: Readonly<Record<CaseName, (text: string) => string>> = { pascal, camel, kebab, snake };

function capitalised(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

function identifierStart(result: string, text: string): string {
  if (result === '') return fallback(text);
  return /^[0-9]/.test(result) ? `_${result}` : result;
}

/** A name with no letter or digit (`_`, `$`) keeps its own safe characters. */
function fallback(text: string): string {
  return text.replace(/[^A-Za-z0-9_$-]/g, '') || '_';
}
