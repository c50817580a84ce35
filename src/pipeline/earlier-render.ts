import { createHash } from 'node:crypto';
import { join, relative, resolve } from 'node:path';
import { DiagnosticsError } from '../diagnostics/diagnostic.js';
import type { TemplateSet } from '../load/template-set/index.js';
import type { ResolvedOptions } from '../options.js';
import type { EarlierRender } from '../render/index.js';
import { isFileTrace, type FileTrace } from '../render/trace/file-trace.js';
import { OutputStamps } from '../up-to-date/output-stamps.js';
import { keepsRenderTraces, outputFileReader, readRenderTraces, saveRenderTraces, tracesStamp, type EarlierReads } from '../up-to-date/render-traces.js';

/** Where the output goes and the hash of the settings that shape it: what a run needs to keep files of the last one. */
export interface TraceReuse {
  realOutDir: string;
  settings: string;
  /** Read every kept file, trusting no stamp: the run again after another run replaced a file this one had kept unread. */
  readEveryKeptFile?: boolean;
}

/**
 * The render traces of the run that wrote the output folder, when they were made with
 * this build of schema-gen, these settings and this template set; and how to keep this
 * run's. None where the run has no local cache to keep them in. A set with ES-module templates is never traced: a module can read what no
 * trace sees (other modules, the disk), so every file of such a set is rendered.
 */
export async function earlierRender(
  reuse: TraceReuse,
  opts: ResolvedOptions,
  set: TemplateSet,
): Promise<{ render: EarlierRender; reads: EarlierReads; save(traces: ReadonlyMap<string, FileTrace>): Promise<void> } | undefined> {
  // Traces with nowhere to be kept would cost a fingerprint per file for nothing.
  if (!keepsRenderTraces(opts.cwd, reuse.realOutDir)) return undefined;
  const templates = templateSetHash(set);
  if (templates === undefined) return undefined;
  const stamp = tracesStamp([reuse.settings, templates]);
  const stored = await readRenderTraces(opts.cwd, reuse.realOutDir, stamp);
  const traces = new Map<string, FileTrace>();
  for (const [path, trace] of stored) if (isFileTrace(trace)) traces.set(path, trace);
  // Stamps vouch for files in a normal run; --check reads every byte, --bundle needs them all.
  const stamps = opts.check || opts.bundle || reuse.readEveryKeptFile ? undefined : await OutputStamps.read(opts.cwd, reuse.realOutDir);
  const output = outputFileReader(reuse.realOutDir, stamps);
  const shown = (path: string) => relative(opts.cwd, join(resolve(opts.cwd, opts.outDir), path));
  return {
    render: { traces, keptOnDisk: output.keptOnDisk, readLater: (path, sha256) => output.readNow(path, sha256) ?? changedDuringRun(shown(path)) },
    reads: output.reads,
    save: async (next) => {
      // Files this run rendered keep the stamps they had (a file written since has another, which vouches for nothing).
      await Promise.all([saveRenderTraces(opts.cwd, reuse.realOutDir, stamp, next), stamps?.save(next.keys())]);
    },
  };
}

/** A file kept unread whose bytes something needs after all, and they are gone. */
function changedDuringRun(shown: string): never {
  throw new DiagnosticsError([
    {
      severity: 'error',
      code: 'changed-during-run',
      message: 'this file was kept unread from the last run by its stamp, and another program or run changed it while this run worked; nothing was written',
      file: shown,
      hint: 'run schema-gen again',
    },
  ]);
}

/** Every entry's settings and template text, and every partial; undefined when a template is an ES module. */
function templateSetHash(set: TemplateSet): string | undefined {
  const hash = createHash('sha256');
  for (const entry of set.entries) {
    if (entry.template.engine !== 'mustache') return undefined;
    hash.update(JSON.stringify([entry.name, entry.each, entry.path, entry.validators, entry.esModule, entry.source ?? null, entry.template.name, entry.template.text]));
  }
  for (const [name, partial] of [...set.partials].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(JSON.stringify([name, partial.text]));
  return hash.digest('hex');
}
