import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { escapeControlCharacters } from '../../src/diagnostics/terminal-text.js';

describe('escapeControlCharacters', () => {
  // Named by what they do: printing the raw strings as test titles would do it.
  it.each([
    ['an OSC sequence that retitles the terminal', '\u001b]0;pwned\u0007', '\\u001b]0;pwned\\u0007'],
    ['a CSI sequence that clears it', '\u001b[2J', '\\u001b[2J'],
    ['the same as one C1 character', '\u009b2J', '\\u009b2J'],
    ['NUL, CR and DEL', 'a\u0000b\rc\u007fd', 'a\\u0000b\\u000dc\\u007fd'],
    ['tab and line feed (kept)', 'tab\tand\nnewline', 'tab\tand\nnewline'],
    ['printable Unicode (kept)', 'plain, ünïcode, emoji 🎉', 'plain, ünïcode, emoji 🎉'],
  ])('%s', (_what, text, shown) => {
    expect(escapeControlCharacters(text)).toBe(shown);
  });

  it('oneLine: a line feed inside a value is shown too, so it cannot start a line of its own', () => {
    expect(escapeControlCharacters('a\nerror in x.json: fake', { oneLine: true })).toBe('a\\u000aerror in x.json: fake');
  });
});

describe('formatDiagnostic', () => {
  it('escapes every part that can come from a schema or a file name, and keeps its own layout', () => {
    const text = formatDiagnostic({
      severity: 'error',
      code: 'x',
      message: 'ref "\u001b[2J" \nfake line',
      file: 'schemas/a\u001b.json',
      pointer: '/properties/\u0007',
      line: 3,
      column: 4,
      hint: 'did you mean "\u009b"?',
    });
    expect(text).toBe('error in schemas/a\\u001b.json:3:4 at /properties/\\u0007: ref "\\u001b[2J" \\u000afake line\n  hint: did you mean "\\u009b"?');
  });
});
