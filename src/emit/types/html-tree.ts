/**
 * The documentation HTML of schema descriptions (`<p>`, `<code>`, `<ul><li>`, `<a href>`,
 * `<note>`, …) as a tree, for the Markdown writer. Only the tags below are markup; any
 * other `<word>` is text, as a reader of the description would take it (`List<String>`).
 * Forgiving like a browser where documentation HTML is sloppy (an unclosed `<p>` or `<li>`,
 * a stray end tag), and one pass over the text: the scan for a tag's end stops at the
 * next `<`, so no text makes it quadratic.
 */

export type HtmlNode = HtmlElement | string;

export interface HtmlElement {
  readonly name: string;
  /** The attributes we read (`href`, `start`), decoded. */
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: HtmlNode[];
}

export const HTML_TAG_NAMES = [
  ...['p', 'div', 'para', 'note', 'important', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
  ...['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th'],
  ...['code', 'a', 'b', 'strong', 'i', 'em', 'u', 'span', 'sup', 'sub', 'fullname', 'br'],
] as const;

const KNOWN = new Set<string>(HTML_TAG_NAMES);
const VOID = new Set(['br']);
/** Starting one of these ends an open paragraph, as in a browser. */
const ENDS_PARAGRAPH = new Set(['p', 'div', 'para', 'note', 'important', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'table']);
/** An element that starts while one of its siblings of these names is open ends it first (`<li>a<li>b`). */
const SIBLINGS: Record<string, { closes: readonly string[]; within: readonly string[] }> = {
  li: { closes: ['li'], within: ['ul', 'ol'] },
  dt: { closes: ['dt', 'dd'], within: ['dl'] },
  dd: { closes: ['dt', 'dd'], within: ['dl'] },
  tr: { closes: ['tr', 'td', 'th'], within: ['table', 'thead', 'tbody', 'tfoot'] },
  td: { closes: ['td', 'th'], within: ['tr', 'table'] },
  th: { closes: ['td', 'th'], within: ['tr', 'table'] },
};
const READ_ATTRIBUTES = new Set(['href', 'start']);

// The lookahead ends the name where the attributes start: without it, a long `<name…` with
// no `>` is tried at every split of the name (quadratic).
const TAG = /<(\/?)([A-Za-z][\w-]*)(?![\w-])([^<>]*)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** How much HTML the tree holds: more tags (known or not) or deeper nesting is not converted. */
export interface HtmlLimits {
  readonly tags: number;
  /** The writer recurses once per level. */
  readonly depth: number;
}

/**
 * The tree of `html`: elements of the known tags, and text (entities decoded); undefined
 * beyond `limits`.
 */
export function parseHtml(html: string, limits: HtmlLimits = { tags: Infinity, depth: Infinity }): HtmlElement | undefined {
  const root: HtmlElement = { name: '#root', attributes: new Map(), children: [] };
  const open: HtmlElement[] = [root];
  const top = (): HtmlElement => open[open.length - 1]!;
  let textFrom = 0;
  let tags = 0;
  for (const match of html.matchAll(TAG)) {
    if (++tags > limits.tags) return undefined;
    const [whole, closing, rawName, rest] = match;
    const name = rawName!.toLowerCase();
    if (!KNOWN.has(name)) continue; // stays part of the text around it
    if (match.index > textFrom) top().children.push(decodeEntities(html.slice(textFrom, match.index)));
    textFrom = match.index + whole.length;
    if (closing) {
      let at = open.length - 1;
      while (at > 0 && open[at]!.name !== name) at--;
      if (at > 0) open.length = at; // an end tag with nothing open to end is ignored
      continue;
    }
    if (ENDS_PARAGRAPH.has(name) && top().name === 'p') open.pop();
    const siblings = SIBLINGS[name];
    if (siblings) endOpenSibling(open, siblings.closes, siblings.within);
    const element: HtmlElement = { name, attributes: attributesOf(rest!), children: [] };
    top().children.push(element);
    if (!VOID.has(name) && !rest!.endsWith('/') && open.push(element) > limits.depth + 1) return undefined;
  }
  if (textFrom < html.length) top().children.push(decodeEntities(html.slice(textFrom)));
  return root;
}

function endOpenSibling(open: HtmlElement[], closes: readonly string[], within: readonly string[]): void {
  // The outermost one inside the nearest container: `<tr>` ends the open row, not just its cell.
  let end = 0;
  for (let at = open.length - 1; at > 0 && !within.includes(open[at]!.name); at--) if (closes.includes(open[at]!.name)) end = at;
  if (end > 0) open.length = end;
}

function attributesOf(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name, doubleQuoted, singleQuoted, bare] of text.matchAll(ATTRIBUTE)) {
    const key = name!.toLowerCase();
    if (READ_ATTRIBUTES.has(key) && !attributes.has(key)) attributes.set(key, decodeEntities(doubleQuoted ?? singleQuoted ?? bare ?? ''));
  }
  return attributes;
}

/** The named entities documentation uses; any other `&name;` stays as written. */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  times: '×',
  divide: '÷',
  deg: '°',
  plusmn: '±',
  le: '≤',
  ge: '≥',
  ne: '≠',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  sect: '§',
  para: '¶',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
};

const ENTITY = /&(?:#[xX]([0-9A-Fa-f]{1,8})|#([0-9]{1,9})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/** Text with its character references decoded; a code point no text can hold becomes U+FFFD, as in a browser. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    if (name !== undefined) return Object.hasOwn(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name]! : whole;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
    const unusable = code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff);
    return unusable ? '\ufffd' : String.fromCodePoint(code);
  });
}
