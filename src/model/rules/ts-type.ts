/**
 * json-schema-to-typescript's `tsType` names the TypeScript type of a schema in its own
 * words. It is schema text, so untrusted: it reaches a `.d.ts` only when it is one
 * TypeScript type expression by the conservative check below, which makes sure it can
 * never leave the place of a type (`x: <here>;`, `type X = <here>;`). Rich types pass
 * (`Record<string, Foo> | null`, `{ a: string, b?: number[] }`, `(x: string) => void`,
 * `T extends U ? X : Y`, `keyof Foo`, `"a" | 'b' | -1`); anything the check does not
 * understand is refused, with the reason.
 */

/** The longest `tsType` accepted: any hand-written type fits, and output stays bounded. */
export const MAX_TS_TYPE_LENGTH = 1_000;

type TokenKind = 'word' | 'literal' | 'open' | 'close' | 'operator' | 'space';

interface Token {
  kind: TokenKind;
  text: string;
}

/**
 * Spaces, identifiers, numbers (a leading minus included), strings without escapes or
 * quotes inside, and the punctuation of type expressions. Nothing else is a token: no
 * `;` (it would end the declaration), no `/` (comments), no `*`, no backquotes, no `=`
 * but in `=>`, no backslashes, no line breaks.
 */
const TOKEN = /([ \t]+)|([A-Za-z_$][\w$]*)|(-?\d+(?:\.\d+)?|"[^"\\]*"|'[^'\\]*')|([([{<])|([)\]}>])|(=>|\.\.\.|[|&,:?.])/y;
const KINDS: TokenKind[] = ['space', 'word', 'literal', 'open', 'close', 'operator'];
const CLOSING: Record<string, string> = { ')': '(', ']': '[', '}': '{', '>': '<' };

/**
 * Words that declare, import or export rather than name a type: refused wherever they
 * could be read as such (a property or parameter may still be called `type`).
 */
const STATEMENT_WORDS = new Set([
  'import',
  'require',
  'declare',
  'export',
  'namespace',
  'module',
  'global',
  'var',
  'let',
  'const',
  'function',
  'class',
  'interface',
  'enum',
  'type',
  'package',
  'eval',
]);
/** Words after which another word may follow: `keyof T`, `readonly string[]`, `infer U`. */
const PREFIX_WORDS = new Set(['keyof', 'typeof', 'readonly', 'unique', 'infer', 'new', 'asserts', 'abstract']);
/** Words that join two types: `T extends U`, `x is T`, `K in keyof T`, `K as X`. */
const INFIX_WORDS = new Set(['extends', 'is', 'in', 'as']);

/** Why `text` is not accepted as a `tsType`, or `undefined` when it is. */
export function tsTypeProblem(text: string): string | undefined {
  if (text.length > MAX_TS_TYPE_LENGTH) return `it is longer than ${MAX_TS_TYPE_LENGTH} characters`;
  const strange = /[^\t\x20-\x7e]/.exec(text);
  if (strange) return strange[0] === '\n' || strange[0] === '\r' ? 'it spans more than one line' : `it holds the character U+${strange[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  const tokens = tokenize(text);
  if (typeof tokens === 'string') return tokens;
  const significant = tokens.filter((t) => t.kind !== 'space');
  if (significant.length === 0) return 'it names no type';
  return bracketProblem(significant) ?? wordProblem(significant);
}

function tokenize(text: string): Token[] | string {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) return `${JSON.stringify(text[at])} cannot appear in a type here (at character ${at + 1})`;
    const group = match.findIndex((m, i) => i > 0 && m !== undefined);
    tokens.push({ kind: KINDS[group - 1]!, text: match[0] });
  }
  return tokens;
}

function bracketProblem(tokens: Token[]): string | undefined {
  const open: string[] = [];
  for (const { kind, text } of tokens) {
    if (kind === 'open') open.push(text);
    if (kind === 'close' && open.pop() !== CLOSING[text]) return `its brackets do not match (${JSON.stringify(text)})`;
  }
  return open.length > 0 ? `its brackets do not match (${JSON.stringify(open[open.length - 1])} is not closed)` : undefined;
}

/**
 * Words may follow one another only as type operators join them (`keyof T`, `A extends
 * B`), so two statements can never sit side by side; declaring words are refused but
 * as the name of a property or parameter (`{ type: "a" }`, `(type: string) => void`).
 */
function wordProblem(tokens: Token[]): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = tokens[i - 1];
    if (token.kind === 'word' && STATEMENT_WORDS.has(token.text) && !isMemberName(tokens, i)) return `"${token.text}" declares or imports rather than names a type`;
    if (!previous || (token.kind !== 'word' && token.kind !== 'literal')) continue;
    const joined = INFIX_WORDS.has(token.text) || (previous.kind === 'word' && (PREFIX_WORDS.has(previous.text) || INFIX_WORDS.has(previous.text)));
    if ((previous.kind === 'word' || previous.kind === 'literal' || previous.kind === 'close') && !joined) return `"${previous.text} ${token.text}" is not one type`;
  }
  return undefined;
}

/** `type` in `{ type: … }`, `{ readonly type?: … }` or `(type: …) =>`: a name, not a declaration. */
function isMemberName(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1]?.text === '?' ? tokens[i + 2] : tokens[i + 1];
  const previous = tokens[i - 1]?.text;
  return next?.text === ':' && (previous === '{' || previous === '(' || previous === ',' || previous === 'readonly');
}

/** A type expression that needs no parentheses inside a union, intersection or array: a name (`Foo`, `Foo.Bar`). */
export function isPlainTypeName(text: string): boolean {
  return /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(text.trim());
}
