import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceDocument } from '../../load/document.js';
import type { NamedType, TypeModel } from '../../model/index.js';
import type { ResolvedGraph, ResolvedRef } from '../../resolve/index.js';
// The registry's own module, not the resolve stage's index (which loads ajv for the meta-schema check).
import { locationKey } from '../../resolve/registry.js';
import { buildId } from '../../load/assets.js';
import { CODE_DEPENDENCY_VERSIONS } from '../../ajv/versions.js';
import { cacheKey } from './cache.js';
import type { ValidatorOptions } from './index.js';
import type { RefMode } from './prepare-schemas.js';
import type { Dialect } from '../../schema/dialect.js';
import { dialectAt } from '../../schema/dialect-regions.js';

/**
 * The cache key of each module: the generator's code and the versions of ajv, ajv-formats,
 * ajv-draft-04 and acorn, the options, the dialect it is compiled in, the `__proto__` stand-in, the type's name and place, and the hash of the prepared copy (refs already rewritten) of every
 * document its code can include (`inlined`, see inlinedDocuments). `docHash` gives that hash (see ValidatorRun in run.ts).
 */
export function moduleKeys(
  options: ValidatorOptions,
  protoStandIn: string,
  inlined: (type: NamedType, mode: RefMode) => ReadonlySet<SourceDocument>,
  docHash: (doc: SourceDocument, dialect: Dialect, mode: RefMode) => string,
): (type: NamedType, dialect: Dialect, mode: RefMode) => string {
  const docHashes = new Map<string, string>();
  const hashOf = (doc: SourceDocument, dialect: Dialect, mode: RefMode) => {
    const memo = `${dialect}\u0000${mode}\u0000${doc.displayPath}`;
    let hash = docHashes.get(memo);
    if (!hash) docHashes.set(memo, (hash = docHash(doc, dialect, mode)));
    return hash;
  };
  return (type, dialect, mode) => {
    const docs = [...inlined(type, mode)].map((doc) => hashOf(doc, dialect, mode)).sort();
    return cacheKey([cacheFormat(), ...CODE_DEPENDENCY_VERSIONS, JSON.stringify(options), protoStandIn, dialect, mode, type.name, type.location.pointer, ...docs]);
  };
}

/**
 * The documents whose prepared copies a type's module can include, so the only ones its
 * compile needs: its own, and those reached through refs that are inlined rather than
 * called by name. That depends on the type's document and the mode alone, so it is
 * worked out once per document and mode (read-only): a document of thousands of types
 * and refs would otherwise walk all its refs for each of its types.
 */
export function inlinedDocuments(graph: ResolvedGraph, model: TypeModel): (type: NamedType, mode: RefMode) => ReadonlySet<SourceDocument> {
  const sitesByDoc = new Map<SourceDocument, ResolvedRef[]>();
  for (const ref of graph.refs.values()) {
    const list = sitesByDoc.get(ref.site.location.doc) ?? [];
    list.push(ref);
    sitesByDoc.set(ref.site.location.doc, list);
  }
  const closures = new Map<RefMode, Map<SourceDocument, ReadonlySet<SourceDocument>>>();
  return (type, mode) => {
    let byDoc = closures.get(mode);
    if (!byDoc) closures.set(mode, (byDoc = new Map()));
    let closure = byDoc.get(type.location.doc);
    if (!closure) byDoc.set(type.location.doc, (closure = closureOf(type.location.doc, mode)));
    return closure;
  };

  function closureOf(start: SourceDocument, mode: RefMode): Set<SourceDocument> {
    const closure = new Set<SourceDocument>([start]);
    const queue = [start];
    while (queue.length > 0) {
      for (const ref of sitesByDoc.get(queue.pop()!) ?? []) {
        // Called by name: in external mode, and across dialects (see prepare-schemas).
        const calledByName =
          model.byKey.has(locationKey(ref.target)) && (mode === 'external' || dialectAt(ref.site.location.doc, ref.site.location.pointer) !== dialectAt(ref.target.doc, ref.target.pointer));
        if (calledByName || closure.has(ref.target.doc)) continue;
        closure.add(ref.target.doc);
        queue.push(ref.target.doc);
      }
    }
    return closure;
  }
}

/** The hash of one document's prepared copy (undefined: the document holds no schema of the instance's dialect), as module keys take it. */
export function preparedCopyHash(doc: SourceDocument, copy: object | undefined): string {
  return cacheKey([doc.displayPath, JSON.stringify(copy ?? null)]);
}

/**
 * The code that turns schemas into modules, hashed: a new version of schema-gen, or an
 * edit while developing it, never reuses modules an older one made. A build of dist/ has
 * its build id (the hash of all of dist/); the sources under the tests are this folder and
 * below, and the code writer `../code-text`.
 */
let codeFingerprint: string | undefined;
function cacheFormat(): string {
  if (codeFingerprint !== undefined) return codeFingerprint;
  const build = buildId();
  if (build !== undefined) return (codeFingerprint = cacheKey(['build', build]));
  const dir = dirname(fileURLToPath(import.meta.url));
  const sources = (readdirSync(dir, { recursive: true }) as string[])
    // Code only: in dist/ the declaration files beside it (.d.ts) change nothing a module does.
    .filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => join(dir, f));
  const codeText = (readdirSync(dirname(dir)) as string[]).filter((f) => /^code-text\.(js|ts)$/.test(f)).map((f) => join(dirname(dir), f));
  codeFingerprint = cacheKey([...sources, ...codeText].map((f) => readFileSync(f, 'utf8')));
  return codeFingerprint;
}
