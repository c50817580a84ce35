import { decodeEntities, parseHtml as parseOrUndefined, type HtmlElement, type HtmlNode } from '../../../src/emit/types/html-tree.js';

function parseHtml(html: string): HtmlElement {
  return parseOrUndefined(html)!;
}

/** The tree as compact text: `p(text,code(x))`. */
function shape(nodes: readonly HtmlNode[]): string {
  return nodes.map((node) => (typeof node === 'string' ? JSON.stringify(node) : `${node.name}(${shape(node.children)})`)).join(',');
}

describe('documentation HTML as a tree', () => {
  it('knows the documentation tags and keeps any other <word> as text', () => {
    expect(shape(parseHtml('<p>A <code>List<String></code> and <unknown-tag>x</unknown-tag>.</p>').children)).toBe('p("A ",code("List<String>")," and <unknown-tag>x</unknown-tag>.")');
  });

  it('ends open paragraphs, items and definitions as a browser does', () => {
    expect(shape(parseHtml('<p>one<p>two<ul><li>a<li>b</ul>').children)).toBe('p("one"),p("two"),ul(li("a"),li("b"))');
    expect(shape(parseHtml('<dl><dt>t<dd>d<dt>u</dl>').children)).toBe('dl(dt("t"),dd("d"),dt("u"))');
    expect(shape(parseHtml('<table><tr><td>1<td>2<tr><td>3</table>').children)).toBe('table(tr(td("1"),td("2")),tr(td("3")))');
  });

  it('ends what is open inside an element with its end tag, and ignores an end tag with nothing to end', () => {
    expect(shape(parseHtml('<p><b>bold <i>both</p>after</i>').children)).toBe('p(b("bold ",i("both"))),"after"');
    // A nested list's items do not end the outer item.
    expect(shape(parseHtml('<ul><li>a<ul><li>x<li>y</ul><li>b</ul>').children)).toBe('ul(li("a",ul(li("x"),li("y"))),li("b"))');
  });

  it('reads href and start, decoded, and no other attribute', () => {
    const [link] = parseHtml(`<a class="x" href='https://x.test/?a=1&amp;b=2' HREF="second" onclick="evil()">t</a>`).children;
    expect(typeof link !== 'string' && [...link!.attributes]).toEqual([['href', 'https://x.test/?a=1&b=2']]);
    const [list] = parseHtml('<ol start=3><li>c</li></ol>').children;
    expect(typeof list !== 'string' && list!.attributes.get('start')).toBe('3');
  });

  it('takes <br>, <br/> and a self-closed known tag as empty', () => {
    expect(shape(parseHtml('a<br>b<br/>c<p/>d').children)).toBe('"a",br(),"b",br(),"c",p(),"d"');
  });

  it('decodes named and numeric character references, leaves unknown ones as written, and never makes a lone surrogate', () => {
    expect(decodeEntities('&lt;a&gt; &amp;amp; &quot;q&quot; &#39;s&#x27; &hellip; &nbsp;|')).toBe('<a> &amp; "q" \'s\' … \u00a0|');
    expect(decodeEntities('&unknown; &toString; &constructor; & alone')).toBe('&unknown; &toString; &constructor; & alone');
    expect(decodeEntities('&#0; &#xD800; &#x110000; &#128512;')).toBe('\ufffd \ufffd \ufffd 😀');
  });

  it('reads text built to make a scan quadratic in one pass', () => {
    // Each `<p` without its `>` is text; the scan for a tag's end stops at the next `<`.
    const text = '<p'.repeat(200_000);
    expect(parseHtml(text).children).toEqual([text]);
  });
});
