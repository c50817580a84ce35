import { join, resolve } from 'node:path';
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { withDefaults, type GenerateOptions } from './options.js';
import type { BuiltOutput, StageTimings } from './pipeline/build-output.js';
import type { TraceReuse } from './pipeline/earlier-render.js';
import { unchangedRun } from './up-to-date/check.js';
import { runRecordOf, textHash } from './up-to-date/record.js';
import { saveRunMessages } from './up-to-date/replay.js';
import { settingsHash } from './up-to-date/settings.js';
import { readRegularFile } from './load/read-file.js';
import { checkOutput, checkOutputFolder, MANIFEST_FILE, recoverIfInterrupted, writeOutput, type OutputTarget, type WriteReport } from './write/index.js';

export type { GenerateOptions, SettingPlace } from './options.js';
export { defineConfig } from './config/define-config.js';
export type { SchemaGenConfig, Settings as ConfigSettings, Target as ConfigTarget } from './config/generated/index.js';
export type { Diagnostic } from './diagnostics/diagnostic.js';
export { formatDiagnostic, DiagnosticsError } from './diagnostics/diagnostic.js';
export type { OutputFile } from './render/index.js';
export type { WriteReport } from './write/index.js';
export type { BuiltOutput, StageTimings } from './pipeline/build-output.js';
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
  /** Output files kept as the last run wrote them (nothing they were made of changed) instead of rendered again. */
  filesKept: number;
  /** Milliseconds per stage: load, resolve, model, validators, render, write. */
  timings: StageTimings;
  diagnostics: Diagnostic[];
}

/** Run every stage up to render, in memory: nothing is written. */
export async function buildOutput(options: GenerateOptions = {}): Promise<BuiltOutput> {
  return (await import('./pipeline/build-output.js')).buildOutput(options);
}

/**
 * Every local file a run with these options reads, by absolute path, sorted (what
 * `schema-gen --print-inputs` prints). Reads and resolves, but compiles and writes nothing.
 */
export async function listInputFiles(options: GenerateOptions = {}): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  return (await import('./pipeline/build-output.js')).listInputFiles(options);
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
    filesKept: 0,
    timings: {},
    diagnostics,
    ...summary,
  });
  const folder = checkOutputFolder({ outDir, cwd: opts.cwd, inputs: opts.inputs, components: opts.components, templatesDir: opts.templatesDir, configFile: opts.configFile });
  if (!folder.ok) return failedRun([folder.diagnostic]);
  const target: OutputTarget = { outDir, realOutDir: folder.realOutDir, cwd: opts.cwd, force: opts.force, lockTimeoutMs: opts.lockTimeoutMs, onNotice: opts.onNotice };
  const recovered = await recoverIfInterrupted(target, { check: opts.check });
  if (hasErrors(recovered.diagnostics)) return failedRun(recovered.diagnostics, { notices: recovered.notices });
  // Output formatted by the user's prettier depends on its version and config, which no record covers.
  const settings = opts.format ? undefined : settingsHash(opts, outDir);
  // --no-cache does every step; what it writes (the record included) is the same.
  if (settings !== undefined && opts.cache !== false) {
    const started = performance.now();
    const unchanged = await unchangedRun(opts, outDir, folder.realOutDir, settings);
    if (unchanged) {
      return {
        outDir,
        written: [],
        unchanged: unchanged.files,
        removed: [],
        diff: '',
        notices: recovered.notices,
        status: 'up-to-date',
        typeCount: unchanged.earlier.typeCount,
        renamedClashes: unchanged.earlier.renamedClashes,
        validatorsReused: unchanged.earlier.typeCount,
        filesKept: unchanged.files.length - 1,
        timings: { 'unchanged inputs': Math.round(performance.now() - started) },
        diagnostics: unchanged.earlier.diagnostics,
      };
    }
  }
  // A run that reads no cache keeps no file of the last run either: it renders every one.
  const reuse = settings !== undefined && opts.cache !== false ? { realOutDir: folder.realOutDir, settings } : undefined;
  const pipeline = await import('./pipeline/build-output.js');
  const buildAndWrite = async (reuse: TraceReuse | undefined) => {
    const built = await pipeline.buildOutput(opts, reuse);
    const summary = {
      timings: built.timings,
      typeCount: built.model?.types.length ?? 0,
      renamedClashes: built.model?.renamedClashes ?? [],
      validatorsReused: built.validatorsReused ?? 0,
      filesKept: built.filesKept ?? 0,
      diagnostics: built.diagnostics,
    };
    if (hasErrors(built.diagnostics)) return { ok: false as const, failed: failedRun(built.diagnostics, { ...summary, notices: recovered.notices }) };
    const started = performance.now();
    opts.onProgress?.(opts.check ? 'checking the output' : 'writing the output');
    const run = settings !== undefined && built.read ? runRecordOf({ settings, ...built.read }, outDir, opts.limits) : undefined;
    const written = { ...target, ...(built.outputReads ? { earlierReads: built.outputReads } : {}) };
    const result = opts.check ? await checkOutput(written, built.files, run) : await writeOutput(written, built.files, run);
    summary.timings = { ...summary.timings, [opts.check ? 'check' : 'write']: Math.round(performance.now() - started) };
    return { ok: true as const, built, summary, run, result };
  };
  let attempt = await buildAndWrite(reuse);
  // Another run replaced a file this one had kept unread (by its stamp), so its bytes are gone: once more, reading every kept file.
  if (reuse && attempt.ok && attempt.result.diagnostics.some((d) => d.code === 'changed-during-run')) attempt = await buildAndWrite({ ...reuse, readEveryKeptFile: true });
  if (!attempt.ok) return attempt.failed;
  const { built, summary, run, result } = attempt;
  const { report, diagnostics } = result;
  summary.diagnostics = [...summary.diagnostics, ...diagnostics];
  const notices = [...recovered.notices, ...report.notices];
  if (hasErrors(diagnostics)) return { ...report, notices, status: 'failed', ...summary };
  const changed = report.written.length > 0 || report.removed.length > 0;
  const status = opts.check ? (changed ? 'stale' : 'up-to-date') : changed ? 'written' : 'up-to-date';
  // What the next run with nothing to do repeats; --check writes nothing, not even the cache.
  if (run && !opts.check) await saveMessagesFor(opts.cwd, folder.realOutDir, summary);
  if (!opts.check) await built.saveTraces?.();
  return { ...report, notices, status, ...summary };
}

async function saveMessagesFor(cwd: string, realOutDir: string, summary: { typeCount: number; diagnostics: Diagnostic[]; renamedClashes: string[] }): Promise<void> {
  const manifest = readRegularFile(join(realOutDir, MANIFEST_FILE), Number.MAX_SAFE_INTEGER, { resolvedPath: true });
  if (!manifest.ok) return;
  await saveRunMessages(cwd, realOutDir, textHash(manifest.text), { typeCount: summary.typeCount, diagnostics: summary.diagnostics, renamedClashes: summary.renamedClashes });
}
