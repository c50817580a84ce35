import { distance } from 'fastest-levenshtein';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative, isAbsolute, dirname, posix, resolve as resolvePath, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locatePointer } from '../diagnostics/position.js';
import { builtInMetaSchemaUri, isUnderMetaSchemaFolder, knownMetaSchemaUris, type SourceDocument, type Unavailable } from '../load/index.js';
import { pickByFamily } from './family.js';
import { getAtPointer, joinPointer, parsePointer, unescapeSegment } from '../schema/pointer.js';
import type { RefSite, Registry, SchemaLocation } from './registry.js';
import type { CleanDocumentMemo } from './clean-documents.js';
import type { UnicodePatterns } from '../schema/patterns.js';
import { fragmentOf, resolveUri, safeDecode, schemeOf, stripFragment } from '../schema/uri.js';

/** How a reference found its target: reported in `--verbose` output and tested. */
export type ResolvedVia = 'pointer' | 'anchor' | 'sibling-title' | 'components-document';

export interface ResolvedRef {
  site: RefSite;
  target: SchemaLocation;
  via: ResolvedVia;
}

export interface ResolveSettings {
  /** Folders refs may reach. */
  roots: readonly string[];
  /** Refs may name http(s) documents, which the load stage then fetches. */
  allowRemote: boolean;
  /** URL prefixes served from local folders (`uriMap` option): never fetched. */
  mappedPrefixes: readonly string[];
  /** Files and URLs that the load stage could not (or would not) load, by the path or URL refs want. */
  unavailable?: ReadonlyMap<string, Unavailable>;
  /** How patterns valid only without the `u` flag are reported (see schema-problems). */
  unicodePatterns?: UnicodePatterns;
  /** Documents earlier runs found free of schema problems or of unknown keywords: not checked or walked again (see clean-documents). */
  cleanDocuments?: CleanDocumentMemo;
}

/**
 * A ref that failed; `wants` names a file or URL that, once loaded, may answer it.
 * `quiet`: its target failed with an error of its own, which says all there is.
 */
export interface RefFailure {
  diagnostic: Diagnostic;
  wants?: string;
  quiet?: boolean;
}

type Explained = Diagnostic & { wants?: string; quiet?: boolean };

const COMPONENT_REF = /^\/components\/schemas\/([^/]+)$/;

/** Resolve one `$ref` to the schema it names, or explain why it cannot be. */
export function resolveRef(registry: Registry, site: RefSite, settings: ResolveSettings): ResolvedRef | RefFailure {
  const result = resolveOrExplain(registry, site, settings);
  if (!('code' in result)) return result;
  const { wants, quiet, ...diagnostic } = result;
  return { diagnostic, ...(wants ? { wants } : {}), ...(quiet ? { quiet } : {}) };
}

function resolveOrExplain(registry: Registry, site: RefSite, settings: ResolveSettings): ResolvedRef | Explained {
  const uri = resolveUri(site.ref, site.baseUri);
  if (uri === undefined) return refError(site, 'unresolvable-ref', `cannot resolve "${site.ref}" against base "${site.baseUri}"`);
  const fragment = safeDecode(fragmentOf(uri));
  if (fragment === undefined) return refError(site, 'unresolvable-ref', `"${site.ref}" has a malformed percent-encoding`);

  const resource = findResource(registry, site, stripFragment(uri), settings);
  if ('code' in resource) return resource;

  if (fragment === '' || fragment.startsWith('/')) {
    const pointer = resource.pointer + fragment;
    const segments = parsePointer(pointer)!;
    const component = COMPONENT_REF.exec(fragment);
    if (getAtPointer(resource.doc.json, segments) !== undefined) {
      const preferred = component && resource.doc.role === 'components' ? inputAnswering(registry, site, component[1]!) : undefined;
      return preferred ?? { site, target: { doc: resource.doc, pointer }, via: 'pointer' };
    }
    if (component && resource.doc === site.location.doc) return resolveComponentRef(registry, site, component[1]!, settings);
    return refError(site, 'unresolved-ref', `"${site.ref}" points at nothing: ${resource.doc.displayPath} has no ${pointer}`);
  }
  const anchored = registry.anchors.get(`${resource.doc.displayPath}#${resource.pointer}`)?.get(fragment);
  if (anchored) return { site, target: anchored, via: 'anchor' };
  return refError(site, 'unresolved-ref', `"${site.ref}": no $anchor "${fragment}" in ${resource.doc.displayPath}`);
}

const CONFINED_HINT = 'refs may only reach regular files under the inputs and the --components documents';

function findResource(registry: Registry, site: RefSite, uri: string, settings: ResolveSettings): SchemaLocation | Explained {
  // A meta-schema has one identity however the URL is spelt (http or https, `.json` or not).
  const metaSchemaUri = builtInMetaSchemaUri(uri);
  const known = registry.resources.get(metaSchemaUri ?? uri);
  const scheme = schemeOf(uri);
  if (known) {
    if (scheme === 'file' && schemeOf(site.ref) === 'file') {
      return refError(site, 'refused-ref', `"${site.ref}": file: URLs are refused`, 'write the reference as a path relative to this file');
    }
    return known;
  }
  if (scheme === 'file') {
    if (schemeOf(site.ref) === 'file') return refError(site, 'refused-ref', `"${site.ref}": file: URLs are refused`, 'write the reference as a path relative to this file');
    const local = localPathOf(uri);
    if ('refused' in local) return refError(site, 'refused-ref', `"${site.ref}" ${local.refused}`, 'write the reference as a plain relative path, such as "other.json" or "../common/other.json"');
    const { path } = local;
    if (!settings.roots.some((root) => isInside(root, path))) {
      return refError(site, 'refused-ref', `"${site.ref}" leaves the input folders (${path})`, CONFINED_HINT);
    }
    return unavailableAt(site, settings, path) ?? { ...refError(site, 'unresolved-ref', `"${site.ref}": no such file (${relative(process.cwd(), path)})`), wants: path };
  }
  if (metaSchemaUri) return { ...refError(site, 'unresolved-ref', `"${site.ref}": the meta-schema ${metaSchemaUri} could not be loaded`), wants: metaSchemaUri };
  if (settings.mappedPrefixes.some((prefix) => uri.startsWith(prefix))) {
    return unavailableAt(site, settings, uri) ?? { ...refError(site, 'unresolved-ref', `"${site.ref}": ${uri} is mapped to a local file that does not exist`), wants: uri };
  }
  // Not mapped: a sibling of a document known by URL (a catalogue's $ids) is the file beside it.
  const sibling = localSiblingOf(registry, site, uri);
  if (sibling && 'doc' in sibling) return sibling;
  if (sibling && settings.roots.some((root) => isInside(root, sibling.path)) && (existsSync(sibling.path) || !settings.allowRemote)) {
    // The same step from the local file names the local copy: load it (it must lie under the input folders).
    const unavailable = unavailableAt(site, settings, sibling.path);
    if (unavailable) return unavailable;
    const shown = relative(dirname(site.location.doc.absolutePath), sibling.path).split(sep).join('/');
    return {
      ...refError(
        site,
        'unresolved-ref',
        `"${site.ref}" (${uri}) is not held locally: no file ${shown} beside ${site.location.doc.displayPath}`,
        'add the file there (documents whose $id is a URL find their siblings by the same relative step), or pass --allow-remote to fetch it',
      ),
      wants: sibling.path,
    };
  }
  if (isUnderMetaSchemaFolder(uri)) {
    return refError(
      site,
      'unresolved-ref',
      `"${site.ref}": ${uri} is not a meta-schema schema-gen holds (they are served from memory, never fetched)`,
      `it holds ${knownMetaSchemaUris().join(', ')} and their vocabularies (…/meta/*)`,
    );
  }
  if (scheme === 'http' || scheme === 'https') {
    if (settings.allowRemote) return { ...refError(site, 'unresolved-ref', `"${site.ref}": ${uri} could not be fetched`), wants: uri };
    return refError(
      site,
      'refused-ref',
      `"${site.ref}" is remote${site.ref === uri ? '' : ` (${uri})`} and is not fetched`,
      'add the document to the inputs or --components, or pass --allow-remote to fetch it',
    );
  }
  return refError(site, 'unresolved-ref', `"${site.ref}": no document has the id ${uri}`);
}

/**
 * The path a file URL names, decoded once as fileURLToPath does, or why it names
 * none we would read: a network host (`//host/x`, `\\host\share`) or an encoded
 * separator or NUL, which no relative ref needs and which decoding would turn into a
 * different path than the one written.
 */
function localPathOf(uri: string): { path: string } | { refused: string } {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return { refused: 'is not a valid file reference' };
  }
  if (url.hostname !== '' && url.hostname !== 'localhost') return { refused: `names the network host "${url.hostname}"; only local files are read` };
  if (/%(2f|5c|00)/i.test(url.pathname)) return { refused: 'holds an encoded "/", "\\" or NUL; file refs are plain paths' };
  try {
    return { path: fileURLToPath(url) };
  } catch {
    return { refused: 'is not a valid file path' };
  }
}

/** The failure of a ref whose target the load stage has tried and could not load, if it has. */
function unavailableAt(site: RefSite, settings: ResolveSettings, location: string): Explained | undefined {
  const why = settings.unavailable?.get(location);
  if (!why) return undefined;
  if (why.kind === 'refused') return refError(site, 'refused-ref', `"${site.ref}" ${why.reason}`, why.hint ?? CONFINED_HINT);
  if (why.kind === 'unreadable') return refError(site, 'unresolved-ref', `"${site.ref}" cannot be read (${why.reason})`);
  return { ...refError(site, 'unresolved-ref', `"${site.ref}": its target could not be loaded`), quiet: true };
}

/**
 * A relative ref in a document whose `$id` is remote (the corpus's raw GitHub URLs)
 * resolves to another remote URL; when the referring file is held locally, the same
 * relative step from the local file names the local copy.
 */
function localSiblingOf(registry: Registry, site: RefSite, uri: string): SchemaLocation | { path: string } | undefined {
  const referrer = site.location.doc;
  const referrerUri = registry.documentUri.get(referrer);
  if (!referrerUri || schemeOf(referrerUri) === 'file') return undefined;
  let from: URL;
  let to: URL;
  try {
    [from, to] = [new URL(referrerUri), new URL(uri)];
  } catch {
    return undefined;
  }
  if (from.origin !== to.origin) return undefined;
  const [fromPath, toPath] = [safeDecode(from.pathname), safeDecode(to.pathname)];
  if (fromPath === undefined || toPath === undefined) return undefined;
  const step = posix.relative(posix.dirname(fromPath), toPath);
  const localPath = resolvePath(dirname(referrer.absolutePath), step);
  const doc = documentsByPath(registry).get(localPath);
  return doc ? { doc, pointer: '' } : { path: localPath };
}

const pathIndexes = new WeakMap<Registry, Map<string, SourceDocument>>();

/** Documents by absolute path, built once per registry (a catalogue has thousands of refs). */
function documentsByPath(registry: Registry): Map<string, SourceDocument> {
  let index = pathIndexes.get(registry);
  if (!index) pathIndexes.set(registry, (index = new Map(registry.documents.map((d) => [d.absolutePath, d]))));
  return index;
}

/**
 * Inside a --components document, `#/components/schemas/X` still prefers the input
 * schema titled X: the document is a fallback dictionary, and its copies of shapes the
 * inputs define would otherwise be generated twice.
 */
function inputAnswering(registry: Registry, site: RefSite, encodedName: string): ResolvedRef | undefined {
  const name = unescapeSegment(encodedName);
  const chosen = pickByFamily(site.location.doc.absolutePath, registry.titles.get(name) ?? []);
  return chosen.length === 1 ? { site, target: chosen[0]!, via: 'sibling-title' } : undefined;
}

/**
 * `#/components/schemas/X` that the file itself does not hold: a sibling input titled X
 * (of the referrer's own family when several are), else the components documents.
 */
function resolveComponentRef(registry: Registry, site: RefSite, encodedName: string, settings: ResolveSettings): ResolvedRef | Diagnostic {
  const name = unescapeSegment(encodedName);
  for (const [via, index] of [
    ['sibling-title', registry.titles],
    ['components-document', registry.components],
  ] as const) {
    // The referring file itself is a candidate: `#/components/schemas/Self` in Self is recursion.
    const candidates = index.get(name) ?? [];
    if (candidates.length === 0) continue;
    const chosen = pickByFamily(site.location.doc.absolutePath, candidates);
    if (chosen.length === 1) return { site, target: chosen[0]!, via };
    return refError(
      site,
      'ambiguous-ref',
      `"${site.ref}" matches ${chosen.length} schemas equally: ${chosen.map((c) => `${c.doc.displayPath}${c.pointer ? `#${c.pointer}` : ''}`).join(', ')}`,
      'rename one of the titles, or reference the file directly (e.g. "other.json")',
    );
  }
  const names = [...registry.titles.keys(), ...registry.components.keys()];
  const suggestions = names
    .map((n) => [n, distance(n.toLowerCase(), name.toLowerCase())] as const)
    .filter(([, d]) => d <= Math.max(2, Math.floor(name.length / 3)))
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([n]) => n);
  const didYouMean = suggestions.length ? `did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}? ` : '';
  // A file that failed to load may be the one titled so: say so rather than leave it to guesswork.
  const failed = [...(settings.unavailable?.values() ?? [])].filter((why) => why.kind === 'reported').length;
  const maybeFailed = failed > 0 ? `${failed === 1 ? 'a file that failed to load (see its error) may define it; ' : `${failed} files failed to load (see their errors) and may define it; `}` : '';
  return refError(
    site,
    'unresolved-ref',
    `"${site.ref}": no input schema is titled "${name}", and no --components document defines it`,
    `${maybeFailed}${didYouMean}pass the OpenAPI document that defines it with --components <file>`,
  );
}

function refError(site: RefSite, code: string, message: string, hint?: string): Diagnostic {
  const { doc, pointer } = site.location;
  const refPointer = joinPointer(pointer, '$ref');
  return {
    severity: 'error',
    code,
    message,
    file: doc.displayPath,
    pointer: refPointer,
    ...locatePointer(doc.text, doc.format, refPointer),
    ...(hint ? { hint } : {}),
  };
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
