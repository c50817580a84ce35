import { dirname, resolve } from 'node:path';
import { toDisplayPath } from '../paths/display-path.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { readConfinedFile, realPathOf, type AllowedRoots } from './confinement.js';
import type { SourceDocument, Unavailable } from './document.js';
import { expandInputs } from './expand-inputs.js';
import { fetchRemoteDocument } from './fetch-remote.js';
import { mappedPath, mappingFor, uriMappings } from './map-uri.js';
import { builtInMetaSchema, builtInMetaSchemaUri } from './meta-schemas.js';
import { formatOf, parseDocumentText } from './parse-document.js';
import type { YamlParseMemo } from './yaml-parse-memo.js';
import { readRegularFile, type FileRead } from './read-file.js';
import { DEFAULT_DIALECT, type Dialect } from '../schema/dialect.js';
import { documentDialect } from '../schema/walk.js';
import { holdsSchema } from '../schema/holds-schema.js';

export type { SourceDocument, Unavailable } from './document.js';
export type { AllowedRoots } from './confinement.js';
export { toDisplayPath } from '../paths/display-path.js';
export { builtInMetaSchemaUri, isUnderMetaSchemaFolder, knownMetaSchemaUris } from './meta-schemas.js';
export { YamlParseMemo } from './yaml-parse-memo.js';

export interface LoadRequest {
  inputs: readonly string[];
  components: readonly string[];
  cwd: string;
  /** Absolute output folder: never read as input. */
  outDir?: string;
  limits?: Limits;
  /** The dialect of documents that do not say (no `$schema`). */
  defaultDialect?: Dialect;
  /** YAML parses of earlier runs, to reuse where a document's text is unchanged. */
  yamlParses?: YamlParseMemo;
}

export interface LoadedDocuments {
  documents: SourceDocument[];
  /** Folders refs may reach, as written: input roots plus the folders of components documents. */
  roots: string[];
  /** The same folders by real path: what every file read is checked against. */
  allowed: AllowedRoots;
  /** Inputs and components documents that failed with a diagnostic of their own, by absolute path. */
  unavailable: Map<string, Unavailable>;
  /** Every input and components file it tried to read, by absolute path (what `--print-inputs` lists). */
  files: string[];
  diagnostics: Diagnostic[];
}

/**
 * The only stage besides `write` that touches the disk: read and parse every document.
 * A file that fails is reported and the others are still loaded, so one run reports
 * every broken file.
 */
export async function loadDocuments(request: LoadRequest): Promise<LoadedDocuments> {
  const { cwd } = request;
  const limits = request.limits ?? DEFAULT_LIMITS;
  const fallback = request.defaultDialect ?? DEFAULT_DIALECT;
  const expanded = await expandInputs(request.inputs, cwd, request.outDir, (path) => toDisplayPath(path, cwd));
  const diagnostics = [...expanded.diagnostics];
  const componentPaths = request.components.map((c) => resolve(cwd, c)).filter((p) => !expanded.files.includes(p));
  const componentFolders = componentPaths.map((p) => dirname(p));
  const allowed: AllowedRoots = {
    realPaths: [...new Set([...expanded.allowed.realPaths, ...componentFolders.flatMap((folder) => realPathOf(folder) ?? [])])],
    description: 'the input folders',
  };
  const wanted = [...expanded.files.map((path) => ({ path, role: 'input' as const })), ...componentPaths.map((path) => ({ path, role: 'components' as const }))];
  const documents: SourceDocument[] = [];
  const unavailable = new Map<string, Unavailable>(expanded.refused.map((path) => [path, { kind: 'reported' }]));
  const notSchemas: string[] = [];
  for (const { path, role } of wanted) {
    // Files a folder walk listed are known by real path inside a root; others are resolved and checked.
    const listed = expanded.realFiles.get(path);
    const read = listed ? readRegularFile(listed, limits.maxFileBytes, { resolvedPath: true, listedAsRegular: true }) : readConfinedFile(path, allowed, limits.maxFileBytes);
    const parse = { cwd, limits, defaultDialect: fallback, yamlParses: request.yamlParses };
    const loaded = read.ok ? toDocument(path, read.text, role, parse) : { diagnostic: readFailure(read, role, toDisplayPath(path, cwd)) };
    if ('diagnostic' in loaded) {
      diagnostics.push(loaded.diagnostic);
      unavailable.set(path, { kind: 'reported' });
    } else if (role === 'input' && !expanded.named.has(path) && !holdsSchema(loaded.json)) {
      notSchemas.push(loaded.displayPath);
    } else {
      documents.push(loaded);
    }
  }
  if (notSchemas.length > 0) diagnostics.push(skippedNotSchemas(notSchemas));
  const roots = [...new Set([...expanded.roots, ...componentFolders])].sort();
  return { documents, roots, allowed, unavailable, files: wanted.map((w) => w.path), diagnostics };
}

export interface ReferencedLoadContext {
  cwd: string;
  /** Folders local file refs may reach (`LoadedDocuments.allowed`). */
  allowed: AllowedRoots;
  uriMap: Readonly<Record<string, string>>;
  timeoutMs: number;
  limits: Limits;
  defaultDialect: Dialect;
  yamlParses?: YamlParseMemo;
}

/**
 * Documents that refs name but the inputs did not include: the built-in meta-schemas
 * (from memory), files under the input folders, URLs under a `uriMap` prefix (from
 * the mapped folder), and (the resolver asks only with `--allow-remote`) other URLs.
 * What cannot be had is returned as `unavailable`, for the resolver to report at each
 * ref; a file that does not exist is neither: the ref that named it says so.
 */
export async function loadReferencedDocuments(
  locations: readonly string[],
  context: ReferencedLoadContext,
): Promise<{ documents: SourceDocument[]; diagnostics: Diagnostic[]; unavailable: Map<string, Unavailable> }> {
  const documents: SourceDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const unavailable = new Map<string, Unavailable>();
  const mappings = uriMappings(context.uriMap, context.cwd);
  const take = (location: string, result: SourceDocument | { diagnostic: Diagnostic }) => {
    if ('diagnostic' in result) {
      diagnostics.push(result.diagnostic);
      unavailable.set(location, { kind: 'reported' });
    } else {
      documents.push(result);
    }
  };
  for (const location of locations) {
    const metaSchemaUri = builtInMetaSchemaUri(location);
    const metaSchema = metaSchemaUri && builtInMetaSchema(metaSchemaUri);
    if (metaSchemaUri && metaSchema) {
      documents.push({
        absolutePath: metaSchemaUri,
        uri: metaSchemaUri,
        displayPath: metaSchemaUri,
        format: 'json',
        ...metaSchema,
        role: 'referenced',
        dialect: documentDialect(metaSchema.json, 'referenced', context.defaultDialect),
      });
      continue;
    }
    const mapping = mappingFor(location, mappings);
    if (mapping) {
      const mapped = mappedPath(location, mapping);
      if ('refused' in mapped) {
        unavailable.set(location, { kind: 'refused', reason: mapped.refused });
        continue;
      }
      // Schema URLs often leave out the extension (`…/draft/2020-12/schema`).
      let read = readConfinedFile(mapped.path, mapping.allowed, context.limits.maxFileBytes);
      if (!read.ok && read.kind === 'missing') read = readConfinedFile(`${mapped.path}.json`, mapping.allowed, context.limits.maxFileBytes);
      if (read.ok) {
        // Named by its URL, not its local path: output stays the same wherever the folder is.
        const loaded = toDocument(mapped.path, read.text, 'referenced', context, location);
        take(location, 'diagnostic' in loaded ? loaded : { ...loaded, uri: location, displayPath: location });
      } else if (read.kind !== 'missing') {
        unavailable.set(location, { kind: read.kind, reason: read.reason });
      }
      continue;
    }
    if (/^https?:/i.test(location)) {
      const fetched = await fetchRemoteDocument(location, context.timeoutMs, context.limits, context.defaultDialect);
      if (fetched.document) documents.push(fetched.document);
      diagnostics.push(...fetched.diagnostics);
      continue;
    }
    const read = readConfinedFile(location, context.allowed, context.limits.maxFileBytes);
    if (read.ok) take(location, toDocument(location, read.text, 'referenced', context));
    else if (read.kind !== 'missing') unavailable.set(location, { kind: read.kind, reason: read.reason });
  }
  return { documents, diagnostics, unavailable };
}

/** Parse a file's text into a document; `shownAs` names it in messages when it is known by a URL. */
function toDocument(
  absolutePath: string,
  text: string,
  role: SourceDocument['role'],
  { cwd, limits, defaultDialect: fallback, yamlParses }: Pick<ReferencedLoadContext, 'cwd' | 'limits' | 'defaultDialect' | 'yamlParses'>,
  shownAs?: string,
): SourceDocument | { diagnostic: Diagnostic } {
  const displayPath = shownAs ?? toDisplayPath(absolutePath, cwd);
  const format = formatOf(absolutePath);
  const parsed = parseDocumentText(text, format, displayPath, limits, yamlParses);
  if (!parsed.ok) return { diagnostic: parsed.diagnostic };
  const json = parsed.json;
  if (typeof json !== 'boolean' && (json === null || typeof json !== 'object' || Array.isArray(json))) {
    const found = json === undefined ? 'nothing' : Array.isArray(json) ? 'an array' : json === null ? 'null' : `a ${typeof json}`;
    return { diagnostic: { severity: 'error', code: 'not-a-schema', message: `holds ${found}, not a schema (a JSON Schema is an object or a boolean)`, file: displayPath, line: 1, column: 1 } };
  }
  return { absolutePath, displayPath, format, text, json, role, dialect: documentDialect(json, role, fallback) };
}

/** Files in input folders that hold no schema (a project's package.json, a workflow): said once, not read as schemas. */
function skippedNotSchemas(files: string[]): Diagnostic {
  const shown = files.length > 5 ? `${files.slice(0, 5).join(', ')} and ${files.length - 5} more` : files.join(', ');
  return {
    severity: 'warning',
    code: 'not-a-schema-skipped',
    message: `skipped ${files.length} file${files.length === 1 ? '' : 's'} that hold${files.length === 1 ? 's' : ''} no JSON Schema (no schema keyword at the root): ${shown}`,
    file: files[0],
    hint: 'name a file explicitly to read it as a schema anyway',
  };
}

function readFailure(read: Exclude<FileRead, { ok: true }>, role: SourceDocument['role'], file: string): Diagnostic {
  const what = role === 'components' ? 'components document' : 'schema';
  if (read.kind === 'missing') return { severity: 'error', code: 'read-failed', message: `cannot read ${what}: no such file`, file };
  if (read.kind === 'unreadable') return { severity: 'error', code: 'read-failed', message: `cannot read ${what}: ${read.reason}`, file };
  return { severity: 'error', code: 'refused-input', message: `${what} not read: it ${read.reason}`, file };
}
