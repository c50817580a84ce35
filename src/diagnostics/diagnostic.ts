import { escapeControlCharacters } from './terminal-text.js';

/**
 * One problem found during a run. Stages collect these instead of throwing, so a
 * single run reports every problem at once.
 */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Stable machine-readable code, e.g. `unresolved-ref`. */
  code: string;
  message: string;
  /** Path of the file the problem is in, as the user named it (relative to cwd). */
  file?: string;
  /** JSON pointer inside `file` to the offending value. */
  pointer?: string;
  /** 1-based line and column of `pointer` in `file`, where known. */
  line?: number;
  column?: number;
  /** What the user can do about it. */
  hint?: string;
}

/** Thrown by a stage when the run cannot go on; carries every diagnostic found so far. */
export class DiagnosticsError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n\n'));
    this.name = 'DiagnosticsError';
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * `file:line:column (pointer): message` then the hint, one readable paragraph. Every
 * part can hold text from a schema or a file name, so control characters (terminal
 * escape sequences) come out as visible escapes.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const safe = (text: string) => escapeControlCharacters(text, { oneLine: true });
  let where = d.file === undefined ? '' : safe(d.file);
  if (where && d.line !== undefined) where += `:${d.line}:${d.column ?? 1}`;
  if (d.pointer !== undefined) where += `${where ? ' ' : ''}at ${d.pointer === '' ? '(root)' : safe(d.pointer)}`;
  const head = `${d.severity}${where ? ` in ${where}` : ''}: ${safe(d.message)}`;
  return d.hint ? `${head}\n  hint: ${safe(d.hint)}` : head;
}
