import picocolors from 'picocolors';
import { relative } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { escapeControlCharacters } from '../../diagnostics/terminal-text.js';
import type { Printer, Reporter, RunResult } from './reporter.js';

export interface HumanOptions {
  /** Errors only, and a count of the warnings. */
  quiet: boolean;
  verbose: boolean;
  /** The folder paths are shown relative to: the config file's (else the working folder). */
  projectFolder: string;
  /** Prints diagnostics instead of the paragraphs (the github reporter's annotations). */
  diagnostics?: (diagnostics: readonly Diagnostic[], label: string) => void;
  /** Prints the diff of a stale `--check` (default: coloured, on stdout). */
  diff?: (diff: string, label: string) => void;
}

/** Each diagnostic as `formatDiagnostic` words it (control characters already escaped), coloured by severity. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], printer: Printer): void {
  const pc = errColours(printer);
  for (const d of diagnostics) {
    const text = formatDiagnostic(d);
    printer.err(d.severity === 'error' ? pc.red(text) : pc.yellow(text));
  }
}

/** Paragraphs for people: every problem, then one summary line per target (plus the diff of a stale `--check`). */
export function humanReporter(printer: Printer, options: HumanOptions): Reporter {
  const pc = errColours(printer);
  const show = (diagnostics: readonly Diagnostic[], label: string) => {
    if (options.diagnostics) return options.diagnostics(diagnostics, label);
    if (!options.quiet) return printDiagnostics(diagnostics, printer);
    printDiagnostics(
      diagnostics.filter((d) => d.severity === 'error'),
      printer,
    );
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    if (warnings > 0) printer.err(pc.yellow(`${label}: ${warnings} warning${warnings === 1 ? '' : 's'} not shown (-q)`));
  };
  return {
    problems: (diagnostics) => show(diagnostics, 'schema-gen'),
    run: (result) => printRun(result, printer, options, show),
    summary: (results) => {
      if (options.quiet && results.every((r) => r.report.status === 'written' || r.report.status === 'up-to-date')) return;
      const parts = results.map((r) => `${escapeControlCharacters(r.target ?? '', { oneLine: true })} ${STATUS_WORDS[r.report.status]}`);
      const failed = results.some((r) => r.report.status === 'failed' || r.report.status === 'stale');
      const line = `schema-gen: ${results.length} targets: ${parts.join(', ')}`;
      printer.err(failed ? pc.red(line) : line);
    },
  };
}

const STATUS_WORDS = { written: 'written', 'up-to-date': 'up to date', stale: 'stale', failed: 'failed' } as const;

/** `schema-gen` or, for a config's target, `schema-gen [user-pools]`. */
export function runLabel(target: string | undefined): string {
  return target === undefined ? 'schema-gen' : `schema-gen [${escapeControlCharacters(target, { oneLine: true })}]`;
}

function printRun({ target, report, ms }: RunResult, printer: Printer, options: HumanOptions, show: (d: readonly Diagnostic[], label: string) => void): void {
  const label = runLabel(target);
  const pc = errColours(printer);
  // Recovering an interrupted run changes the folder, so it is said even with --quiet.
  for (const notice of report.notices) printer.err(pc.yellow(`${label}: ${escapeControlCharacters(notice)}`));
  show(report.diagnostics, label);
  const out = shownOutputFolder(report.outDir, options.projectFolder);
  const types = `${report.typeCount} type${report.typeCount === 1 ? '' : 's'}`;
  switch (report.status) {
    case 'failed': {
      const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
      printer.err(pc.red(`${label}: ${errors} error${errors === 1 ? '' : 's'}; nothing was written (${out}/ is unchanged).`));
      return;
    }
    case 'stale':
      if (options.diff) options.diff(report.diff, label);
      else printer.out(colourDiff(report.diff, picocolors.createColors(printer.colours?.out === true)));
      printer.err(pc.red(`${label}: ${out}/ is stale: ${report.written.length} file(s) to write, ${report.removed.length} to remove. Run \`npx schema-gen\` and commit the result.`));
      return;
    default:
      if (options.quiet) return;
      if (options.verbose) {
        for (const clash of report.renamedClashes) printer.err(pc.dim(`  name clash settled: ${escapeControlCharacters(clash, { oneLine: true })}`));
        const stages = Object.entries(report.timings).map(([stage, stageMs]) => `${stage} ${stageMs} ms`);
        printer.err(pc.dim(`  ${stages.join(' · ')}; ${report.validatorsReused} of ${report.typeCount} validators reused from the cache, ${report.filesKept} files kept as the last run wrote them`));
      } else if (report.renamedClashes.length > 0) {
        printer.err(pc.dim(`  ${report.renamedClashes.length} schemas renamed to settle name clashes (--verbose lists them)`));
      }
      printer.err(
        report.status === 'up-to-date'
          ? `${label}: ${types} → ${out}/ is up to date (${ms} ms)`
          : `${label}: ${types} → ${out}/ (${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed) in ${ms} ms`,
      );
  }
}

/** The output folder relative to the project folder; `--out /` reads better than ../../.. */
export function shownOutputFolder(outDir: string, projectFolder: string): string {
  const shown = relative(projectFolder, outDir) || '.';
  return escapeControlCharacters(shown.startsWith('../..') ? outDir.replace(/\/$/, '') : shown, { oneLine: true });
}

function colourDiff(diff: string, pc: Colours): string {
  return diff
    .split('\n')
    .map((line) => escapeControlCharacters(line, { oneLine: true }))
    .map((line) => (line.startsWith('+') && !line.startsWith('+++') ? pc.green(line) : line.startsWith('-') && !line.startsWith('---') ? pc.red(line) : line.startsWith('@@') ? pc.cyan(line) : line))
    .join('\n');
}

type Colours = ReturnType<typeof picocolors.createColors>;

/** picocolors' own default turns colours on whenever `CI` is set, even into a pipe or a log file: the printer decides instead. */
function errColours(printer: Printer): Colours {
  return picocolors.createColors(printer.colours?.err === true);
}
