import { resolve } from 'node:path';
import { DiagnosticsError, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compileValidators, type CompiledValidators } from '../emit/validators/index.js';
import { cacheFileFor, keyMemoFileFor, readCacheFile, writeCacheFile } from '../emit/validators/cache-file.js';
import { readLocalCacheAhead, targetCacheFile } from '../paths/local-cache.js';
import { realPathOf } from '../load/confinement.js';
import { packageVersion, readRuntimeHelpers } from '../load/assets.js';
import { readTemplateSet } from '../load/template-set/index.js';
import { loadDocuments, loadReferencedDocuments, type LoadedDocuments, type SourceDocument, type Unavailable, type YamlParseMemo } from '../load/index.js';
import { limitDiagnostics } from '../limits.js';
import { builtInMetaSchemaUri } from '../load/meta-schemas.js';
import { templateFiles } from '../up-to-date/template-files.js';
import { toolFingerprint } from '../up-to-date/tool-fingerprint.js';
import { isAbsolute } from 'node:path';
import { buildTypeModel, type TypeModel } from '../model/index.js';
import { withDefaults, type GenerateOptions, type ResolvedOptions } from '../options.js';
import { checkTemplateSet, needsValidators, renderOutput, writtenEntries, type OutputFile } from '../render/index.js';
import type { OptionsView } from '../render/view/generated/view-types.js';
import { resolveDocuments, type CleanDocumentMemo, type ResolvedGraph } from '../resolve/index.js';
import { cleanDocumentsCache } from './clean-documents-cache.js';
import { YAML_PARSES_FILE, yamlParseCache } from './yaml-parse-cache.js';
import { CLEAN_DOCUMENTS_FILE } from './clean-documents-file.js';
import { formatWithPrettier } from '../render/prettier.js';
import { bundleValidators } from '../render/bundle.js';
import { earlierRender, type TraceReuse } from './earlier-render.js';
import { tracesFile, type EarlierReads } from '../up-to-date/render-traces.js';

/**
 * Every stage up to render, in memory. The heavy part of a run (ajv, the YAML parser,
 * the template engines): \`src/index.ts\` loads this module only when the output is not
 * already up to date.
 */
export interface BuiltOutput {
  files: OutputFile[];
  timings: StageTimings;
  validatorsReused?: number;
  model?: TypeModel;
  diagnostics: Diagnostic[];
  /** What the run read, for the manifest's record; absent when a document came from the network (no record can vouch for it). */
  read?: ReadFiles;
  /** How many output files were kept from the run that wrote the folder rather than rendered again. */
  filesKept?: number;
  /** The output folder's files this run read (to keep them), for the write stage. */
  outputReads?: EarlierReads;
  /** Keeps this run's render traces for the next run: call it once the output is written. */
  saveTraces?: () => Promise<void>;
}

export interface ReadFiles {
  /** Every local document loaded, by absolute path (the record hashes their text). */
  loaded: Map<string, SourceDocument>;
  /** Every other local file read: inputs that hold no schema, the templates folder's files. */
  alsoRead: string[];
}

/** Run every stage up to render, in memory: nothing is written. */
export async function buildOutput(options: GenerateOptions = {}, reuse?: TraceReuse): Promise<BuiltOutput> {
  const opts = withDefaults(options);
  const timings: StageTimings = {};
  let last = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    timings[stage] = Math.round(now - last);
    last = now;
  };
  let built: Omit<BuiltOutput, 'timings'>;
  // The run memos are kept per output folder (by its real path, as the write stage knows it).
  const outDir = resolve(opts.cwd, opts.outDir);
  const realOutDir = reuse?.realOutDir ?? realPathOf(outDir) ?? outDir;
  try {
    built = await buildStages(opts, lap, realOutDir, reuse);
  } catch (error) {
    // Stages that cannot collect (a broken template, say) throw their diagnostics.
    if (error instanceof DiagnosticsError) return { files: [], diagnostics: applyWarningLevels(error.diagnostics, opts.warnings), timings };
    throw error;
  }
  // A class of warnings the config turned into errors stops the run here, before anything is written.
  const diagnostics = applyWarningLevels(built.diagnostics, opts.warnings);
  return { ...built, ...(hasErrors(diagnostics) ? { files: [] } : {}), diagnostics, timings };
}

/** Milliseconds each stage took, in order (for `--verbose` and `--json`). */
export type StageTimings = Record<string, number>;

async function buildStages(opts: ResolvedOptions, lap: (stage: string) => void, realOutDir: string, reuse: TraceReuse | undefined): Promise<Omit<BuiltOutput, 'timings'>> {
  const badLimits = limitDiagnostics(opts.limits);
  if (badLimits.length > 0) return { files: [], diagnostics: badLimits };
  // The local caches this run will read, read now: each is awaited where it is used, meanwhile the run works.
  if (opts.cache === true) {
    const validators = cacheFileFor(opts.cwd, realOutDir);
    readLocalCacheAhead([
      targetCacheFile(opts.cwd, realOutDir, YAML_PARSES_FILE),
      targetCacheFile(opts.cwd, realOutDir, CLEAN_DOCUMENTS_FILE),
      validators,
      validators && keyMemoFileFor(validators),
      reuse && tracesFile(opts.cwd, reuse.realOutDir),
    ]);
  }
  // The template set first: it decides whether validators are compiled at all, and its problems join the schemas' in one report.
  const templates = await readTemplateSet(opts.templatesDir && resolve(opts.cwd, opts.templatesDir), opts.cwd);
  const set = templates.set;
  const withValidators = set !== undefined && needsValidators(set, opts.typesOnly);
  const entries = set ? writtenEntries(set, withValidators) : [];
  const checked = set && checkTemplateSet(set, entries);
  lap('templates');
  opts.onProgress?.('reading schemas');
  // YAML documents earlier runs parsed are not parsed again; kept once referenced documents are loaded too.
  const yamlParses = await yamlParseCache(opts, realOutDir);
  const loaded = await loadInputs(opts, yamlParses.memo);
  lap('load');
  opts.onProgress?.('resolving refs');
  // A file that failed to load is reported and the rest still resolved: one run names every problem.
  // Documents earlier runs found clean are not checked again; the memo is read and kept here, so the resolve stage stays pure.
  const cleanDocuments = await cleanDocumentsCache(opts, realOutDir);
  const { graph, diagnostics: loadDiagnostics } = await resolveWithReferencedDocuments(loaded, opts, cleanDocuments.memo, yamlParses.memo);
  await Promise.all([cleanDocuments.keep(), yamlParses.keep()]);
  lap('resolve');
  const diagnostics = [...templates.diagnostics, ...(checked?.diagnostics ?? []), ...loaded.diagnostics, ...loadDiagnostics, ...graph.diagnostics];
  if (hasErrors(diagnostics)) return { files: [], diagnostics };
  opts.onProgress?.('building types');
  const model = buildTypeModel(graph, { additionalProperties: opts.additionalProperties, assumeTypes: opts.assumeTypes, renames: opts.names });
  lap('model');
  diagnostics.push(...model.diagnostics, ...model.unmatchedRenames.map((unmatched) => unmatchedNameDiagnostic(unmatched, opts)));
  if (hasErrors(diagnostics) || !set || !checked) return { files: [], model, diagnostics };
  if (withValidators) opts.onProgress?.('compiling validators');
  const validators = withValidators ? await compileWithCache(graph, model, opts, realOutDir) : undefined;
  lap('validators');
  diagnostics.push(...(validators?.diagnostics ?? []));
  if (hasErrors(diagnostics)) return { files: [], model, diagnostics };
  opts.onProgress?.('rendering');
  const runtimeHelpers = await readRuntimeHelpers();
  // Formatting by the user's prettier is not traced: a formatted run renders every file.
  const earlier = reuse && !opts.format ? await earlierRender(reuse, opts, set) : undefined;
  const output = renderOutput({
    model,
    validators: validators?.modules,
    set,
    entries,
    patterns: checked.patterns,
    runtimeHelpers,
    options: optionsView(opts),
    version: packageVersion(),
    ...(earlier ? { earlier: earlier.render } : {}),
  });
  const rendered = output.files;
  const formatted = opts.format ? await formatWithPrettier(rendered, resolve(opts.cwd, opts.outDir)) : rendered;
  let files = formatted;
  if (opts.bundle && withValidators) {
    if (!formatted.some((f) => f.path === 'index.js')) {
      return {
        files: [],
        model,
        diagnostics: [
          ...diagnostics,
          {
            severity: 'error',
            code: 'bundle-without-index',
            message: '--bundle bundles index.js, which this template set does not write',
            file: set.folder,
            hint: 'add an entry writing index.js (every validator exported), or leave out --bundle',
          },
        ],
      };
    }
    files = [...formatted, ...(await bundleValidators(formatted, opts.module))].sort((a, b) => (a.path < b.path ? -1 : 1));
  }
  lap('render');
  const { fetched, ...read } = readFilesOf(loaded, graph, opts);
  return {
    files,
    model,
    diagnostics,
    validatorsReused: validators?.reused ?? 0,
    ...(fetched ? {} : { read }),
    filesKept: output.kept,
    ...(earlier ? { outputReads: earlier.reads, saveTraces: () => earlier.save(output.traces) } : {}),
  };
}

/** Every local file the run read; `fetched` when a document came from the network (then no record can vouch for the run). */
function readFilesOf(loaded: LoadedDocuments, graph: ResolvedGraph, opts: ResolvedOptions): ReadFiles & { fetched: boolean } {
  const texts = new Map<string, SourceDocument>();
  let fetched = false;
  for (const doc of graph.registry.documents) {
    // Built-in meta-schemas and fetched documents are known by URL: not files of the project.
    if (isAbsolute(doc.absolutePath)) texts.set(doc.absolutePath, doc);
    else if (builtInMetaSchemaUri(doc.absolutePath) === undefined) fetched = true;
  }
  const templates = opts.templatesDir === undefined ? [] : templateFiles(resolve(opts.cwd, opts.templatesDir));
  return { loaded: texts, alsoRead: [...loaded.files, ...templates], fetched };
}

/** The options as templates see them (`run.options`). */
function optionsView(opts: ResolvedOptions): OptionsView {
  return {
    module: opts.module,
    packageType: opts.module === 'cjs' ? 'commonjs' : 'module',
    typesOnly: opts.typesOnly,
    bundle: opts.bundle,
    readonlyProperties: opts.readonlyProperties,
    additionalProperties: opts.additionalProperties,
    formats: opts.formats,
    allErrors: opts.allErrors,
    assumeTypes: opts.assumeTypes,
    defaultDialect: opts.defaultDialect,
  };
}

/** A `names` key that names no schema of the run: an error at the key, where the config file holds it. */
function unmatchedNameDiagnostic({ key, closest }: { key: string; closest?: string }, opts: ResolvedOptions): Diagnostic {
  return {
    severity: 'error',
    code: 'unknown-names-key',
    message: `"names" key ${JSON.stringify(key)} names no schema of this run`,
    ...opts.settingPlace?.(['names', key]),
    hint: `${closest === undefined ? '' : `did you mean ${JSON.stringify(closest)}? `}a key is "<file>" or "<file>#<pointer>", the file relative to ${opts.configFile ? 'the config file' : 'the working folder'}, naming a schema that gets a type of its own`,
  };
}

/** The config's `warnings`: classes of warnings (by code) dropped, or raised to errors. */
function applyWarningLevels(diagnostics: Diagnostic[], levels: ResolvedOptions['warnings']): Diagnostic[] {
  const levelOf = (code: string) => (Object.hasOwn(levels, code) ? (levels as Record<string, string>)[code] : undefined);
  return diagnostics.flatMap((d) => {
    if (d.severity !== 'warning') return [d];
    const level = levelOf(d.code);
    if (level === 'off') return [];
    return level === 'error' ? [{ ...d, severity: 'error' as const }] : [d];
  });
}

/** Compile validators, reusing what the cache (memory, or node_modules/.cache) already holds. */
async function compileWithCache(graph: ResolvedGraph, model: TypeModel, opts: ResolvedOptions, realOutDir: string): Promise<CompiledValidators> {
  const validatorOptions = { allErrors: opts.allErrors, formats: opts.formats, assumeTypes: opts.assumeTypes, unicodePatterns: opts.unicodePatterns };
  if (opts.cache === false) return compileValidators(graph, model, validatorOptions);
  if (opts.cache !== true) return compileValidators(graph, model, validatorOptions, opts.cache);
  const file = cacheFileFor(opts.cwd, realOutDir);
  if (!file) return compileValidators(graph, model, validatorOptions);
  const cache = await readCacheFile(file, toolFingerprint());
  const compiled = await compileValidators(graph, model, validatorOptions, cache);
  // --check writes nothing, and a cache holding exactly what was used stays as it is; one that cannot be written only costs time.
  if (!opts.check && cache.changed) await writeCacheFile(file, cache).catch(() => undefined);
  return compiled;
}

/**
 * Resolve, load what unresolved refs name (meta-schemas, from memory; files under the
 * input folders; URLs under a uriMap prefix; other URLs with `allowRemote`), and
 * resolve again, until nothing new can be loaded. What the load stage refuses is
 * reported at each ref that names it; what failed with an error of its own adds none.
 */
async function resolveWithReferencedDocuments(
  loaded: LoadedDocuments,
  opts: ResolvedOptions,
  cleanDocuments?: CleanDocumentMemo,
  yamlParses?: YamlParseMemo,
): Promise<{ graph: ResolvedGraph; diagnostics: Diagnostic[] }> {
  const unavailable = new Map<string, Unavailable>(loaded.unavailable);
  const settings = { roots: loaded.roots, allowRemote: opts.allowRemote, mappedPrefixes: Object.keys(opts.uriMap), unavailable, unicodePatterns: opts.unicodePatterns, cleanDocuments };
  const context = { cwd: opts.cwd, allowed: loaded.allowed, uriMap: opts.uriMap, timeoutMs: opts.remoteTimeoutMs, limits: opts.limits, defaultDialect: opts.defaultDialect, yamlParses };
  let documents = loaded.documents;
  const diagnostics: Diagnostic[] = [];
  const attempted = new Set<string>();
  for (;;) {
    const graph = resolveDocuments(documents, settings);
    const toLoad = graph.wanted.filter((w) => !attempted.has(w));
    if (toLoad.length === 0) return { graph, diagnostics };
    toLoad.forEach((w) => attempted.add(w));
    const more = await loadReferencedDocuments(toLoad, context);
    diagnostics.push(...more.diagnostics);
    more.unavailable.forEach((why, location) => unavailable.set(location, why));
    documents = [...documents, ...more.documents];
  }
}

/**
 * Every local file a run with these options reads, by absolute path, sorted: inputs,
 * components documents, the files refs lead to (uriMap folders included) and the files
 * of the templates folder. What `schema-gen --print-inputs` prints, for task runners'
 * cache keys. Reads and resolves, but compiles and writes nothing.
 */
export async function listInputFiles(options: GenerateOptions = {}): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const opts = withDefaults(options);
  const loaded = await loadInputs(opts);
  const { graph, diagnostics } = await resolveWithReferencedDocuments(loaded, opts);
  const read = readFilesOf(loaded, graph, opts);
  const files = new Set([...read.loaded.keys(), ...read.alsoRead]);
  return { files: [...files].sort(), diagnostics: [...loaded.diagnostics, ...diagnostics, ...graph.diagnostics] };
}

/** The load stage over the run's inputs and components documents (never its output folder). */
function loadInputs(opts: ResolvedOptions, yamlParses?: YamlParseMemo): Promise<LoadedDocuments> {
  return loadDocuments({
    yamlParses,
    inputs: opts.inputs,
    components: opts.components,
    cwd: opts.cwd,
    outDir: resolve(opts.cwd, opts.outDir),
    limits: opts.limits,
    defaultDialect: opts.defaultDialect,
  });
}
