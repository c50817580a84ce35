import fc from 'fast-check';
import { convertHtmlToMarkdown } from '../../../src/emit/types/html-markdown.js';

function markdown(html: string): string {
  return convertHtmlToMarkdown(html)!;
}

/** Text as documentation HTML writes it. */
function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** What a Markdown reader shows for text with backslash escapes (CommonMark: `\` before ASCII punctuation). */
function unescaped(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** HTML's white space collapsed, as a browser shows text. */
function collapsed(text: string): string {
  return text.replace(/[ \t\n\f\r\u00a0]+/g, ' ').trim();
}

/** Markdown text without its fenced blocks and code spans, read as CommonMark does (`\`` is no span's start). */
function outsideCode(text: string): string {
  const unfenced = text.replace(/^(`{3,})\n[\s\S]*?\n\1$/gm, '');
  let kept = '';
  let at = 0;
  while (at < unfenced.length) {
    if (unfenced[at] === '\\' && /[!-/:-@[-`{-~]/.test(unfenced[at + 1] ?? '')) {
      kept += unfenced.slice(at, at + 2);
      at += 2;
      continue;
    }
    const run = /^`+/.exec(unfenced.slice(at))?.[0];
    if (!run) {
      kept += unfenced[at++];
      continue;
    }
    const close = new RegExp(`(?<!\`)${run}(?!\`)`).exec(unfenced.slice(at + run.length));
    if (!close) kept += run;
    at += run.length + (close ? close.index + run.length : 0);
  }
  return kept;
}

describe('documentation HTML as Markdown', () => {
  it('writes the corpus shapes: paragraphs, code, links, lists with paragraphs in their items', () => {
    expect(
      markdown(
        '<p>Creates a thing. Use <code>CreateThing</code>.</p> <p>Values:</p> <ul> <li> <p> <code>A</code>: the first.</p> </li> <li> <p>See <a href="https://example.com/API_B.html"> the B docs</a>.</p> </li> </ul>',
      ),
    ).toBe('Creates a thing. Use `CreateThing`.\n\nValues:\n\n- `A`: the first.\n- See [the B docs](https://example.com/API_B.html).');
  });

  it('starts a note or an important callout with its label, and keeps a list below it apart', () => {
    expect(markdown('<note> <p>This is a note.</p> <ul><li>one</li></ul></note>')).toBe('**Note:** This is a note.\n\n- one');
    expect(markdown('<important><ul><li>one</li></ul></important>')).toBe('**Important:**\n\n- one');
  });

  it('nests lists under their item, tight, numbering ordered ones from their start', () => {
    expect(markdown('<ul><li>For Google:<ul><li>client_id</li><li>client_secret</li></ul></li><li>For Apple:</li></ul>')).toBe('- For Google:\n  - client_id\n  - client_secret\n- For Apple:');
    expect(markdown('<ol start="9"><li>nine</li><li>ten<ol><li>sub</li></ol></li></ol>')).toBe('9. nine\n10. ten\n    1. sub');
    // Items with paragraphs of their own keep them under the item.
    expect(markdown('<ul><li><p>first</p><p>second</p></li></ul>')).toBe('- first\n\n  second');
  });

  it('writes a definition list as terms in bold followed by their definitions', () => {
    expect(markdown('<dl> <dt>code</dt> <dd> <p>Use a code grant.</p> </dd> <dt>implicit</dt> <dd><p>Issue.</p><p>More.</p></dd></dl>')).toBe(
      '- **code**: Use a code grant.\n- **implicit**: Issue.\n\n  More.',
    );
  });

  it('writes emphasis hugging its words, <br> as a line break, headings, quotes and tables', () => {
    expect(markdown('<p>a<b> bold </b>and <i>it</i><em></em>.<br>next <strong>s</strong></p>')).toBe('a **bold** and *it*.\nnext **s**');
    expect(markdown('<h2>Title <code>x</code></h2><blockquote><p>quoted</p><p>more</p></blockquote>')).toBe('## Title `x`\n\n> quoted\n>\n> more');
    expect(markdown('<table><thead><tr><th>Key</th><th>Value</th></tr></thead><tbody><tr><td>a|b</td></tr></tbody></table>')).toBe('| Key | Value |\n| --- | --- |\n| a\\|b |  |');
  });

  it('fences <pre> with more backticks than its text holds, keeping its lines', () => {
    expect(markdown('<p>Before</p><pre>\nline 1\n  line 2 &lt;x&gt;</pre>')).toBe('Before\n\n```\nline 1\n  line 2 <x>\n```');
    expect(markdown('<pre>a\n```\nb</pre>')).toBe('````\na\n```\nb\n````');
  });

  it('writes code spans that hold backticks, and keeps two spans side by side apart', () => {
    expect(markdown('<code>a`b</code>')).toBe('``a`b``');
    expect(markdown('<code>`x</code>')).toBe('`` `x ``');
    expect(markdown('<code>a</code><code>b</code>')).toBe('`a` `b`');
    expect(markdown('<code>  </code>x')).toBe('x');
  });

  it('links only to web, mail and relative addresses Markdown can hold; others keep their text', () => {
    expect(markdown('<a href="javascript:alert(1)">run</a> <a href="data:text/html,x">data</a> <a>none</a>')).toBe('run data none');
    expect(markdown('<a href="API_X.html#y">rel</a> <a href="mailto:a@b.test">mail</a>')).toBe('[rel](API_X.html#y) [mail](mailto:a@b.test)');
    expect(markdown('<a href="https://x.test/a b(c)">sp</a> <a href="https://x.test/&lt;y&gt;">angle</a>')).toBe('[sp](<https://x.test/a b(c)>) angle');
    expect(markdown('<a href="https://x.test/"></a>')).toBe('[https://x.test/](https://x.test/)');
  });

  it('escapes what Markdown would read as markup, and nothing a reader needs as written', () => {
    expect(markdown('<p>client_credentials, *not bold*, _x_, `tick`, [a](b), &lt;tag&gt;, a &lt; b, &amp;amp;, \\d, 20. ok</p>')).toBe(
      'client_credentials, \\*not bold\\*, \\_x\\_, \\`tick\\`, \\[a\\](b), \\<tag>, a < b, \\&amp;, \\d, 20. ok',
    );
    // At the start of a paragraph (or line) only.
    expect(markdown('<p>- dash</p><p>1. one</p><p># head</p><p>&gt; quote</p><p>#hashtag -1</p>')).toBe('\\- dash\n\n1\\. one\n\n\\# head\n\n\\> quote\n\n#hashtag -1');
    expect(markdown('<p>+ plus</p><p>===</p><p>---</p><p>a<br>- b</p><p>-- c</p>')).toBe('\\+ plus\n\n\\===\n\n\\---\n\na\n\\- b\n\n-- c');
  });

  it('reads back as the text it was given: every escape is one a reader undoes (property)', () => {
    const text = fc.string({ unit: fc.constantFrom(...'ab_1 *`[]()<>&#;\\-+.!\n\u00a0é😀'.split(/(?:)/u)), maxLength: 40 });
    fc.assert(
      fc.property(text, (t) => {
        const written = markdown(`<p>${html(t)}</p>`);
        expect(unescaped(written).replace(/\n/g, ' ')).toBe(collapsed(t));
        // And what is left unescaped is no markup: no emphasis, code, link or tag can start.
        const bare = written.replace(/\\[!-/:-@[-`{-~]/g, '\u0001'); // a character no rule below matches
        expect(bare).not.toMatch(/[*`[\]]|<[A-Za-z/!?]|&#?\w+;|(^|[^A-Za-z0-9])_|_([^A-Za-z0-9]|$)|^\s*([-+>]|#+|\d+[.)])(\s|$)/m);
      }),
      { numRuns: 500 },
    );
  });

  it('writes any code span so that it reads back as its text (property)', () => {
    const text = fc.string({ unit: fc.constantFrom(...'a `*_<>&\\'.split('')), minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(text, (t) => {
        const written = markdown(`<code>${html(t)}</code>`);
        const content = collapsed(t);
        if (!content) return expect(written).toBe('');
        // A code span: a run of n backticks, the text (padded by one space where it starts or ends with one), the same run.
        const fence = /^`+/.exec(written)![0];
        expect(written.endsWith(fence)).toBe(true);
        let inner = written.slice(fence.length, written.length - fence.length);
        if (inner.startsWith(' ') && inner.endsWith(' ') && inner.trim()) inner = inner.slice(1, -1);
        expect(inner).toBe(content);
        expect(inner).not.toContain(fence);
      }),
      { numRuns: 300 },
    );
  });

  it('gives up on more tags or deeper nesting than asked (its writer recurses once per level), unmatched end tags or not', () => {
    expect(convertHtmlToMarkdown(`${'<b>'.repeat(8)}x`, { tags: 1_000, depth: 8 })).toBe('**x**');
    expect(convertHtmlToMarkdown(`${'<b>'.repeat(9)}x`, { tags: 1_000, depth: 8 })).toBeUndefined();
    // `</i>` ends nothing, so each `<b>` opens inside the last.
    expect(convertHtmlToMarkdown(`${'<b></i>'.repeat(9)}x`, { tags: 1_000, depth: 8 })).toBeUndefined();
    expect(convertHtmlToMarkdown(`${'<b>x</b>'.repeat(100)}`, { tags: 1_000, depth: 8 })).toBe(Array(100).fill('**x**').join(''));
    // Tags beyond the limit, unknown ones counted too (each is a step of the scan).
    expect(convertHtmlToMarkdown(`<p>${'<x>'.repeat(5)}</p>`, { tags: 7, depth: 8 })).toBe('\\<x>\\<x>\\<x>\\<x>\\<x>');
    expect(convertHtmlToMarkdown(`<p>${'<x>'.repeat(6)}</p>`, { tags: 7, depth: 8 })).toBeUndefined();
    // Emphasis inside the same emphasis adds no markers; inside the other kind it does.
    expect(markdown('<b><strong>x</strong></b> <i><b>y</b></i> <b><i>z</i></b>')).toBe('**x** ***y*** ***z***');
  });

  it('converts any nesting of the known tags, without throwing or passing markup through as HTML (property)', () => {
    const tag = fc.constantFrom('p', 'code', 'pre', 'ul', 'ol', 'li', 'a', 'b', 'i', 'note', 'important', 'div', 'h3', 'table', 'tr', 'td', 'th', 'blockquote', 'dl', 'dt', 'dd', 'span');
    const words = fc.constantFrom('Amazon Cognito', 'a_b*c', ' ', '&amp; &lt;x&gt;', 'List<String>', '`t`', '\n', '1. item', '# title', '[l](x)');
    const attributes = fc.constantFrom('', ' href="https://docs.aws.amazon.com/API_Foo.html"', ' href="javascript:x()"', ' start="2"');
    const tree: fc.Memo<string> = fc.memo((depth) =>
      depth <= 1
        ? words
        : fc.oneof(
            words,
            fc
              .tuple(tag, attributes, fc.array(tree(depth - 1), { maxLength: 4 }), fc.boolean())
              .map(([name, attrs, inner, closed]) => `<${name}${attrs}>${inner.join('')}${closed ? `</${name}>` : ''}`),
            fc.constant('<br/>'),
          ),
    );
    fc.assert(
      fc.property(tree(5), (source) => {
        const written = markdown(source);
        expect(written).not.toMatch(/javascript:/);
        // Outside code, `<` before a letter is escaped (`\<x>`), so no tag reaches a Markdown renderer as HTML.
        expect(outsideCode(written)).not.toMatch(/(^|[^\\])<[A-Za-z]/);
      }),
      { numRuns: 300 },
    );
  });
});
