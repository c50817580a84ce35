import { DESCRIPTION_LIMIT, HTML_LIMITS, docCommentLines, htmlToMarkdown, renderDocComment } from '../../../src/emit/types/doc-comment.js';

describe('doc comments', () => {
  it('show a 15 MB one-line description cut to the documented limit, with a note, and safe', () => {
    const description = `${'word '.repeat(3_000_000)}*/ end`;
    expect(description.length).toBeGreaterThan(15_000_000);
    const comment = renderDocComment({ description, tags: [] }, '');
    const body = comment.slice(3, -3);
    expect(body).not.toContain('*/');
    expect(comment).toContain(
      `(Shortened: the schema's description has ${description.length.toLocaleString('en-US')} characters; doc comments show the first ${DESCRIPTION_LIMIT.toLocaleString('en-US')}.)`,
    );
    expect(comment.length).toBeLessThan(DESCRIPTION_LIMIT * 1.2);
    // Wrapped at 100 columns like any description.
    expect(Math.max(...comment.split('\n').map((l) => l.length))).toBeLessThanOrEqual(103);
  });

  it('never cut a surrogate pair in two', () => {
    const description = `${'a'.repeat(DESCRIPTION_LIMIT - 1)}😀 more`;
    const lines = docCommentLines({ description, tags: [] }).join('\n');
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(lines)).toBe(false);
    expect(lines).toContain(`doc comments show the first ${(DESCRIPTION_LIMIT - 1).toLocaleString('en-US')}.`);
  });

  it('convert HTML to Markdown within the limits', () => {
    expect(htmlToMarkdown('<p>Use <code>x</code> here.</p>')).toBe('Use `x` here.');
    const nestedWithin = `${'<b>'.repeat(HTML_LIMITS.depth)}deep${'</b>'.repeat(HTML_LIMITS.depth)}`;
    expect(htmlToMarkdown(nestedWithin)).not.toContain('<b>');
  });

  it('show HTML beyond the limits as written (its conversion time would explode), and still safely', () => {
    const tooDeep = `${'<b>'.repeat(100_000)}x`;
    expect(htmlToMarkdown(tooDeep)).toBe(tooDeep);
    // End tags that end nothing open do not make it shallower.
    const unmatched = `${'<b></i>'.repeat(HTML_LIMITS.depth + 1)}x`;
    expect(htmlToMarkdown(unmatched)).toBe(unmatched);
    expect(htmlToMarkdown('<p></p>')).toBe('');
    const tooMany = `<p>${'<b>x</b> '.repeat(HTML_LIMITS.tags)}</p>`;
    expect(htmlToMarkdown(tooMany)).toBe(tooMany.trim());
    const lines = docCommentLines({ description: `${'<b>'.repeat(100_000)}*/x`, tags: [] });
    expect(lines.join('\n')).not.toContain('*/');
  });

  it('leave the lines of a code block unwrapped, up to the fence that closes it', () => {
    const code = `${'code '.repeat(30)}end`;
    const prose = `${'prose '.repeat(30)}end`;
    const lines = docCommentLines({ description: `<pre>short\n\`\`\`\n${code}</pre><p>${prose}</p>`, tags: [] });
    // The block's fence is longer than the backticks inside it: the long line after them stays whole.
    expect(lines).toContain(code);
    // The paragraph after the block is wrapped as prose.
    expect(lines).not.toContain(prose);
    expect(lines.filter((line) => line.startsWith('prose')).length).toBe(2);
  });

  it('handle text built to make a regex scan quadratic', () => {
    expect(htmlToMarkdown('<p'.repeat(100_000))).toBe('<p'.repeat(100_000));
    // One long tag name without its `>`: a scan that tried every split of the name would not finish.
    const unclosed = `<p>x</p><a${'a'.repeat(1_000_000)}`;
    expect(htmlToMarkdown(unclosed)).toBe(`x\n\n\\<a${'a'.repeat(1_000_000)}`);
    expect(docCommentLines({ description: `<p>x</p>${'](]('.repeat(100_000)}`, tags: [] }).length).toBeGreaterThan(0);
  });
});
