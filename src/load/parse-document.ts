import yaml from 'js-yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { offsetToPosition } from '../diagnostics/position.js';

export type ParseResult = { ok: true; json: unknown } | { ok: false; diagnostic: Diagnostic };

export function formatOf(path: string): 'json' | 'yaml' {
  return /\.ya?ml$/i.test(path) ? 'yaml' : 'json';
}

/** Parse JSON or YAML text; a syntax error becomes a diagnostic with line and column. */
export function parseDocumentText(text: string, format: 'json' | 'yaml', displayPath: string): ParseResult {
  try {
    const json = format === 'json' ? JSON.parse(text) : yaml.load(text, { filename: displayPath, schema: yaml.JSON_SCHEMA });
    return { ok: true, json };
  } catch (error) {
    return { ok: false, diagnostic: syntaxDiagnostic(error, text, format, displayPath) };
  }
}

function syntaxDiagnostic(error: unknown, text: string, format: 'json' | 'yaml', file: string): Diagnostic {
  const base = { severity: 'error' as const, code: 'syntax-error', file };
  if (error instanceof yaml.YAMLException) {
    return { ...base, message: `invalid YAML: ${error.reason}`, line: error.mark.line + 1, column: error.mark.column + 1 };
  }
  const message = error instanceof Error ? error.message : String(error);
  // V8 reports "... in JSON at position N" (sometimes with line/column too).
  const at = /position (\d+)/.exec(message);
  const position = at ? offsetToPosition(text, Number(at[1])) : undefined;
  const reason = message.replace(/ in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
  return { ...base, message: `invalid ${format.toUpperCase()}: ${reason}`, ...position };
}
