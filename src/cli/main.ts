import { CommanderError } from 'commander';
import { isAbsolute, resolve } from 'node:path';
import { generate, listInputFiles, type Report } from '../index.js';
import { checkTemplatesFolder, packageVersion } from '../load/assets.js';
import { toDisplayPath } from '../paths/display-path.js';
import { MemoryValidatorCache } from '../emit/validators/cache.js';
import { escapeControlCharacters } from '../diagnostics/terminal-text.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { buildProgram, type CliFlags } from './program.js';
import { ignoreClosedOutput } from './closed-output.js';
import { TEMPLATES_HELP } from './templates-help.js';
import { loadConfigFor, planRuns, type PlannedRun } from './plan-runs.js';
import { UsageError } from './flag-settings.js';
import { humanReporter } from './reporters/human.js';
import { githubReporter } from './reporters/github.js';
import type { Printer, Reporter, RunResult } from './reporters/reporter.js';
import { progressLine, type Progress } from './progress.js';

export type { Printer } from './reporters/reporter.js';

export const EXIT = { ok: 0, stale: 1, badInput: 2, internal: 70 } as const;

const consolePrinter: Printer = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  status: { isTTY: process.stderr.isTTY === true, write: (text) => process.stderr.write(text) },
  colours: { out: coloursFor(process.stdout), err: coloursFor(process.stderr) },
};

/** Colours for a terminal unless NO_COLOR (no-color.org); FORCE_COLOR asks for them anywhere (FORCE_COLOR=0 for none). */
export function coloursFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/**
 * Run the CLI with `argv` (without node and script); resolves to the exit code: with
 * several targets, the worst of theirs. `--watch` runs until `stop` aborts (the bin
 * wires it to Ctrl-C).
 */
export async function runCli(argv: string[], printer: Printer = consolePrinter, cwd = process.cwd(), stop?: AbortSignal): Promise<number> {
  if (printer === consolePrinter) ignoreClosedOutput();
  // `schema-gen templates …` works on template sets (generating from a folder named templates: `schema-gen generate templates`).
  if (argv[0] === 'templates') return (await import('./templates-command.js')).runTemplatesCommand(argv.slice(1), printer, cwd);
  const args = argv[0] === 'generate' ? argv.slice(1) : argv;
  const program = buildProgram(packageVersion()).addHelpText('after', TEMPLATES_HELP);
  // commander's errors quote the arguments as given: no control characters to the terminal.
  program.configureOutput({ writeOut: (s) => printer.out(escapeControlCharacters(s.trimEnd())), writeErr: (s) => printer.err(escapeControlCharacters(s.trimEnd())) });
  let flags: CliFlags;
  try {
    program.parse(args, { from: 'user' });
    flags = program.opts<CliFlags>();
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    throw error;
  }
  const progress = progressLine({ terminal: flags.json || flags.quiet || flags.reporter === 'github' ? undefined : printer.status, env: process.env });
  // Anything printed first erases the progress line, so the two never share a line.
  const shown: Printer = {
    out: (text) => (progress.clear(), printer.out(text)),
    err: (text) => (progress.clear(), printer.err(text)),
    colours: printer.colours,
  };
  try {
    const config = await loadConfigFor(flags.config, cwd);
    const projectFolder = Array.isArray(config) || !config ? cwd : config.folder;
    const reporter = reporterFor(flags, shown, projectFolder);
    if (Array.isArray(config)) {
      reporter.problems(config);
      return EXIT.badInput;
    }
    // A wait for another run's lock is explained while it lasts, not only afterwards.
    const onNotice = (notice: string) => shown.err(`schema-gen: ${escapeControlCharacters(notice)}`);
    const planned = planRuns(config, program.args, flags, cwd);
    if ('problems' in planned) {
      reporter.problems(planned.problems);
      return EXIT.badInput;
    }
    let runs = planned.runs.map((run) => withHooks(run, onNotice, progress));
    if (flags.printInputs) return await printInputs(runs, config?.path, shown, reporter, cwd);
    const runAll = async () => {
      const results: RunResult[] = [];
      let code: number = EXIT.ok;
      for (const run of runs) {
        const result = await runTarget(run, flags, reporter, progress);
        if ('problems' in result) {
          code = Math.max(code, EXIT.badInput);
          continue;
        }
        results.push(result);
        code = Math.max(code, exitCodeOf(result.report));
      }
      if (flags.json) {
        const single = runs.length === 1 && runs[0]!.name === undefined;
        if (!single) shown.out(toJsonText({ targets: Object.fromEntries(results.map((r) => [r.target, r.report])) }));
        else if (results[0]) shown.out(toJsonText(results[0].report));
      } else if (runs.length > 1) reporter.summary(results);
      return code;
    };
    const code = await runAll();
    if (!flags.watch) return code;
    const signal = stop ?? interruptSignal();
    // Between runs of a watch, compiled validators stay in memory.
    const cache = flags.cache === false ? false : new MemoryValidatorCache();
    runs = runs.map((run) => ({ ...run, options: { ...run.options, cache } }));
    const watched = runs.map((run) => run.options);
    // Loaded on demand: the file watcher is of no use to a single run.
    const { watchAndRegenerate } = await import('./watch.js');
    await watchAndRegenerate(
      watched,
      config ? [config.path] : [],
      async () => {
        try {
          // An edited config file applies from the next run on (a broken one is reported, and the last good one kept).
          if (config) {
            const reread = await loadConfigFor(flags.config, cwd);
            const replanned = Array.isArray(reread) ? { problems: reread } : planRuns(reread, program.args, flags, cwd);
            if ('problems' in replanned) reporter.problems(replanned.problems);
            else runs = replanned.runs.map((run) => withHooks({ ...run, options: { ...run.options, cache } }, onNotice, progress));
          }
          await runAll();
        } catch (error) {
          shown.err(`schema-gen: ${escapeControlCharacters(String((error as Error).message))}`);
        }
      },
      signal,
      () => shown.err('schema-gen: watching for changes (Ctrl-C to stop)'),
    );
    return EXIT.ok;
  } catch (error) {
    progress.clear();
    if (error instanceof UsageError) {
      printer.err(`schema-gen: ${escapeControlCharacters(error.message)}`);
      return EXIT.badInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    printer.err(`schema-gen: internal error: ${escapeControlCharacters(message)}`);
    if (flags.verbose && error instanceof Error && error.stack) printer.err(escapeControlCharacters(error.stack));
    else printer.err('(run again with --verbose for a stack trace, and please report it)');
    return EXIT.internal;
  }
}

function reporterFor(flags: CliFlags, printer: Printer, projectFolder: string): Reporter {
  const options = { quiet: flags.quiet ?? false, verbose: flags.verbose ?? false, projectFolder };
  return flags.reporter === 'github' ? githubReporter(printer, options) : humanReporter(printer, options);
}

function withHooks(run: PlannedRun, onNotice: (notice: string) => void, progress: Progress): PlannedRun {
  const label = run.name === undefined ? 'schema-gen' : `schema-gen [${run.name}]`;
  return { ...run, options: { ...run.options, onNotice, onProgress: (stage: string) => progress.stage(`${label}: ${stage}`) } };
}

/** One target: its templates folder checked first (naming it as written), then the run, reported. */
async function runTarget(run: PlannedRun, flags: CliFlags, reporter: Reporter, progress: Progress): Promise<RunResult | { problems: Diagnostic[] }> {
  const started = performance.now();
  const { options } = run;
  if (options.templatesDir) {
    const folder = resolve(options.cwd ?? process.cwd(), options.templatesDir);
    const missing = await checkTemplatesFolder(folder, isAbsolute(options.templatesDir) ? toDisplayPath(folder, options.cwd ?? process.cwd()) : options.templatesDir);
    if (missing) {
      reporter.problems([missing]);
      return { problems: [missing] };
    }
  }
  const report = await generate(options);
  progress.clear();
  const result: RunResult = { ...(run.name !== undefined ? { target: run.name } : {}), report, ms: Math.round(performance.now() - started) };
  if (!flags.json) reporter.run(result);
  return result;
}

function exitCodeOf(report: Report): number {
  return report.status === 'failed' ? EXIT.badInput : report.status === 'stale' ? EXIT.stale : EXIT.ok;
}

/** `--print-inputs`: every file the runs read, relative to the working folder (where the list is used), sorted. */
async function printInputs(runs: readonly PlannedRun[], configFile: string | undefined, printer: Printer, reporter: Reporter, cwd: string): Promise<number> {
  const files = new Set<string>(configFile ? [configFile] : []);
  const problems: Diagnostic[] = [];
  for (const run of runs) {
    const listed = await listInputFiles(run.options);
    listed.files.forEach((file) => files.add(file));
    problems.push(...listed.diagnostics);
  }
  reporter.problems(problems);
  for (const file of [...files].map((f) => toDisplayPath(f, cwd)).sort()) printer.out(escapeControlCharacters(file, { oneLine: true }));
  return problems.some((d) => d.severity === 'error') ? EXIT.badInput : EXIT.ok;
}

/**
 * The report as JSON. JSON escapes C0 controls but leaves DEL and C1 controls raw
 * (valid JSON either way); they are escaped too, since the report may go to a terminal.
 */
function toJsonText(report: unknown): string {
  return JSON.stringify(report, null, 2).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.once('SIGTERM', () => controller.abort());
  return controller.signal;
}
