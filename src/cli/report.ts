import pc from 'picocolors';
import { relative } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { escapeControlCharacters } from '../diagnostics/terminal-text.js';
import type { Report } from '../index.js';

export interface Printer {
  out(text: string): void;
  err(text: string): void;
}

/** Each diagnostic as `formatDiagnostic` words it (control characters already escaped), coloured by severity. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], printer: Printer): void {
  for (const d of diagnostics) {
    const text = formatDiagnostic(d);
    printer.err(d.severity === 'error' ? pc.red(text) : pc.yellow(text));
  }
}

/** One summary line (plus the diff for a stale `--check`). */
export function printReport(report: Report, printer: Printer, { quiet, verbose, cwd, ms }: { quiet: boolean; verbose: boolean; cwd: string; ms: number }): void {
  // Recovering an interrupted run changes the folder, so it is said even with --quiet.
  for (const notice of report.notices) printer.err(pc.yellow(`schema-gen: ${notice}`));
  printDiagnostics(report.diagnostics, printer);
  // Paths, names and file contents are user text: no control characters reach the terminal.
  const safe = (text: string) => escapeControlCharacters(text, { oneLine: true });
  const shown = relative(cwd, report.outDir) || '.';
  const out = safe(shown.startsWith('../..') ? report.outDir.replace(/\/$/, '') : shown); // `--out /` reads better than ../../..
  const types = `${report.typeCount} type${report.typeCount === 1 ? '' : 's'}`;
  const time = `${ms} ms`;
  switch (report.status) {
    case 'failed': {
      const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
      printer.err(pc.red(`schema-gen: ${errors} error${errors === 1 ? '' : 's'}; nothing was written (${out}/ is unchanged).`));
      return;
    }
    case 'stale':
      printer.out(colourDiff(report.diff));
      printer.err(
        pc.red(`schema-gen: ${out}/ is stale: ${report.written.length} file(s) to write, ${report.removed.length} to remove. Run \`npx schema-gen\` and commit the result.`),
      );
      return;
    default:
      if (quiet) return;
      if (verbose) {
        for (const clash of report.renamedClashes) printer.err(pc.dim(`  name clash settled: ${safe(clash)}`));
        const stages = Object.entries(report.timings).map(([stage, ms]) => `${stage} ${ms} ms`);
        printer.err(pc.dim(`  ${stages.join(' · ')}; ${report.validatorsReused} of ${report.typeCount} validators reused from the cache`));
      }
      else if (report.renamedClashes.length > 0) {
        printer.err(pc.dim(`  ${report.renamedClashes.length} schemas renamed to settle name clashes (--verbose lists them)`));
      }
      printer.err(
        report.status === 'up-to-date'
          ? `schema-gen: ${types} → ${out}/ is up to date (${time})`
          : `schema-gen: ${types} → ${out}/ (${report.written.length} written, ${report.unchanged.length} unchanged, ${report.removed.length} removed) in ${time}`,
      );
  }
}

function colourDiff(diff: string): string {
  return diff
    .split('\n')
    .map((line) => escapeControlCharacters(line, { oneLine: true }))
    .map((line) => (line.startsWith('+') && !line.startsWith('+++') ? pc.green(line) : line.startsWith('-') && !line.startsWith('---') ? pc.red(line) : line.startsWith('@@') ? pc.cyan(line) : line))
    .join('\n');
}
