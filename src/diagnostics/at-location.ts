import type { Diagnostic } from './diagnostic.js';
import { locatePointer } from './position.js';

/** What a positioned diagnostic needs of a document (a `SourceDocument` has it). */
export interface DiagnosticSource {
  displayPath: string;
  text: string;
  format: 'json' | 'yaml';
}

/** A diagnostic at `pointer` inside `doc`, with its line and column. */
export function diagnosticAt(doc: DiagnosticSource, pointer: string, problem: Pick<Diagnostic, 'severity' | 'code' | 'message' | 'hint'>): Diagnostic {
  return { ...problem, file: doc.displayPath, pointer, ...locatePointer(doc.text, doc.format, pointer) };
}
