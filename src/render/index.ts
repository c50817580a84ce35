import { DiagnosticsError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { RuntimeHelpers } from '../load/assets.js';
import type { TemplateSet, TemplateSetEntry } from '../load/template-set/index.js';
import type { TypeModel } from '../model/index.js';
import { lineCommentText } from '../emit/code-text.js';
import type { ValidatorModule } from '../emit/validators/index.js';
import { planPaths, ROOT_VIEW, type PlannedFile } from './check-set.js';
import { describeView } from './view/description.js';
import { toCommonJs } from './commonjs.js';
import { keptUnread, type OutputFile } from './output-file.js';
import type { PathPattern } from './path-pattern.js';
import { TemplateRenderer } from './render-file.js';
import { RunViews, type FileViews } from './view/build.js';
import type { OptionsView } from './view/generated/view-types.js';
import { dependency } from './trace/deps.js';
import { contentHash, type FileTrace } from './trace/file-trace.js';
import { Fingerprints } from './trace/fingerprints.js';

export type { OutputFile } from './output-file.js';
export { checkTemplateSet } from './check-set.js';

export interface RenderInput {
  model: TypeModel;
  /** Absent when the run writes no validators (`--types-only`, or a set that has none). */
  validators?: ValidatorModule[];
  set: TemplateSet;
  /** The entries this run writes (`writtenEntries`), their path patterns checked (`checkTemplateSet`). */
  entries: readonly TemplateSetEntry[];
  patterns: ReadonlyMap<string, PathPattern>;
  runtimeHelpers: RuntimeHelpers;
  options: OptionsView;
  version: string;
  /**
   * Files an earlier run rendered with the same settings, templates and schema-gen, that
   * may be kept rather than rendered again. Absent: the run keeps no traces (no local
   * cache, `--no-cache`, `--format`, ES-module templates), so none is made.
   */
  earlier?: EarlierRender;
}

export interface EarlierRender {
  traces: ReadonlyMap<string, FileTrace>;
  /**
   * Whether the output folder still holds, at this path, a regular file whose bytes hash
   * to `sha256`: with those bytes, or without when its stamp says so and it was not read.
   */
  keptOnDisk(path: string, sha256: string): { bytes?: Buffer } | undefined;
  /** The file's bytes, read now; an error diagnostic unless they hash to `sha256` (for a file kept unread). */
  readLater(path: string, sha256: string): Buffer;
}

export interface RenderedOutput {
  files: OutputFile[];
  /** Each file's trace, for the next run (none when the run keeps no traces). */
  traces: Map<string, FileTrace>;
  /** How many files were kept from the earlier run rather than rendered. */
  kept: number;
}

/** The entries a run writes: all but those of the validators, unless validators are written. */
export function writtenEntries(set: TemplateSet, withValidators: boolean): TemplateSetEntry[] {
  return set.entries.filter((entry) => withValidators || !entry.validators);
}

/** Whether a run with this set compiles validators: some entry needs them, and the run is not types-only. */
export function needsValidators(set: TemplateSet, typesOnly: boolean): boolean {
  return !typesOnly && set.entries.some((entry) => entry.validators);
}

/**
 * Every output file, through the set's templates: each entry once per schema, once per
 * run or once per run-time helper, at the path its pattern gives. A problem a template
 * causes (a path two entries write, a failing template) is a diagnostic naming the
 * template; all are collected, then thrown together.
 */
export function renderOutput(input: RenderInput): RenderedOutput {
  const { model, set } = input;
  const validators = input.validators && new Map(input.validators.map((v) => [v.type.key, v]));
  const helpersUsed = [...new Set(input.validators?.flatMap((v) => v.runtimeHelpers) ?? [])].sort();
  const plan = planPaths(set, input.entries, input.patterns, { types: model.types, helpers: helpersUsed }, input.options.bundle && validators !== undefined);
  if (plan.diagnostics.length > 0) throw new DiagnosticsError(plan.diagnostics);

  const views = new RunViews({
    model,
    ...(validators ? { validators } : {}),
    helpersUsed,
    helperCode: (name) => {
      const code = input.runtimeHelpers[input.options.module === 'cjs' ? `${name}.cjs` : name];
      if (code === undefined) throw new Error(`schema-gen: runtime helper "${name}" is missing; run \`npm run build\``);
      return code;
    },
    readonlyProperties: input.options.readonlyProperties,
    options: input.options,
    version: input.version,
    layout: plan.layout,
    traced: input.earlier !== undefined,
  });
  const renderer = new TemplateRenderer(set);
  const runSource = `${model.types.length} schema${model.types.length === 1 ? '' : 's'}`;
  const fingerprints = new Fingerprints({ model, ...(validators ? { validators } : {}), helpersUsed });
  const traces = new Map<string, FileTrace>();
  let kept = 0;
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const failures = new Map<string, { diagnostic: Diagnostic; more: number }>();
  for (const planned of plan.files) {
    const { entry } = planned;
    const identity = [planned.path, entry.name, planned.item];
    const earlier = keptFile(planned.path, identity);
    if (earlier) {
      files.push(earlier.file);
      traces.set(planned.path, earlier.trace);
      kept++;
      continue;
    }
    const file = views.forFile(planned.path, entry.validators);
    // What every file of its kind shows besides its view: a schema's place, the run's number of schemas.
    const deps = new Set<string>(entry.each === 'schema' ? [dependency.identity(planned.item)] : entry.each === 'run' ? [dependency.schemas] : []);
    if (views.tracer) views.tracer.current = deps;
    const rendered = renderer.render(entry.template, rootView(planned, file, runSource), () => ({
      view: describeView(ROOT_VIEW[entry.each]),
      scope: { entries: plan.layout.entries, validators: entry.validators },
    }));
    if (views.tracer) views.tracer.current = undefined;
    if ('diagnostic' in rendered) {
      // A template that fails for every schema is reported once, at its place, with how often.
      const { file, line, column } = rendered.diagnostic;
      const place = `${file}:${line}:${column}`;
      failures.set(place, failures.get(place) ?? { diagnostic: rendered.diagnostic, more: -1 });
      failures.get(place)!.more++;
      continue;
    }
    let content = rendered.text;
    if (entry.esModule && input.options.module === 'cjs') {
      try {
        content = toCommonJs(content, planned.path);
      } catch (error) {
        diagnostics.push({
          severity: 'error',
          code: 'bad-template',
          message: (error as Error).message.replace(/^schema-gen: /, ''),
          file: entry.template.file,
          hint: 'with --module cjs, ES module files may hold only the import and export forms of the default templates',
        });
        continue;
      }
    }
    files.push({ path: planned.path, content });
    if (!views.tracer) continue;
    const read = [...deps].sort();
    traces.set(planned.path, { deps: read, fingerprint: fingerprints.ofFile(identity, read), contentHash: contentHash(content) });
  }
  for (const { diagnostic, more } of failures.values()) {
    diagnostics.push(more === 0 ? diagnostic : { ...diagnostic, message: `${diagnostic.message} (and ${more} more file${more === 1 ? '' : 's'} failed there)` });
  }
  if (diagnostics.length > 0) throw new DiagnosticsError(diagnostics);
  return { files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), traces, kept };

  /** The earlier run's file, when what it read hashes the same now and the folder still holds exactly its bytes. */
  function keptFile(path: string, identity: readonly string[]): { file: OutputFile; trace: FileTrace } | undefined {
    const trace = input.earlier?.traces.get(path);
    if (!trace || fingerprints.ofFile(identity, trace.deps) !== trace.fingerprint) return undefined;
    const earlier = input.earlier!;
    // The hash of the bytes, not of their decoding: bytes that are not UTF-8 are never kept.
    const sha256 = trace.contentHash;
    const onDisk = earlier.keptOnDisk(path, sha256);
    if (!onDisk) return undefined;
    const file = onDisk.bytes ? { path, content: onDisk.bytes.toString('utf8'), onDisk: { bytes: onDisk.bytes, sha256 } } : keptUnread(path, sha256, earlier.readLater);
    return { file, trace };
  }

  function rootView(planned: PlannedFile, file: FileViews, runs: string): object {
    const { entry } = planned;
    const fileView = { path: planned.path, entry: entry.name, template: entry.template.name };
    const run = file.runView();
    if (entry.each === 'schema') {
      const type = model.byKey.get(planned.item)!;
      const { displayPath } = type.location.doc;
      const source = type.location.pointer === '' ? displayPath : `${displayPath}#${type.location.pointer}`;
      return { schema: file.typeView(type), file: fileView, run, source: lineCommentText(source) };
    }
    if (entry.each === 'runtimeHelper') {
      return { helper: file.helperView(planned.item), file: fileView, run, source: lineCommentText(`ajv's "${planned.item}" run-time helper, bundled`) };
    }
    return { file: fileView, run, source: lineCommentText(entry.source ?? runs) };
  }
}
