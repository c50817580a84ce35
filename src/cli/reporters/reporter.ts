import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Report } from '../../index.js';

export interface Printer {
  out(text: string): void;
  err(text: string): void;
  /** The terminal behind `err`, when there is one: where a progress line may go. */
  status?: { isTTY: boolean; write(text: string): void };
  /** Whether `out` and `err` may carry ANSI colours (a terminal, or FORCE_COLOR); absent means plain text. */
  colours?: { out: boolean; err: boolean };
}

/** One target's run, as it ended. */
export interface RunResult {
  /** The target's name; absent when the config has no targets. */
  target?: string;
  report: Report;
  ms: number;
}

/** How a CLI run tells what happened: to a person (`human`) or to GitHub Actions (`github`). */
export interface Reporter {
  /** Problems found before any run (the config file, the command line's paths). */
  problems(diagnostics: readonly Diagnostic[]): void;
  /** One target's run. */
  run(result: RunResult): void;
  /** After every target ran, when there were several. */
  summary(results: readonly RunResult[]): void;
}
