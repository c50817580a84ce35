import { Command, CommanderError } from 'commander';
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { escapeControlCharacters } from '../diagnostics/terminal-text.js';
import { DEFAULT_SET_FOLDER, MANIFEST_NAME, readTemplateSet } from '../load/template-set/index.js';
import { toDisplayPath } from '../paths/display-path.js';
import { checkTemplateSet } from '../render/index.js';
import { printDiagnostics } from './reporters/human.js';
import type { Printer } from './reporters/reporter.js';

const DEFAULT_FOLDER = 'templates';
const EACH_SHOWN = { schema: 'per schema', run: 'once', runtimeHelper: 'per helper' } as const;

/**
 * `schema-gen templates eject [dir]` and `schema-gen templates check [dir]`: the
 * default set copied out to be changed, and a set checked (its manifest, every
 * template's syntax and variables, path patterns and clashes) without any schema.
 * Resolves to the exit code: 0, or 2 for a problem of the set or the command line.
 */
export async function runTemplatesCommand(argv: string[], printer: Printer, cwd: string): Promise<number> {
  let code = 0;
  const program = new Command('schema-gen templates')
    .description('Work with template sets: copy the defaults out, or check a set.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => printer.out(escapeControlCharacters(s.trimEnd())), writeErr: (s) => printer.err(escapeControlCharacters(s.trimEnd())) })
    .showHelpAfterError('(run schema-gen templates --help for usage)');
  program
    .command('eject')
    .description('copy the default template set into a folder (default: templates/)')
    .argument('[dir]', 'the folder to copy it to', DEFAULT_FOLDER)
    .option('--force', "overwrite files of the folder that have the names of the set's files")
    .action((dir: string, flags: { force?: boolean }) => {
      code = eject(resolve(cwd, dir), flags.force ?? false, printer, cwd);
    });
  program
    .command('check')
    .description('check a template set without generating (default folder: templates/)')
    .argument('[dir]', "the template set's folder", DEFAULT_FOLDER)
    .action(async (dir: string) => {
      code = await check(resolve(cwd, dir), printer, cwd);
    });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  return code;
}

function eject(target: string, force: boolean, printer: Printer, cwd: string): number {
  const shown = toDisplayPath(target, cwd) || '.';
  const files = filesBelow(DEFAULT_SET_FOLDER);
  const inTheWay = files.filter((file) => exists(join(target, file)));
  if (inTheWay.length > 0 && !force) {
    printDiagnostics(
      [
        {
          severity: 'error',
          code: 'eject-would-overwrite',
          message: `${inTheWay.length} file${inTheWay.length === 1 ? '' : 's'} of the default set already exist${inTheWay.length === 1 ? 's' : ''} in ${shown}: ${inTheWay.join(', ')}`,
          hint: 'eject into a new folder, or pass --force to overwrite those files',
        },
      ],
      printer,
    );
    return 2;
  }
  for (const file of files) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(join(DEFAULT_SET_FOLDER, file), join(target, file));
  }
  printer.out(`schema-gen: copied the default template set (${files.length} files) to ${escapeControlCharacters(shown)}/; generate with it: schema-gen --templates ${escapeControlCharacters(shown)}`);
  return 0;
}

async function check(dir: string, printer: Printer, cwd: string): Promise<number> {
  const { set, diagnostics } = await readTemplateSet(dir, cwd);
  const checked = set && checkTemplateSet(set, set.entries, { overlaps: true });
  const all = [...diagnostics, ...(checked?.diagnostics ?? [])];
  printDiagnostics(all, printer);
  const shown = escapeControlCharacters(toDisplayPath(dir, cwd) || '.');
  if (hasErrors(all) || !set) {
    const errors = all.filter((d) => d.severity === 'error').length;
    printer.err(`schema-gen: the template set ${shown} has ${errors} error${errors === 1 ? '' : 's'}.`);
    return 2;
  }
  const nameWidth = Math.max(...set.entries.map((e) => e.name.length));
  const pathWidth = Math.max(...set.entries.map((e) => e.path.length));
  printer.out(`${shown}/${exists(join(dir, MANIFEST_NAME)) ? MANIFEST_NAME : ' (no manifest: the defaults, with templates of the same name replaced)'}`);
  for (const entry of set.entries) {
    const flags = [entry.validators ? 'validators' : '', entry.esModule ? 'ES module' : ''].filter(Boolean).join(', ');
    printer.out(
      escapeControlCharacters(
        `  ${entry.name.padEnd(nameWidth)}  ${EACH_SHOWN[entry.each].padEnd(10)}  ${entry.path.padEnd(pathWidth)}  ${relative(cwd, entry.template.absolute)}${flags ? ` (${flags})` : ''}`,
      ),
    );
  }
  printer.out(
    `schema-gen: the template set ${shown} has ${set.entries.length} file${set.entries.length === 1 ? '' : 's'} and ${set.partials.size} partial${set.partials.size === 1 ? '' : 's'}, and no errors.`,
  );
  return 0;
}

/** Every file below `dir`, relative to it, `/`-separated, sorted. */
function filesBelow(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => statSync(join(dir, file)).isFile())
    .map((file) => file.split('\\').join('/'))
    .sort();
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
