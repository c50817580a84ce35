import { CodeEdits } from '../../../../src/emit/validators/transform/code-edits.js';

describe('CodeEdits', () => {
  const code = 'a = 1;\nb = 2;\nc = 3;';

  it('applies replacements, insertions and whole-line removals by original position', () => {
    const edits = new CodeEdits(code);
    edits.removeLines({ start: 7, end: 13 }, 'test');
    edits.insert(0, 'let ', 'test');
    edits.replace(18, 19, '30', 'test');
    expect(edits.apply(() => '')).toBe('let a = 1;\nc = 30;');
  });

  it('indents each output line by the original position its text starts at', () => {
    const edits = new CodeEdits(code);
    edits.insert(7, 'x;\n', 'test');
    expect(edits.apply((at) => (at >= 7 ? '  ' : ''))).toBe('a = 1;\n  x;\n  b = 2;\n  c = 3;');
  });

  it('gives each output line with the original position its text starts at (an insertion: where it was inserted)', () => {
    const edits = new CodeEdits(code);
    edits.insert(7, 'export ', 'test');
    edits.removeLines({ start: 14, end: 20 }, 'test');
    expect(edits.applyLines(() => '')).toEqual([
      { text: 'a = 1;', origin: 0 },
      { text: 'export b = 2;', origin: 7 },
    ]);
  });

  it('stops when two steps edit the same code', () => {
    const edits = new CodeEdits(code);
    edits.replace(0, 5, 'x', 'first');
    edits.replace(4, 6, 'y', 'second');
    expect(() => edits.apply(() => '')).toThrow('unexpected ajv output in step second: its edit at 4–6 overlaps one of step first at 0–5');
  });

  it('refuses to remove a line that holds other code too', () => {
    expect(() => new CodeEdits('a = 1; b = 2;').removeLines({ start: 0, end: 6 }, 'test')).toThrow('a statement shares its line with other code');
  });

  it('tells which edit covers a range', () => {
    const edits = new CodeEdits(code);
    edits.replace(7, 13, 'B', 'one');
    expect(edits.covering(8, 9)?.step).toBe('one');
    expect(edits.covering(0, 1)).toBeUndefined();
    expect(edits.covering(12, 14)).toBeUndefined();
  });
});
