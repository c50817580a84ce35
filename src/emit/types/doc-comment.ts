import type { DocInfo, EnumMemberDoc } from '../../model/index.js';
import { commentText } from '../code-text.js';
import { convertHtmlToMarkdown } from './html-markdown.js';
import { HTML_TAG_NAMES, type HtmlLimits } from './html-tree.js';

const WIDTH = 100;

// A description is HTML when it holds one of the tags documentation uses (the corpus's, and
// common documentation markup). `[^<>]*`, not `[^>]*`: a scan that stops at the next `<`
// keeps the search linear on text like `<p<p<p…`.
const HTML_TAG = new RegExp(`</?(${HTML_TAG_NAMES.join('|')})\\b[^<>]*>`, 'i');

/**
 * Doc comments show at most this many characters of a description; a longer one is cut,
 * with a note giving its length (the schema holds the whole text). Keeps output and the
 * time spent on it bounded whatever a schema holds.
 */
export const DESCRIPTION_LIMIT = 32_768;
/**
 * HTML is converted to Markdown only up to this many tags and this depth of nesting (the
 * converter recurses once per level); beyond, the description is shown as written. The
 * corpus's largest: 150 tags, depth 7.
 */
export const HTML_LIMITS: HtmlLimits = { tags: 2_000, depth: 64 };
/** The same descriptions recur across an API (shared shapes, copied prose): convert each once. */
const converted = new Map<string, string>();

/**
 * Corpus descriptions are HTML (`<p>`, `<code>`, `<ul><li>`, `<a href>`); comments read as
 * Markdown. Text with no known tag is left as written (`List<String>` is not HTML), and
 * inside HTML an unknown `<Word>` is kept as text.
 */
export function htmlToMarkdown(text: string): string {
  if (!HTML_TAG.test(text)) return text.trim();
  let markdown = converted.get(text);
  if (markdown === undefined) {
    markdown = convertHtmlToMarkdown(text, HTML_LIMITS) ?? text.trim();
    converted.set(text, markdown);
  }
  return markdown;
}

/** A description cut to DESCRIPTION_LIMIT characters (never inside a surrogate pair), with a note when cut. */
export function shownDescription(description: string): string {
  if (description.length <= DESCRIPTION_LIMIT) return description;
  let end = DESCRIPTION_LIMIT;
  if (/[\uD800-\uDBFF]/.test(description[end - 1]!)) end--;
  return `${description.slice(0, end)} …\n\n(Shortened: the schema's description has ${description.length.toLocaleString('en-US')} characters; doc comments show the first ${end.toLocaleString('en-US')}.)`;
}

/** The lines of a JSDoc comment (without `/**` framing), or none when there is nothing to say. */
export function docCommentLines(doc: DocInfo): string[] {
  const lines: string[] = [];
  if (doc.description) {
    // Wrap first, then escape: a line that starts with `@` would read as a tag.
    for (const line of wrapMarkdown(htmlToMarkdown(shownDescription(doc.description)), WIDTH)) lines.push(commentText(line).replace(/^(\s*)@/, '$1\\@'));
  }
  if (doc.members) {
    if (lines.length > 0) lines.push('');
    for (const line of wrapMarkdown(doc.members.map(memberLine).join('\n'), WIDTH)) lines.push(commentText(line).replace(/^(\s*)@/, '$1\\@'));
  }
  if (doc.tags.length > 0 && lines.length > 0) lines.push('');
  for (const tag of doc.tags) {
    // A tag value is one line: newlines in it (a pattern's, say) are shown as `\n`.
    const value = commentText(tag.value.replace(/\r/g, '\\r').replace(/\n/g, '\\n'));
    lines.push(value ? `@${tag.name} ${value}` : `@${tag.name}`);
  }
  return lines;
}

/**
 * One enum member as a Markdown list item, `- "value" (Name): description`, on one line
 * (wrapped later with a hanging indent); a description is cut like any other.
 */
function memberLine(member: EnumMemberDoc): string {
  const name = member.name === undefined ? '' : ` (${oneLine(member.name)})`;
  const about = member.description === undefined ? '' : `: ${oneLine(member.description)}`;
  return `- ${member.value}${name}${about}`;
}

function oneLine(text: string): string {
  const flat = text.trim().replace(/\s+/g, ' ');
  return flat.length <= DESCRIPTION_LIMIT ? flat : `${flat.slice(0, DESCRIPTION_LIMIT)} …`;
}

/** Render a doc comment at `indent`. */
export function renderDocComment(doc: DocInfo, indent: string): string {
  const lines = docCommentLines(doc);
  if (lines.length === 0) return '';
  return `${indent}/**\n${lines.map((l) => (l ? `${indent} * ${l}` : `${indent} *`)).join('\n')}\n${indent} */\n`;
}

/** Wrap long lines at spaces; continuation lines of a list item keep its indentation. Code fences are left alone. */
function wrapMarkdown(text: string, width: number): string[] {
  const out: string[] = [];
  // The fence that opened the block in which this line is; a shorter run of backticks inside does not close it.
  let fence: string | undefined;
  for (const line of text.split(/\r\n?|\n/)) {
    const run = /^\s*(`{3,})/.exec(line)?.[1];
    const inFence = fence !== undefined || run !== undefined;
    if (run !== undefined && fence === undefined) fence = run;
    else if (run !== undefined && run.length >= fence!.length) fence = undefined;
    if (inFence || line.length <= width) out.push(line.trimEnd());
    else for (const wrapped of wrapLine(line, width)) out.push(wrapped); // not push(...): a long line makes many
  }
  return out;
}

/** A word that would mean something else at the start of a line: a tag, a list item, a heading, a quote. */
const MEANINGFUL_AT_LINE_START = /^(@|[-+*>#]|\d+[.)]$)/;

function wrapLine(line: string, width: number): string[] {
  const marker = /^\s*(?:[-*+]|\d+\.)\s+/.exec(line)?.[0] ?? /^\s*/.exec(line)![0];
  const hanging = ' '.repeat(marker.length);
  const lines: string[] = [];
  let current = '';
  for (const word of line.slice(marker.length).split(/ +/)) {
    const fits = marker.length + current.length + 1 + word.length <= width;
    if (current && !fits && !MEANINGFUL_AT_LINE_START.test(word)) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  return lines.map((l, i) => (i === 0 ? marker : hanging) + l);
}
