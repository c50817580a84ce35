import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';

/** What an ES-module template exports by default; the render stage gives it the typed view. */
export type TemplateFunction = (view: unknown, helpers: unknown) => unknown;

/**
 * Import an ES-module template: trusted code, like a config file. Its syntax is checked
 * with acorn first, because Node's own SyntaxError for an imported module does not say
 * where; the import URL carries a hash of the text, so watch mode picks up an edit.
 */
export async function loadTemplateModule(absolute: string, text: string, file: string): Promise<{ render: TemplateFunction } | { diagnostic: Diagnostic }> {
  // Loaded here: most sets have no ES-module template, and most runs need no parser.
  const { parse } = await import('acorn');
  try {
    parse(text, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true });
  } catch (error) {
    const { line, column } = (error as { loc?: { line: number; column: number } }).loc ?? {};
    const message = (error as Error).message.replace(/ \(\d+:\d+\)$/, '');
    return { diagnostic: { severity: 'error', code: 'bad-template', message: `invalid template module: ${message}`, file, ...(line !== undefined ? { line, column: column! + 1 } : {}) } };
  }
  let exported: unknown;
  try {
    const url = `${pathToFileURL(absolute).href}?v=${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
    exported = ((await import(url)) as { default?: unknown }).default;
  } catch (error) {
    // Code that runs at import (a top-level throw, an import that fails) is the template's to fix.
    return { diagnostic: { severity: 'error', code: 'bad-template', message: `the template module failed to load: ${(error as Error).message}`, file, ...lineOf(error, absolute) } };
  }
  if (typeof exported !== 'function') {
    return { diagnostic: { severity: 'error', code: 'bad-template', message: 'a template module must export a function by default: export default (view, helpers) => string', file } };
  }
  return { render: exported as TemplateFunction };
}

/** The line and column of `file` in an error's stack (`file:///…?v=…:3:20` in Node, `/…:3:20` under jest). */
export function lineOf(error: unknown, absolute: string): { line?: number; column?: number } {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const path = absolute.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const url = pathToFileURL(absolute).href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = new RegExp(`(?:${url}|${path})(?:\\?[^:\\s)]*)?:(\\d+):(\\d+)`).exec(stack);
  return found ? { line: Number(found[1]), column: Number(found[2]) } : {};
}
