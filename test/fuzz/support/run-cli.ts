import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../helpers/paths.js';

const BIN = join(REPO_ROOT, 'bin', 'schema-gen.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real command line (bin/schema-gen.js, built into dist/ by `npm test`) in a child process. */
export function runCliProcess(args: string[], cwd: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Terminal control characters (C0 but tab and newline, DEL, C1): a schema string must never reach the terminal raw. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]/;

/** What is wrong with a CLI run's output, whatever its exit code. */
export function cliOutputProblems(run: CliResult): string[] {
  const problems: string[] = [];
  const all = `${run.stdout}${run.stderr}`;
  if (/internal error/i.test(all)) problems.push('the CLI reported an internal error');
  if (/^\s+at .+(:\d+:\d+\)?|\(native\))$/m.test(all)) problems.push('the CLI printed a stack trace');
  const control = CONTROL.exec(all);
  if (control)
    problems.push(
      `the CLI printed a raw control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0')}\n  near ${JSON.stringify(all.slice(Math.max(0, control.index - 40), control.index + 20))}`,
    );
  return problems;
}
