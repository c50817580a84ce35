import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { DiagnosticsError, hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { compileValidators, type CompiledValidators } from './emit/validators/index.js';
import { emptyEnumProblems } from './emit/validators/empty-enum.js';
import { cacheFileFor, readCacheFile, writeCacheFile } from './emit/validators/cache-file.js';
import { packageVersion, readRuntimeHelpers } from './load/assets.js';
import { readTemplateSet } from './load/template-set/index.js';
import { loadDocuments, loadReferencedDocuments, type LoadedDocuments, type Unavailable } from './load/index.js';
import { limitDiagnostics } from './limits.js';
import { buildTypeModel, type TypeModel } from './model/index.js';
import { withDefaults, type GenerateOptions, type ResolvedOptions } from './options.js';
import { checkTemplateSet, needsValidators, renderOutput, writtenEntries, type OutputFile } from './render/index.js';
import type { OptionsView } from './render/view/generated/view-types.js';
import { resolveDocuments, type ResolvedGraph } from './resolve/index.js';
import { formatWithPrettier } from './render/prettier.js';
import { bundleValidators } from './render/bundle.js';
import { checkOutput, checkOutputFolder, recoverIfInterrupted, writeOutput, type OutputTarget, type WriteReport } from './write/index.js';

export type { GenerateOptions, SettingPlace } from './options.js';
export { defineConfig } from './config/define-config.js';
export type { SchemaGenConfig, Settings as ConfigSettings, Target as ConfigTarget } from './config/generated/index.js';
export type { Diagnostic } from './diagnostics/diagnostic.js';
export { formatDiagnostic, DiagnosticsError } from './diagnostics/diagnostic.js';
export type { OutputFile } from './render/index.js';
export type { WriteReport } from './write/index.js';
/** What templates see: `import type { TypeView, TemplateHelpers } from 'schema-gen'` (README "Templates"). */
export type * from './render/view/generated/view-types.js';
export type { TemplateHelpers } from './render/helpers.js';
export type { TemplateFunction } from './render/template-function.js';

/** The result of a run: what was (or would be) written, and every problem found. */
export interface Report extends WriteReport {
  /** `written`: output updated; `up-to-date`: nothing to do; `stale` (`--check`): output differs; `failed`: see diagnostics. */
  status: 'written' | 'up-to-date' | 'stale' | 'failed';
  /** Number of named schemas (types) generated. */
  typeCount: number;
  /** Name clashes settled by the naming rule (`file#pointer → Name`). */
  renamedClashes: string[];
  /** Validators reused from the cache (unchanged inputs) instead of compiled. */
  validatorsReused: number;
  /** Milliseconds per stage: load, resolve, model, validators, render, write. */
  timings: StageTimings;
  diagnostics: Diagnostic[];
}

export interface BuiltOutput {
  files: OutputFile[];
  timings: StageTimings;
  validatorsReused?: number;
  model?: TypeModel;
  diagnostics: Diagnostic[];
}

/** Run every stage up to render, in memory: nothing is written. */
export async function buildOutput(options: GenerateOptions = {}): Promise<BuiltOutput> {
  const opts = withDefaults(options);
  const timings: StageTimings = {};
  let last = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    timings[stage] = Math.round(now - last);
    last = now;
  };
  let built: Omit<BuiltOutput, 'timings'>;
  try {
    built = await buildStages(opts, lap);
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

async function buildStages(opts: ResolvedOptions, lap: (stage: string) => void): Promise<Omit<BuiltOutput, 'timings'>> {
  const badLimits = limitDiagnostics(opts.limits);
  if (badLimits.length > 0) return { files: [], diagnostics: badLimits };
  // The template set first: it decides whether validators are compiled at all, and its problems join the schemas' in one report.
  const templates = await readTemplateSet(opts.templatesDir && resolve(opts.cwd, opts.templatesDir), opts.cwd);
  const set = templates.set;
  const withValidators = set !== undefined && needsValidators(set, opts.typesOnly);
  const entries = set ? writtenEntries(set, withValidators) : [];
  const checked = set && checkTemplateSet(set, entries);
  lap('templates');
  opts.onProgress?.('reading schemas');
  const loaded = await loadDocuments({
    inputs: opts.inputs,
    components: opts.components,
    cwd: opts.cwd,
    outDir: resolve(opts.cwd, opts.outDir),
    limits: opts.limits,
    defaultDialect: opts.defaultDialect,
  });
  lap('load');
  opts.onProgress?.('resolving refs');
  // A file that failed to load is reported and the rest still resolved: one run names every problem.
  const { graph, diagnostics: loadDiagnostics } = await resolveWithReferencedDocuments(loaded, opts);
  lap('resolve');
  const diagnostics = [...templates.diagnostics, ...(checked?.diagnostics ?? []), ...loaded.diagnostics, ...loadDiagnostics, ...graph.diagnostics];
  if (hasErrors(diagnostics)) return { files: [], diagnostics };
  opts.onProgress?.('building types');
  const model = buildTypeModel(graph, { additionalProperties: opts.additionalProperties, assumeTypes: opts.assumeTypes, renames: opts.names });
  lap('model');
  diagnostics.push(...model.diagnostics, ...model.unmatchedRenames.map((unmatched) => unmatchedNameDiagnostic(unmatched, opts)));
  if (hasErrors(diagnostics) || !set || !checked) return { files: [], model, diagnostics };
  if (withValidators) {
    diagnostics.push(...graph.registry.documents.flatMap(emptyEnumProblems));
    if (hasErrors(diagnostics)) return { files: [], model, diagnostics };
    opts.onProgress?.('compiling validators');
  }
  const validators = withValidators ? await compileWithCache(graph, model, opts) : undefined;
  lap('validators');
  diagnostics.push(...(validators?.diagnostics ?? []));
  if (hasErrors(diagnostics)) return { files: [], model, diagnostics };
  opts.onProgress?.('rendering');
  const runtimeHelpers = await readRuntimeHelpers();
  const rendered = renderOutput({ model, validators: validators?.modules, set, entries, patterns: checked.patterns, runtimeHelpers, options: optionsView(opts), version: packageVersion() });
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
  return { files, model, diagnostics, validatorsReused: validators?.reused ?? 0 };
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
async function compileWithCache(graph: ResolvedGraph, model: TypeModel, opts: ResolvedOptions): Promise<CompiledValidators> {
  const validatorOptions = { allErrors: opts.allErrors, formats: opts.formats, assumeTypes: opts.assumeTypes, unicodePatterns: opts.unicodePatterns };
  if (opts.cache === false) return compileValidators(graph, model, validatorOptions);
  if (opts.cache !== true) return compileValidators(graph, model, validatorOptions, opts.cache);
  const file = cacheFileFor(opts.cwd);
  if (!file) return compileValidators(graph, model, validatorOptions);
  const cache = await readCacheFile(file);
  const compiled = compileValidators(graph, model, validatorOptions, cache);
  // --check writes nothing; a cache that cannot be written only costs time.
  if (!opts.check) await writeCacheFile(file, cache).catch(() => undefined);
  return compiled;
}

/**
 * Resolve, load what unresolved refs name (meta-schemas, from memory; files under the
 * input folders; URLs under a uriMap prefix; other URLs with `allowRemote`), and
 * resolve again, until nothing new can be loaded. What the load stage refuses is
 * reported at each ref that names it; what failed with an error of its own adds none.
 */
async function resolveWithReferencedDocuments(loaded: LoadedDocuments, opts: ResolvedOptions): Promise<{ graph: ResolvedGraph; diagnostics: Diagnostic[] }> {
  const unavailable = new Map<string, Unavailable>(loaded.unavailable);
  const settings = { roots: loaded.roots, allowRemote: opts.allowRemote, mappedPrefixes: Object.keys(opts.uriMap), unavailable, unicodePatterns: opts.unicodePatterns };
  const context = { cwd: opts.cwd, allowed: loaded.allowed, uriMap: opts.uriMap, timeoutMs: opts.remoteTimeoutMs, limits: opts.limits, defaultDialect: opts.defaultDialect };
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
  const loaded = await loadDocuments({
    inputs: opts.inputs,
    components: opts.components,
    cwd: opts.cwd,
    outDir: resolve(opts.cwd, opts.outDir),
    limits: opts.limits,
    defaultDialect: opts.defaultDialect,
  });
  const { graph, diagnostics } = await resolveWithReferencedDocuments(loaded, opts);
  const files = new Set(loaded.files);
  // Built-in meta-schemas and fetched documents are known by URL: not files of the project.
  for (const doc of graph.registry.documents) if (isAbsolute(doc.absolutePath)) files.add(doc.absolutePath);
  if (opts.templatesDir) for (const file of filesBelow(resolve(opts.cwd, opts.templatesDir))) files.add(file);
  return { files: [...files].sort(), diagnostics: [...loaded.diagnostics, ...diagnostics, ...graph.diagnostics] };
}

function filesBelow(folder: string): string[] {
  try {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .map((name) => join(folder, name))
      .filter((path) => statSync(path).isFile());
  } catch {
    return []; // a missing templates folder is reported by the run itself
  }
}

/**
 * Generate types and validators from schemas: `npx schema-gen` does exactly this.
 * Nothing is written unless every stage succeeded; with `check`, nothing is written at
 * all (except the recovery of an interrupted run, which every run does first).
 */
export async function generate(options: GenerateOptions = {}): Promise<Report> {
  const opts = withDefaults(options);
  const outDir = resolve(opts.cwd, opts.outDir);
  const failedRun = (diagnostics: Diagnostic[], summary: Partial<Report> = {}): Report => ({
    outDir,
    written: [],
    unchanged: [],
    removed: [],
    diff: '',
    notices: [],
    status: 'failed',
    typeCount: 0,
    renamedClashes: [],
    validatorsReused: 0,
    timings: {},
    diagnostics,
    ...summary,
  });
  const folder = checkOutputFolder({ outDir, cwd: opts.cwd, inputs: opts.inputs, components: opts.components, templatesDir: opts.templatesDir, configFile: opts.configFile });
  if (!folder.ok) return failedRun([folder.diagnostic]);
  const target: OutputTarget = { outDir, realOutDir: folder.realOutDir, cwd: opts.cwd, force: opts.force, lockTimeoutMs: opts.lockTimeoutMs, onNotice: opts.onNotice };
  const recovered = await recoverIfInterrupted(target, { check: opts.check });
  if (hasErrors(recovered.diagnostics)) return failedRun(recovered.diagnostics, { notices: recovered.notices });
  const built = await buildOutput(opts);
  const summary = {
    timings: built.timings,
    typeCount: built.model?.types.length ?? 0,
    renamedClashes: built.model?.renamedClashes ?? [],
    validatorsReused: built.validatorsReused ?? 0,
    diagnostics: built.diagnostics,
  };
  if (hasErrors(built.diagnostics)) return failedRun(built.diagnostics, { ...summary, notices: recovered.notices });
  const started = performance.now();
  opts.onProgress?.(opts.check ? 'checking the output' : 'writing the output');
  const { report, diagnostics } = opts.check ? await checkOutput(target, built.files) : await writeOutput(target, built.files);
  summary.timings = { ...summary.timings, [opts.check ? 'check' : 'write']: Math.round(performance.now() - started) };
  summary.diagnostics = [...summary.diagnostics, ...diagnostics];
  const notices = [...recovered.notices, ...report.notices];
  if (hasErrors(diagnostics)) return { ...report, notices, status: 'failed', ...summary };
  const changed = report.written.length > 0 || report.removed.length > 0;
  const status = opts.check ? (changed ? 'stale' : 'up-to-date') : changed ? 'written' : 'up-to-date';
  return { ...report, notices, status, ...summary };
}
