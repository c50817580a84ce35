import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { escapeControlCharacters } from '../../diagnostics/terminal-text.js';
import { humanReporter, shownOutputFolder, type HumanOptions } from './human.js';
import type { Printer, Reporter, RunResult } from './reporter.js';

/**
 * GitHub Actions workflow commands: each problem an `::error` or `::warning` annotation
 * (file relative to the repository, line, column), which GitHub shows on the pull
 * request's diff; stale output files are annotated too. Summary lines stay as for
 * people, and the diff of a stale `--check` is printed with workflow commands stopped,
 * so no line of generated text can act as one.
 */
export function githubReporter(printer: Printer, options: Omit<HumanOptions, 'diagnostics' | 'diff'>, env: NodeJS.ProcessEnv = process.env): Reporter {
  const repositoryRoot = repositoryRootOf(options.projectFolder, env);
  const annotate = (diagnostics: readonly Diagnostic[]) => {
    for (const d of diagnostics) {
      if (options.quiet && d.severity === 'warning') continue;
      printer.out(annotation(d, repositoryPath(d.file, options.projectFolder, repositoryRoot)));
    }
  };
  const human = humanReporter(printer, {
    ...options,
    diagnostics: annotate,
    diff: (diff, label) => {
      const token = randomBytes(16).toString('hex');
      printer.out(`::group::${escapeData(`${label}: the stale files' diff`)}`);
      printer.out(`::stop-commands::${token}`);
      printer.out(
        diff
          .split('\n')
          .map((line) => escapeControlCharacters(line, { oneLine: true }))
          .join('\n'),
      );
      printer.out(`::${token}::`);
      printer.out('::endgroup::');
    },
  });
  return {
    problems: annotate,
    run: (result: RunResult) => {
      if (result.report.status === 'stale') annotateStaleFiles(result, options.projectFolder, repositoryRoot, printer);
      human.run(result);
    },
    summary: human.summary,
  };
}

function annotateStaleFiles({ report }: RunResult, projectFolder: string, repositoryRoot: string, printer: Printer): void {
  const folder = shownOutputFolder(report.outDir, projectFolder);
  const stale = [...report.written.map((path) => ({ path, what: 'is stale' })), ...report.removed.map((path) => ({ path, what: 'is no longer generated' }))];
  for (const { path, what } of stale) {
    const shown = `${folder}/${path}`;
    const message = `${shown} ${what}: run \`npx schema-gen\` and commit the result`;
    printer.out(annotation({ severity: 'error', code: 'stale-output', message }, repositoryPath(shown, projectFolder, repositoryRoot)));
  }
}

/** One workflow command: `::error file=…,line=…,col=…,title=…::message`. */
export function annotation(d: Diagnostic, file: string | undefined): string {
  const properties = [
    ...(file !== undefined ? [`file=${escapeProperty(file)}`] : []),
    ...(file !== undefined && d.line !== undefined ? [`line=${d.line}`, `col=${d.column ?? 1}`] : []),
    `title=${escapeProperty(`schema-gen ${d.code}`)}`,
  ];
  const safe = (text: string) => escapeControlCharacters(text, { oneLine: true });
  const where = d.pointer !== undefined ? `at ${d.pointer === '' ? '(root)' : safe(d.pointer)}: ` : '';
  // Without a file property the annotation names no file: the file is then said in the text.
  const unnamed = file === undefined && d.file !== undefined ? `${safe(d.file)}${d.line !== undefined ? `:${d.line}:${d.column ?? 1}` : ''} ` : '';
  const message = `${unnamed}${where}${safe(d.message)}${d.hint ? `\nhint: ${safe(d.hint)}` : ''}`;
  return `::${d.severity === 'error' ? 'error' : 'warning'} ${properties.join(',')}::${escapeData(message)}`;
}

/** GitHub's escaping of a command's message (the toolkit's `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's escaping of a command's property value (the toolkit's `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * A diagnostic's file (relative to the project folder) relative to the repository's
 * root, as annotations need it; `undefined` when it is no file of the repository (a URL,
 * a built-in meta-schema, a path outside).
 */
export function repositoryPath(file: string | undefined, projectFolder: string, repositoryRoot: string): string | undefined {
  if (file === undefined || /^[a-z][a-z0-9+.-]+:/i.test(file)) return undefined;
  const path = relative(repositoryRoot, resolve(projectFolder, file));
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return undefined;
  return path.split(sep).join('/');
}

/** `GITHUB_WORKSPACE` in Actions; elsewhere the nearest folder holding `.git`, else the project folder. */
export function repositoryRootOf(projectFolder: string, env: NodeJS.ProcessEnv): string {
  if (env.GITHUB_WORKSPACE) return resolve(env.GITHUB_WORKSPACE);
  for (let folder = projectFolder; ; folder = dirname(folder)) {
    if (existsSync(join(folder, '.git'))) return folder;
    if (dirname(folder) === folder) return projectFolder;
  }
}
