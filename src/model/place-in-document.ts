import { DEFAULT_DIALECT } from '../schema/dialect.js';
import { vocabularyOf, type Vocabulary } from '../schema/keywords/index.js';
import { parsePointer } from '../schema/pointer.js';

/** Where an OpenAPI document keeps its schemas: `/components/schemas/<name>`. */
const COMPONENT_CONTAINERS = ['components', 'schemas'];

interface Token {
  text: string;
  kind: 'name' | 'keyword' | 'index';
}

/**
 * The segments of a schema pointer, each told apart as a name (`address` in
 * `/properties/address`), an index or a keyword, so a property called `properties`
 * stays a name. The dialect's table says which keywords map names to subschemas
 * (`properties`, `$defs`, `dependentSchemas`…) and which hold lists (`allOf`,
 * draft-07's tuple `items`…).
 */
function tokensOf(pointer: string, vocabulary: Vocabulary): Token[] {
  const segments = parsePointer(pointer) ?? [];
  const tokens: Token[] = [];
  for (let i = 0; i < segments.length; i++) {
    const text = segments[i]!;
    const previous = tokens[i - 1];
    const holds = previous?.kind === 'keyword' ? vocabulary.keyword(previous.text)?.holds : undefined;
    const isName = holds === 'schema-map' || holds === 'schema-map-or-names' || (previous?.text === 'schemas' && tokens[i - 2]?.text === 'components');
    const isIndex = (holds === 'schemas' || holds === 'schema-or-schemas') && /^\d+$/.test(text);
    tokens.push({ text, kind: isName ? 'name' : isIndex ? 'index' : 'keyword' });
  }
  return tokens;
}

/** Keywords that only say "a name follows": left out of type names. */
function isContainer(text: string, vocabulary: Vocabulary): boolean {
  const holds = vocabulary.keyword(text)?.holds;
  return holds === 'schema-map' || holds === 'schema-map-or-names' || COMPONENT_CONTAINERS.includes(text);
}

/** What a keyword's subschema is, in a type name (the table's `placeWord`: `items` → `item`), else the keyword itself. */
const wordsOf = (tokens: Token[], vocabulary: Vocabulary) =>
  tokens.filter((t) => t.kind !== 'keyword' || !isContainer(t.text, vocabulary)).map((t) => (t.kind === 'keyword' ? (vocabulary.keyword(t.text)?.facts.placeWord ?? t.text) : t.text));

const DEFAULT_VOCABULARY = () => vocabularyOf(DEFAULT_DIALECT);

/**
 * What a subschema is called where it sits: its last name and what follows it
 * (`/properties/tags/items` → `tags item`, `/$defs/node` → `node`); `undefined` when
 * no name is on its path (`/anyOf/0`).
 */
export function placeName(pointer: string, vocabulary: Vocabulary = DEFAULT_VOCABULARY()): string | undefined {
  const tokens = tokensOf(pointer, vocabulary);
  let last = -1;
  tokens.forEach((t, i) => t.kind === 'name' && (last = i));
  return last === -1 ? undefined : wordsOf(tokens.slice(last), vocabulary).join(' ');
}

/** The path from `outer` down to `pointer` (inside it) as words: `/properties/a/anyOf/1` below `` → `a option 1`. */
export function placeBelow(outer: string, pointer: string, vocabulary: Vocabulary = DEFAULT_VOCABULARY()): string {
  const skip = (parsePointer(outer) ?? []).length;
  return wordsOf(tokensOf(pointer, vocabulary).slice(skip), vocabulary).join(' ');
}

/** The definitions around a schema, as words: `/$defs/numberList/$defs/itemType` → `numberList`; `/then/$defs/x` → `then`. */
export function definitionsAround(pointer: string, vocabulary: Vocabulary = DEFAULT_VOCABULARY()): string {
  const tokens = tokensOf(pointer, vocabulary).slice(0, -1);
  return tokens
    .filter((t) => !(t.kind === 'keyword' && (vocabulary.definitions.has(t.text) || COMPONENT_CONTAINERS.includes(t.text))))
    .map((t) => t.text)
    .join(' ');
}

/**
 * A subschema of an in-place keyword (`allOf/0`, `not`, `then`, `dependentSchemas/x`):
 * it applies to the same value as its parent, whose other keywords decide its kind.
 */
export function isInPlaceMember(pointer: string, vocabulary: Vocabulary): boolean {
  const tokens = tokensOf(pointer, vocabulary);
  const last = tokens[tokens.length - 1];
  const keyword = last?.kind === 'keyword' ? last : tokens[tokens.length - 2];
  return keyword?.kind === 'keyword' && vocabulary.inPlace.has(keyword.text) && (keyword === last || last?.kind !== 'keyword');
}
