import { parseHtml, type HtmlElement, type HtmlLimits, type HtmlNode } from './html-tree.js';

/**
 * Documentation HTML as Markdown that reads well as plain text in a doc comment and
 * renders as the HTML did in an editor's hover: paragraphs, `-` and `1.` lists, fenced
 * `<pre>`, `**bold**`, `*italic*`, `` `code` ``, `[text](url)`, `**Note:**` callouts.
 * Text is escaped only where Markdown would read it as markup (`*`, `` ` ``, `[`, `]`, a
 * `_` that is not inside a word, `<tag`, a `#` or `-` starting a paragraph, …), so
 * `client_credentials` and `20.` stay as written. Time is linear in the text. Undefined
 * beyond `limits` (see parseHtml).
 */
export function convertHtmlToMarkdown(html: string, limits?: HtmlLimits): string | undefined {
  const tree = parseHtml(html, limits);
  return tree && joinBlocks(blocksOf(tree.children)).trim();
}

type Block = { kind: 'paragraph' | 'list' | 'other'; text: string };

const CALLOUTS: Record<string, string> = { note: 'Note:', important: 'Important:' };
const CONTAINERS = new Set(['p', 'div', 'para', 'li', 'dd', 'dt', 'td', 'th', 'thead', 'tbody', 'tfoot', 'tr']);
const EMPHASIS: Record<string, string> = { b: '**', strong: '**', i: '*', em: '*' };

function blocksOf(nodes: readonly HtmlNode[]): Block[] {
  const blocks: Block[] = [];
  let inline: HtmlNode[] = [];
  const endParagraph = (): void => {
    const text = paragraphText(inline);
    if (text) blocks.push({ kind: 'paragraph', text });
    inline = [];
  };
  for (const node of nodes) {
    if (typeof node === 'string' || isInline(node)) {
      inline.push(node);
      continue;
    }
    endParagraph();
    blocks.push(...blockOf(node));
  }
  endParagraph();
  return blocks;
}

function isInline(element: HtmlElement): boolean {
  return !CONTAINERS.has(element.name) && !(element.name in CALLOUTS) && !BLOCK_WRITERS.has(element.name);
}

const BLOCK_WRITERS = new Map<string, (element: HtmlElement) => Block[]>([
  ['ul', (element) => list(element, () => '- ')],
  ['ol', (element) => list(element, (index) => `${orderedStart(element) + index}. `)],
  ['dl', definitionList],
  ['pre', (element) => [{ kind: 'other', text: fenced(preformattedText(element)) }]],
  ['blockquote', (element) => [{ kind: 'other', text: prefixLines(joinBlocks(blocksOf(element.children)), '> ', '>') }]],
  ['table', table],
  ...[1, 2, 3, 4, 5, 6].map((level) => [`h${level}`, (element: HtmlElement) => heading(element, level)] as const),
]);

function blockOf(element: HtmlElement): Block[] {
  const callout = CALLOUTS[element.name];
  if (callout !== undefined) return withCallout(blocksOf(element.children), callout);
  return BLOCK_WRITERS.get(element.name)?.(element) ?? blocksOf(element.children);
}

/** `**Note:**` starts the callout's first paragraph (or stands alone before a list). */
function withCallout(blocks: Block[], label: string): Block[] {
  const first = blocks[0];
  if (first?.kind === 'paragraph') return [{ kind: 'paragraph', text: `**${label}** ${first.text}` }, ...blocks.slice(1)];
  return [{ kind: 'paragraph', text: `**${label}**` }, ...blocks];
}

/** Blocks apart by a blank line; in a list item, a list right after the item's text stays under it (nested, tight). */
function joinBlocks(blocks: readonly Block[], inItem = false): string {
  let text = '';
  blocks.forEach((block, index) => {
    if (index > 0) text += inItem && index === 1 && block.kind === 'list' && blocks[0]!.kind === 'paragraph' ? '\n' : '\n\n';
    text += block.text;
  });
  return text;
}

function list(element: HtmlElement, marker: (index: number) => string): Block[] {
  const items: Block[][] = [];
  for (const child of element.children) {
    if (typeof child !== 'string' && child.name === 'li') items.push(blocksOf(child.children));
    else if (typeof child !== 'string' || child.trim()) items.push(blocksOf([child])); // stray content shows as an item of its own
  }
  const lines = items.filter((blocks) => blocks.length > 0).map((blocks, index) => listItem(marker(index), joinBlocks(blocks, true)));
  return lines.length > 0 ? [{ kind: 'list', text: lines.join('\n') }] : [];
}

function listItem(marker: string, text: string): string {
  return marker + prefixLines(text, ' '.repeat(marker.length), '').slice(marker.length);
}

/** A number to start from, within what a reader would write (`<ol start="3">`). */
function orderedStart(element: HtmlElement): number {
  const start = Number(element.attributes.get('start'));
  return Number.isInteger(start) && start >= 0 && start < 1e6 ? start : 1;
}

/** `<dl>` as a list: each term in bold, its definition after a colon (more paragraphs below it). */
function definitionList(element: HtmlElement): Block[] {
  const items: Block[][] = [];
  let term: Block[] | undefined;
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    const blocks = blocksOf(child.children);
    if (child.name === 'dt') {
      const words = blocks.map((b) => b.text).join(' ');
      term = words ? [{ kind: 'paragraph', text: `**${words}**` }] : undefined;
      if (term) items.push(term);
    } else if (term?.length === 1 && blocks[0]?.kind === 'paragraph') {
      term[0] = { kind: 'paragraph', text: `${term[0]!.text}: ${blocks[0].text}` };
      term.push(...blocks.slice(1));
    } else if (term) {
      term.push(...blocks);
    } else if (blocks.length > 0) {
      items.push(blocks);
    }
  }
  const lines = items.map((blocks) => listItem('- ', joinBlocks(blocks, true)));
  return lines.length > 0 ? [{ kind: 'list', text: lines.join('\n') }] : [];
}

function heading(element: HtmlElement, level: number): Block[] {
  const text = inlineText(element.children).replace(/\s*\n\s*/g, ' ');
  return text ? [{ kind: 'other', text: `${'#'.repeat(level)} ${text}` }] : [];
}

function table(element: HtmlElement): Block[] {
  const rows: string[][] = [];
  const collect = (node: HtmlElement): void => {
    for (const child of node.children) {
      if (typeof child === 'string') continue;
      if (child.name === 'tr') rows.push(child.children.filter((cell): cell is HtmlElement => typeof cell !== 'string' && (cell.name === 'td' || cell.name === 'th')).map(cellText));
      else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') collect(child);
    }
  };
  collect(element);
  const columns = Math.max(1, ...rows.map((row) => row.length));
  const line = (cells: readonly string[]): string => `| ${Array.from({ length: columns }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [header, ...body] = rows;
  if (!header) return [];
  return [{ kind: 'other', text: [line(header), line(Array.from({ length: columns }, () => '---')), ...body.map(line)].join('\n') }];
}

function cellText(cell: HtmlElement): string {
  return joinBlocks(blocksOf(cell.children))
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|');
}

/** A paragraph's inline content, with anything that would start a block escaped at each line start. */
function paragraphText(nodes: readonly HtmlNode[]): string {
  return inlineText(nodes)
    .split('\n')
    .map((line) => line.replace(/^(?:#+(?=\s|$)|>|[-+*](?=\s|$)|=+\s*$|-{3,}\s*$)/, '\\$&').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2'))
    .join('\n');
}

/** Inline content as one string: HTML white space collapsed, `<br>` a line break. */
function inlineText(nodes: readonly HtmlNode[]): string {
  let text = '';
  for (const node of nodes) text = joinInline(text, inlineOf(node));
  return text.replace(/ *\n */g, '\n').trim();
}

function joinInline(before: string, after: string): string {
  // Looks at the last characters only: a regex anchored at the end would scan all of `before`.
  const last = before.at(-1);
  if ((last === ' ' || last === '\n') && after.startsWith(' ')) return before + after.slice(1);
  // Two code spans side by side would read as one run of backticks: a space keeps them apart.
  if (last === '`' && after.startsWith('`') && before.at(-2) !== '\\') return `${before} ${after}`;
  return before + after;
}

/** `emphasized`: the emphasis markers already in effect (`<b>` inside `<b>` adds none). */
function inlineOf(node: HtmlNode, emphasized: readonly string[] = []): string {
  if (typeof node === 'string') return escapeText(collapse(node));
  if (node.name === 'br') return '\n';
  if (node.name === 'code') return codeSpan(collapse(textContent(node)).trim());
  if (node.name === 'a') return link(node, emphasized);
  const marker = EMPHASIS[node.name];
  const adds = marker !== undefined && !emphasized.includes(marker);
  const inner = node.children.reduce<string>((text, child) => joinInline(text, inlineOf(child, adds ? [...emphasized, marker] : emphasized)), '');
  const words = inner.trim();
  if (!adds || !words) return inner;
  // Markers hug the words (`**bold** text`, not `** bold **`), or Markdown would not read them.
  return `${inner.startsWith(words) ? '' : ' '}${marker}${words}${marker}${inner.endsWith(words) ? '' : ' '}`;
}

function link(element: HtmlElement, emphasized: readonly string[]): string {
  const text = element.children.reduce<string>((joined, child) => joinInline(joined, inlineOf(child, emphasized)), '').trim();
  const href = element.attributes.get('href')?.trim() ?? '';
  // Only web, mail and relative destinations (`javascript:` and the like keep just their text),
  // and only ones Markdown can hold: `<…>` around spaces and parentheses, none with `<`, `>` or `\`.
  const scheme = /^([A-Za-z][\w+.-]*):/.exec(href)?.[1]?.toLowerCase();
  const followable = href !== '' && (scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'mailto');
  if (!followable || /[<>\\\n\r]/.test(href)) return text;
  const destination = /[\s()]/.test(href) ? `<${href}>` : href;
  return `[${text || escapeText(href)}](${destination})`;
}

function codeSpan(content: string): string {
  if (!content) return '';
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** A `<pre>`'s text as written, but for the line break HTML drops after the start tag. */
function preformattedText(element: HtmlElement): string {
  return textContent(element)
    .replace(/^\r?\n/, '')
    .trimEnd();
}

function fenced(content: string): string {
  const longest = Math.max(0, ...(content.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}\n${content}\n${fence}`;
}

/** The text of an element and all inside it, as written (for code). */
function textContent(node: HtmlNode): string {
  if (typeof node === 'string') return node;
  if (node.name === 'br') return '\n';
  return node.children.map(textContent).join('');
}

/** HTML white space collapsed to one space, no-break spaces with it (a comment has no use for them). */
function collapse(text: string): string {
  return text.replace(/[ \t\n\f\r\u00a0]+/g, ' ');
}

/** Markdown's markup characters in text, escaped where they would be read as markup. */
function escapeText(text: string): string {
  return text.replace(/\\(?=[!-/:-@[-`{-~]|$)|[*`[\]]|<(?=[A-Za-z/!?])|&(?=#?\w+;)|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\$&');
}

function prefixLines(text: string, prefix: string, blankPrefix: string): string {
  return text
    .split('\n')
    .map((line) => (line ? prefix + line : blankPrefix))
    .join('\n');
}
