import { parsePointer } from '../schema/pointer.js';

/** Keywords whose value maps names to subschemas: the segment after them is a name. */
const NAMING_KEYWORDS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Keywords whose value is a list of subschemas: the segment after them is an index. */
const LIST_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items']);

interface Token {
  text: string;
  kind: 'name' | 'keyword' | 'index';
}

/**
 * The segments of a schema pointer, each told apart as a name (`address` in
 * `/properties/address`), an index or a keyword, so a property called `properties`
 * stays a name.
 */
function tokensOf(pointer: string): Token[] {
  const segments = parsePointer(pointer) ?? [];
  const tokens: Token[] = [];
  for (let i = 0; i < segments.length; i++) {
    const text = segments[i]!;
    const previous = tokens[i - 1];
    const afterKeyword = previous?.kind === 'keyword' ? previous.text : undefined;
    const isName =
      (afterKeyword !== undefined && NAMING_KEYWORDS.has(afterKeyword)) ||
      (afterKeyword === 'schemas' && tokens[i - 2]?.text === 'components');
    const isIndex = afterKeyword !== undefined && LIST_KEYWORDS.has(afterKeyword) && /^\d+$/.test(text);
    tokens.push({ text, kind: isName ? 'name' : isIndex ? 'index' : 'keyword' });
  }
  return tokens;
}

/** Keywords that only say "a name follows": left out of type names. */
const CONTAINERS = new Set([...NAMING_KEYWORDS, 'components', 'schemas']);

/** What a keyword's subschema is, in a type name: `/properties/tags/items` → `TagsItem`. */
const KEYWORD_WORDS = new Map([
  ['items', 'item'],
  ['prefixItems', 'item'],
  ['unevaluatedItems', 'item'],
  ['additionalProperties', 'value'],
  ['unevaluatedProperties', 'value'],
  ['anyOf', 'option'],
  ['oneOf', 'option'],
  ['allOf', 'part'],
]);

const wordsOf = (tokens: Token[]) =>
  tokens.filter((t) => t.kind !== 'keyword' || !CONTAINERS.has(t.text)).map((t) => (t.kind === 'keyword' ? KEYWORD_WORDS.get(t.text) ?? t.text : t.text));

/**
 * What a subschema is called where it sits: its last name and what follows it
 * (`/properties/tags/items` → `tags item`, `/$defs/node` → `node`); `undefined` when
 * no name is on its path (`/anyOf/0`).
 */
export function placeName(pointer: string): string | undefined {
  const tokens = tokensOf(pointer);
  let last = -1;
  tokens.forEach((t, i) => t.kind === 'name' && (last = i));
  return last === -1 ? undefined : wordsOf(tokens.slice(last)).join(' ');
}

/** The path from `outer` down to `pointer` (inside it) as words: `/properties/a/anyOf/1` below `` → `a option 1`. */
export function placeBelow(outer: string, pointer: string): string {
  const skip = (parsePointer(outer) ?? []).length;
  return wordsOf(tokensOf(pointer).slice(skip)).join(' ');
}

/** Whether `pointer` is `outer` or lies inside it. */
export function isInside(outer: string, pointer: string): boolean {
  return outer === '' || pointer === outer || pointer.startsWith(`${outer}/`);
}
