import { UnexpectedAjvOutput } from './unexpected-output.js';

interface Edit {
  start: number;
  end: number;
  text: string;
  step: string;
  /** Order of recording: insertions at one point keep it. */
  seq: number;
}

/** One line of edited code: its text (indented), and the original position its text starts at (for an inserted text, where it was inserted). */
export interface OutputLine {
  text: string;
  origin: number;
}

/**
 * Edits of ajv's output by position in the original text, recorded by the steps and
 * applied at once (MagicString-style splicing): untouched code keeps ajv's exact text.
 * Two steps that edit the same code are a bug in our steps, reported loudly.
 */
export class CodeEdits {
  private readonly edits: Edit[] = [];

  constructor(private readonly code: string) {}

  replace(start: number, end: number, text: string, step: string): void {
    if (start < 0 || end < start || end > this.code.length) throw new UnexpectedAjvOutput(step, `edit out of range (${start}–${end})`);
    this.edits.push({ start, end, text, step, seq: this.edits.length });
  }

  insert(at: number, text: string, step: string): void {
    this.replace(at, at, text, step);
  }

  /** Remove the whole lines a statement occupies (ajv writes one statement per line). */
  removeLines(node: { start: number; end: number }, step: string): void {
    const start = this.code.lastIndexOf('\n', node.start - 1) + 1;
    const rest = this.code.slice(start, node.start) + this.code.slice(node.end, this.lineEnd(node.end));
    if (rest.trim() !== '' && rest.trim() !== ';') throw new UnexpectedAjvOutput(step, `a statement shares its line with other code: ${this.code.slice(start, this.lineEnd(node.end))}`);
    const end = this.lineEnd(node.end);
    this.replace(start, end < this.code.length ? end + 1 : end, '', step);
  }

  /** The edit (a removal or replacement) whose range holds `start`–`end`, if any. */
  covering(start: number, end: number): { step: string; text: string } | undefined {
    if (!this.ranges || this.ranges.count !== this.edits.length) {
      // Ranges of recorded edits never overlap (apply checks it): sorted, they can be searched.
      const sorted = this.edits.filter((e) => e.end > e.start).sort((a, b) => a.start - b.start);
      this.ranges = { count: this.edits.length, sorted };
    }
    const { sorted } = this.ranges;
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const edit = sorted[mid]!;
      if (edit.end <= start) lo = mid + 1;
      else if (edit.start > start) hi = mid - 1;
      else return edit.start <= start && end <= edit.end ? edit : undefined;
    }
    return undefined;
  }

  private ranges: { count: number; sorted: Edit[] } | undefined;

  /** The edited code; `indentOf(position)` gives the indentation of the output line whose text starts at that original position. */
  apply(indentOf: (position: number) => string): string {
    return this.applyLines(indentOf)
      .map((line) => line.text)
      .join('\n');
  }

  /** The edited code as its lines (joined by `\n` they are `apply`'s text), each with the original position its text starts at. */
  applyLines(indentOf: (position: number) => string): OutputLine[] {
    const sorted = [...this.edits].sort((a, b) => a.start - b.start || a.end - b.end || a.seq - b.seq);
    for (let i = 1; i < sorted.length; i++) {
      const [prev, next] = [sorted[i - 1]!, sorted[i]!];
      if (next.start < prev.end) {
        throw new UnexpectedAjvOutput(next.step, `its edit at ${next.start}–${next.end} overlaps one of step ${prev.step} at ${prev.start}–${prev.end}`);
      }
    }
    // Pieces of output text, each with the original position its first character stands for.
    const pieces: { text: string; origin: number; original: boolean }[] = [];
    let last = 0;
    for (const edit of sorted) {
      if (edit.start > last) pieces.push({ text: this.code.slice(last, edit.start), origin: last, original: true });
      if (edit.text) pieces.push({ text: edit.text, origin: edit.start, original: false });
      last = Math.max(last, edit.end);
    }
    if (last < this.code.length) pieces.push({ text: this.code.slice(last), origin: last, original: true });

    const lines: OutputLine[] = [];
    let current = '';
    let lineOrigin: number | undefined;
    const endLine = () => {
      if (current.trim() !== '') lines.push({ text: indentOf(lineOrigin ?? 0) + current.trim(), origin: lineOrigin ?? 0 });
      current = '';
      lineOrigin = undefined;
    };
    for (const piece of pieces) {
      let from = 0;
      for (;;) {
        const newline = piece.text.indexOf('\n', from);
        const part = piece.text.slice(from, newline === -1 ? undefined : newline);
        if (lineOrigin === undefined && part.trim() !== '') {
          const lead = part.length - part.trimStart().length;
          lineOrigin = piece.original ? piece.origin + from + lead : piece.origin;
        }
        current += part;
        if (newline === -1) break;
        endLine();
        from = newline + 1;
      }
    }
    endLine();
    return lines;
  }

  private lineEnd(at: number): number {
    const end = this.code.indexOf('\n', at);
    return end === -1 ? this.code.length : end;
  }
}
