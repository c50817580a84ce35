import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from './document.js';
import { formatOf, parseDocumentText } from './parse-document.js';

/**
 * Fetch a document a ref names by URL (only with `--allow-remote`), with a timeout.
 * The fetch is reported as a warning so a run never reaches the network silently.
 */
export async function fetchRemoteDocument(url: string, timeoutMs: number): Promise<{ document?: SourceDocument; diagnostics: Diagnostic[] }> {
  const fail = (why: string): { diagnostics: Diagnostic[] } => ({
    diagnostics: [{ severity: 'error', code: 'fetch-failed', message: `cannot fetch ${url}: ${why}`, file: url, hint: 'check the URL, or add a local copy to the inputs' }],
  });
  let text: string;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!response.ok) return fail(`HTTP ${response.status}`);
    text = await response.text();
  } catch (error) {
    const name = (error as Error).name;
    return fail(name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (error as Error).message);
  }
  const parsed = parseDocumentText(text, formatOf(new URL(url).pathname), url);
  if (!parsed.ok) return { diagnostics: [parsed.diagnostic] };
  return {
    document: { absolutePath: url, displayPath: url, uri: url, format: formatOf(new URL(url).pathname), text, json: parsed.json, role: 'referenced' },
    diagnostics: [{ severity: 'warning', code: 'remote-fetched', message: `fetched ${url} (--allow-remote)`, file: url }],
  };
}
