import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatBytes, type Limits } from '../limits.js';
import type { SourceDocument } from './document.js';
import { formatOf, parseDocumentText } from './parse-document.js';
import type { Dialect } from '../schema/dialect.js';
import { documentDialect } from '../schema/walk.js';

/**
 * Fetch a document a ref names by URL (only with `--allow-remote`), with a timeout and
 * a size cap: a body longer than `maxRemoteBytes` (declared or streamed) is abandoned
 * there, so an endless response costs at most the cap in memory. The fetch is reported
 * as a warning so a run never reaches the network silently.
 */
export async function fetchRemoteDocument(url: string, timeoutMs: number, limits: Limits, fallback: Dialect): Promise<{ document?: SourceDocument; diagnostics: Diagnostic[] }> {
  const fail = (why: string): { diagnostics: Diagnostic[] } => ({
    diagnostics: [{ severity: 'error', code: 'fetch-failed', message: `cannot fetch ${url}: ${why}`, file: url, hint: 'check the URL, or add a local copy to the inputs' }],
  });
  const tooLarge = `the document is larger than ${formatBytes(limits.maxRemoteBytes)} (the maxRemoteBytes limit)`;
  let text: string;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!response.ok) {
      await response.body?.cancel();
      return fail(`HTTP ${response.status}`);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > limits.maxRemoteBytes) {
      await response.body?.cancel();
      return fail(tooLarge);
    }
    const body = await readCapped(response, limits.maxRemoteBytes);
    if (body === undefined) return fail(tooLarge);
    text = body;
  } catch (error) {
    const name = (error as Error).name;
    return fail(name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (error as Error).message);
  }
  const format = formatOf(new URL(url).pathname);
  const parsed = parseDocumentText(text, format, url, limits);
  if (!parsed.ok) return { diagnostics: [parsed.diagnostic] };
  return {
    document: { absolutePath: url, displayPath: url, uri: url, format, text, json: parsed.json, role: 'referenced', dialect: documentDialect(parsed.json, 'referenced', fallback) },
    diagnostics: [{ severity: 'warning', code: 'remote-fetched', message: `fetched ${url} (--allow-remote)`, file: url }],
  };
}

/** The body as UTF-8 text, or `undefined` (the download cancelled) once it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks, length).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
