import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { NamedType, TypeModel } from '../../model/index.js';
import type { ResolvedGraph } from '../../resolve/index.js';
import { walkSchema } from '../../resolve/schema-walk.js';
import { schemaRootsOf } from '../../resolve/schema-walk.js';
import { addFormats, Ajv2020, standaloneCode } from './ajv-modules.js';
import { externalRefKeyword } from './external-ref-keyword.js';
import { toModuleCode, type ValidatorModuleCode } from './module-code.js';
import { cacheKey, type ValidatorCache } from './cache.js';
import type { AnySchemaObject } from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceDocument } from '../../load/document.js';
import { locationKey, type ResolvedRef } from '../../resolve/index.js';
import { AJV_VERSION } from './ajv-modules.js';
import { assignAjvIds, needsNativeRefs, pointerFragment, prepareSchemas, type RefMode } from './prepare-schemas.js';

export type { ValidatorModuleCode } from './module-code.js';
export { MemoryValidatorCache, type ValidatorCache } from './cache.js';

export interface ValidatorOptions {
  /** Report every problem (true) or stop at the first (false). */
  allErrors: boolean;
  /** `assert`: check the formats ajv-formats knows; `annotate`: formats are annotations only (2020-12 default). */
  formats: 'assert' | 'annotate';
}

export interface ValidatorModule extends ValidatorModuleCode {
  type: NamedType;
  exportName: string;
}

export interface CompiledValidators {
  modules: ValidatorModule[];
  /** How many modules came from the cache rather than from ajv. */
  reused: number;
  diagnostics: Diagnostic[];
}

/** Compile each named schema to standalone validator code, one module per schema. */
export function compileValidators(graph: ResolvedGraph, model: TypeModel, options: ValidatorOptions, cache?: ValidatorCache): CompiledValidators {
  const diagnostics: Diagnostic[] = [];
  const ids = assignAjvIds(graph.registry.documents);
  const displayPathOfId = new Map([...ids].map(([doc, id]) => [id, doc.displayPath]));
  const prepared = new Map<RefMode, Map<SourceDocument, AnySchemaObject>>();
  const preparedFor = (mode: RefMode) => {
    let docs = prepared.get(mode);
    if (!docs) prepared.set(mode, (docs = prepareSchemas(graph, model, ids, mode)));
    return docs;
  };
  const instances = new Map<RefMode, Ajv2020>();
  const ajvFor = (mode: RefMode): Ajv2020 => {
    let ajv = instances.get(mode);
    if (!ajv) {
      ajv = createAjv(graph, options, diagnostics);
      ajv.addSchema([...preparedFor(mode).values()]);
      instances.set(mode, ajv);
    }
    return ajv;
  };
  const keyOf = moduleKeys(graph, model, options, preparedFor);
  const modules: ValidatorModule[] = [];
  let reused = 0;
  for (const type of model.types) {
    const { doc, pointer } = type.location;
    const mode = needsNativeRefs(doc) ? 'native' : 'external';
    const exportName = `validate${type.name}`;
    const key = cache && keyOf(type, mode);
    const cached = key ? cache.get(key) : undefined;
    if (cached) {
      modules.push({ type, exportName, ...cached });
      reused++;
      continue;
    }
    const ajv = ajvFor(mode);
    const id = pointer === '' ? ids.get(doc)! : `${ids.get(doc)!}#${pointerFragment(pointer)}`;
    try {
      ajv.getSchema(id);
      const code = toModuleCode(standaloneCode(ajv, { [exportName]: id }), { exportName, schemaPathPrefix: `${doc.displayPath}#${pointer}`, displayPathOfId });
      if (key) cache.set(key, code);
      modules.push({ type, exportName, ...code });
    } catch (error) {
      diagnostics.push({
        severity: 'error',
        code: 'validator-compile-failed',
        message: `ajv cannot compile this schema: ${(error as Error).message}`,
        file: doc.displayPath,
        pointer,
      });
    }
  }
  return { modules, reused, diagnostics };
}

/**
 * The cache key of each module: the generator's and ajv's versions, the options, the
 * type's name and place, and the prepared copy (refs already rewritten) of every
 * document its code can include: its own, and those reached through refs that are
 * inlined rather than called by name.
 */
function moduleKeys(
  graph: ResolvedGraph,
  model: TypeModel,
  options: ValidatorOptions,
  preparedFor: (mode: RefMode) => Map<SourceDocument, AnySchemaObject>,
): (type: NamedType, mode: RefMode) => string {
  const sitesByDoc = new Map<SourceDocument, ResolvedRef[]>();
  for (const ref of graph.refs.values()) {
    const list = sitesByDoc.get(ref.site.location.doc) ?? [];
    list.push(ref);
    sitesByDoc.set(ref.site.location.doc, list);
  }
  const docHashes = new Map<string, string>();
  const docHash = (doc: SourceDocument, mode: RefMode) => {
    const memo = `${mode}\u0000${doc.displayPath}`;
    let hash = docHashes.get(memo);
    if (!hash) docHashes.set(memo, (hash = cacheKey([doc.displayPath, JSON.stringify(preparedFor(mode).get(doc))])));
    return hash;
  };
  return (type, mode) => {
    const closure = new Set<SourceDocument>([type.location.doc]);
    const queue = [type.location.doc];
    while (queue.length > 0) {
      for (const ref of sitesByDoc.get(queue.pop()!) ?? []) {
        const calledByName = mode === 'external' && model.byKey.has(locationKey(ref.target));
        if (calledByName || closure.has(ref.target.doc)) continue;
        closure.add(ref.target.doc);
        queue.push(ref.target.doc);
      }
    }
    const docs = [...closure].map((doc) => docHash(doc, mode)).sort();
    return cacheKey([CACHE_FORMAT, AJV_VERSION, JSON.stringify(options), mode, type.name, type.location.pointer, ...docs]);
  };
}

/**
 * The code that turns schemas into modules (this folder), hashed: a new version of
 * schema-gen, or an edit while developing it, never reuses modules an older one made.
 */
const CACHE_FORMAT = (() => {
  const dir = dirname(fileURLToPath(import.meta.url));
  const sources = readdirSync(dir).filter((f) => /\.(js|ts)$/.test(f)).sort();
  return cacheKey(sources.map((f) => readFileSync(join(dir, f), 'utf8')));
})();

/** The ajv instance validators are compiled with (exported for tests that compare with ajv at run time). */
export function createAjv(graph: ResolvedGraph, options: ValidatorOptions, diagnostics: Diagnostic[]): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: options.allErrors,
    // OpenAPI keywords (example, x-*, discriminator…) are annotations, not mistakes.
    strictSchema: false,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    validateFormats: options.formats === 'assert',
    unicodeRegExp: true,
    code: { source: true, esm: true, lines: true, optimize: true },
    logger: {
      log: () => undefined,
      warn: (...args: unknown[]) => diagnostics.push({ severity: 'warning', code: 'ajv-warning', message: args.map(String).join(' ') }),
      error: (...args: unknown[]) => diagnostics.push({ severity: 'error', code: 'ajv-error', message: args.map(String).join(' ') }),
    },
  });
  addFormats(ajv);
  ajv.addKeyword(externalRefKeyword);
  // Formats ajv-formats does not know are annotations (as draft 2020-12 says), not errors.
  for (const format of unknownFormats(graph, new Set(Object.keys(ajv.formats)))) ajv.addFormat(format, true);
  return ajv;
}

function unknownFormats(graph: ResolvedGraph, known: Set<string>): string[] {
  const found = new Set<string>();
  for (const doc of graph.registry.documents) {
    for (const { pointer, schema } of schemaRootsOf(doc.json, doc.role === 'components')) {
      walkSchema(schema, pointer, null, (node) => {
        if (typeof node.format === 'string' && !known.has(node.format)) found.add(node.format);
        return null;
      });
    }
  }
  return [...found].sort();
}
