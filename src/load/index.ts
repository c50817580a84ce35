import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from './document.js';
import { expandInputs } from './expand-inputs.js';
import { formatOf, parseDocumentText } from './parse-document.js';
import { fetchRemoteDocument } from './referenced.js';

export type { SourceDocument } from './document.js';

/** URL prefixes always served locally: the draft 2020-12 meta-schemas, from ajv's own copy. */
export const BUILT_IN_URI_MAP: Readonly<Record<string, string>> = {
  'https://json-schema.org/draft/2020-12/': dirname(createRequire(import.meta.url).resolve('ajv/dist/refs/json-schema-2020-12/schema.json')),
};

export interface LoadRequest {
  inputs: readonly string[];
  components: readonly string[];
  cwd: string;
  /** Absolute output folder: never read as input. */
  outDir?: string;
}

export interface LoadedDocuments {
  documents: SourceDocument[];
  /** Folders refs may reach: input roots plus the folders of components documents. */
  roots: string[];
  diagnostics: Diagnostic[];
}

/** The only stage besides `write` that touches the disk: read and parse every document. */
export async function loadDocuments(request: LoadRequest): Promise<LoadedDocuments> {
  const { cwd } = request;
  const expanded = await expandInputs(request.inputs, cwd, request.outDir);
  const diagnostics = [...expanded.diagnostics];
  const componentPaths = request.components.map((c) => resolve(cwd, c)).filter((p) => !expanded.files.includes(p));
  const wanted = [
    ...expanded.files.map((path) => ({ path, role: 'input' as const })),
    ...componentPaths.map((path) => ({ path, role: 'components' as const })),
  ];
  const loaded = await Promise.all(wanted.map(({ path, role }) => loadOne(path, role, cwd)));
  const documents: SourceDocument[] = [];
  for (const result of loaded) {
    if ('diagnostic' in result) diagnostics.push(result.diagnostic);
    else documents.push(result);
  }
  const roots = [...expanded.roots, ...componentPaths.map((p) => resolve(p, '..'))];
  return { documents, roots: [...new Set(roots)].sort(), diagnostics };
}

/**
 * Documents that refs name but the inputs did not include: files under the input
 * folders, and (with `--allow-remote`) URLs. A file that does not exist is not an
 * error here: the ref that named it already is.
 */
export async function loadReferencedDocuments(
  locations: readonly string[],
  cwd: string,
  remote: { timeoutMs: number; uriMap: Readonly<Record<string, string>> },
): Promise<{ documents: SourceDocument[]; diagnostics: Diagnostic[] }> {
  const documents: SourceDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const location of locations) {
    const prefix = Object.keys(remote.uriMap).find((p) => location.startsWith(p));
    if (prefix !== undefined) {
      // A URL served from a local folder: read the file, but keep the URL as its identity.
      const mapped = resolve(cwd, remote.uriMap[prefix]!, decodeURIComponent(location.slice(prefix.length).replace(/[?#].*$/, '')));
      // Schema URLs often leave out the extension (`…/draft/2020-12/schema`).
      const path = existsSync(mapped) || !existsSync(`${mapped}.json`) ? mapped : `${mapped}.json`;
      const loaded = await loadOne(path, 'referenced', cwd);
      if ('diagnostic' in loaded) diagnostics.push({ ...loaded.diagnostic, message: `${loaded.diagnostic.message} (${location}, mapped by uriMap)` });
      // Named by its URL, not its local path: output stays the same wherever the folder is.
      else documents.push({ ...loaded, uri: location, displayPath: location });
      continue;
    }
    if (/^https?:/i.test(location)) {
      const fetched = await fetchRemoteDocument(location, remote.timeoutMs);
      if (fetched.document) documents.push(fetched.document);
      diagnostics.push(...fetched.diagnostics);
      continue;
    }
    const loaded = await loadOne(location, 'referenced', cwd);
    if ('diagnostic' in loaded) {
      if (loaded.diagnostic.code !== 'read-failed') diagnostics.push(loaded.diagnostic);
    } else {
      documents.push(loaded);
    }
  }
  return { documents, diagnostics };
}

async function loadOne(absolutePath: string, role: SourceDocument['role'], cwd: string): Promise<SourceDocument | { diagnostic: Diagnostic }> {
  const displayPath = toDisplayPath(absolutePath, cwd);
  let text: string;
  try {
    // Synchronous on purpose: for hundreds of small files it is several times faster
    // than fs/promises (no thread-pool round trip per file), measured in bench/types.js.
    text = readFileSync(absolutePath, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((error as Error).message);
    return { diagnostic: { severity: 'error', code: 'read-failed', message: `cannot read ${role === 'components' ? 'components document' : 'schema'}: ${reason}`, file: displayPath } };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const format = formatOf(absolutePath);
  const parsed = parseDocumentText(text, format, displayPath);
  if (!parsed.ok) return { diagnostic: parsed.diagnostic };
  const json = parsed.json;
  if (typeof json !== 'boolean' && (json === null || typeof json !== 'object' || Array.isArray(json))) {
    const found = Array.isArray(json) ? 'an array' : json === null ? 'null' : `a ${typeof json}`;
    return { diagnostic: { severity: 'error', code: 'not-a-schema', message: `holds ${found}, not a schema (a JSON Schema is an object or a boolean)`, file: displayPath, line: 1, column: 1 } };
  }
  return { absolutePath, displayPath, format, text, json, role };
}

export function toDisplayPath(absolutePath: string, cwd: string): string {
  return relative(cwd, absolutePath).split(sep).join('/');
}
