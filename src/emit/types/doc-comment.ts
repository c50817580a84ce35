import { NodeHtmlMarkdown } from 'node-html-markdown';
import type { DocInfo } from '../../model/index.js';

const WIDTH = 100;

let converter: NodeHtmlMarkdown | undefined;
/** The same descriptions recur across an API (shared shapes, copied prose): convert each once. */
const converted = new Map<string, string>();

/** Corpus descriptions are HTML (`<p>`, `<code>`, `<ul><li>`, `<a href>`); comments read as Markdown. */
export function htmlToMarkdown(text: string): string {
  if (!/<[a-z!/]/i.test(text)) return text.trim();
  let markdown = converted.get(text);
  if (markdown === undefined) {
    converter ??= new NodeHtmlMarkdown({ bulletMarker: '-', codeBlockStyle: 'fenced', maxConsecutiveNewlines: 2 });
    markdown = converter.translate(text).trim();
    converted.set(text, markdown);
  }
  return markdown;
}

/**
 * Make any text safe inside a block comment: nothing can close it early, and line
 * separators that some tools treat as newlines become visible escapes.
 */
export function escapeCommentText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    // A line starting with `@` would read as a JSDoc tag.
    .replace(/^(\s*)@/gm, '$1\\@')
    // Other control characters would be invisible in review.
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The lines of a JSDoc comment (without `/**` framing), or none when there is nothing to say. */
export function docCommentLines(doc: DocInfo): string[] {
  const lines: string[] = [];
  if (doc.description) lines.push(...wrapMarkdown(escapeCommentText(htmlToMarkdown(doc.description)), WIDTH));
  if (doc.tags.length > 0 && lines.length > 0) lines.push('');
  for (const tag of doc.tags) {
    const value = escapeCommentText(tag.value).replace(/\n/g, ' ');
    lines.push(value ? `@${tag.name} ${value}` : `@${tag.name}`);
  }
  return lines;
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
  let inFence = false;
  for (const line of text.split('\n')) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    if (inFence || line.length <= width) out.push(line.trimEnd());
    else out.push(...wrapLine(line, width));
  }
  return out;
}

function wrapLine(line: string, width: number): string[] {
  const marker = /^\s*(?:[-*+]|\d+\.)\s+/.exec(line)?.[0] ?? /^\s*/.exec(line)![0];
  const hanging = ' '.repeat(marker.length);
  const lines: string[] = [];
  let current = '';
  for (const word of line.slice(marker.length).split(/ +/)) {
    if (current && marker.length + current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  return lines.map((l, i) => (i === 0 ? marker : hanging) + l);
}
