import { CommanderError } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generate, type GenerateOptions } from '../index.js';
import { checkTemplatesFolder, PACKAGE_ROOT } from '../load/assets.js';
import { toDisplayPath } from '../load/index.js';
import { CONFIG_FILE_NAMES, readConfigFile } from './config.js';
import { buildProgram, type CliFlags } from './program.js';
import { watchAndRegenerate } from './watch.js';
import { MemoryValidatorCache } from '../emit/validators/cache.js';
import { printDiagnostics, printReport, type Printer } from './report.js';
import { escapeControlCharacters } from '../diagnostics/terminal-text.js';
import { ignoreClosedOutput } from './closed-output.js';
import { runTemplatesCommand, TEMPLATES_HELP } from './templates-command.js';

export const EXIT = { ok: 0, stale: 1, badInput: 2, internal: 70 } as const;

const consolePrinter: Printer = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/**
 * Run the CLI with `argv` (without node and script); resolves to the exit code.
 * `--watch` runs until `stop` aborts (the bin wires it to Ctrl-C).
 */
export async function runCli(argv: string[], printer: Printer = consolePrinter, cwd = process.cwd(), stop?: AbortSignal): Promise<number> {
  if (printer === consolePrinter) ignoreClosedOutput();
  // `schema-gen templates …` works on template sets (generating from a folder named templates: `schema-gen generate templates`).
  if (argv[0] === 'templates') return runTemplatesCommand(argv.slice(1), printer, cwd);
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
  const started = performance.now();
  try {
    const config = await findConfig(flags.config, cwd);
    if (Array.isArray(config)) {
      printDiagnostics(config, printer);
      return EXIT.badInput;
    }
    // A wait for another run's lock is explained while it lasts, not only afterwards.
    const onNotice = (notice: string) => printer.err(`schema-gen: ${notice}`);
    const withConfigFile = (options: GenerateOptions): GenerateOptions => ({ ...options, onNotice, ...(config ? { configFile: config.path } : {}) });
    let options = withConfigFile(toGenerateOptions(program.args, flags, config?.options ?? {}, cwd));
    // Checked before the run (which reads templates last), naming the folder as the user wrote it.
    const templates = options.templatesDir && (await checkTemplatesFolder(resolve(cwd, options.templatesDir), flags.templates ?? toDisplayPath(resolve(cwd, options.templatesDir), cwd)));
    if (templates) {
      printDiagnostics([templates], printer);
      return EXIT.badInput;
    }
    const once = async (startedAt: number) => {
      const report = await generate(options);
      if (flags.json) printer.out(toJsonText(report));
      else printReport(report, printer, { quiet: flags.quiet ?? false, verbose: flags.verbose ?? false, cwd, ms: Math.round(performance.now() - startedAt) });
      return report.status === 'failed' ? EXIT.badInput : report.status === 'stale' ? EXIT.stale : EXIT.ok;
    };
    const code = await once(started);
    if (!flags.watch) return code;
    const signal = stop ?? interruptSignal();
    // Between runs of a watch, compiled validators stay in memory.
    const cache = options.cache === false ? false : new MemoryValidatorCache();
    options.cache = cache;
    await watchAndRegenerate(options, config ? [config.path] : [], async () => {
      // An edited config file applies from the next run on (a broken one is reported, and the last good one kept).
      const reread = config ? await findConfig(flags.config, cwd) : undefined;
      if (Array.isArray(reread)) printDiagnostics(reread, printer);
      else if (reread) options = { ...withConfigFile(toGenerateOptions(program.args, flags, reread.options, cwd)), cache };
      await once(performance.now()).catch((error: unknown) => printer.err(`schema-gen: ${escapeControlCharacters(String((error as Error).message))}`));
    }, signal, () => printer.err('schema-gen: watching for changes (Ctrl-C to stop)'));
    return EXIT.ok;
  } catch (error) {
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

class UsageError extends Error {}

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

async function findConfig(explicit: string | undefined, cwd: string) {
  if (explicit) return readConfigFile(resolve(cwd, explicit), explicit);
  const found = CONFIG_FILE_NAMES.map((name) => join(cwd, name)).find((path) => existsSync(path));
  return found ? readConfigFile(found, toDisplayPath(found, cwd)) : undefined;
}

/** Flags override the config file, which overrides the defaults. */
function toGenerateOptions(inputs: string[], flags: CliFlags, config: GenerateOptions, cwd: string): GenerateOptions {
  const options: GenerateOptions = { ...config, cwd };
  if (inputs.length > 0) options.inputs = inputs;
  if (flags.components) options.components = flags.components;
  if (flags.out) options.outDir = flags.out;
  if (flags.templates) options.templatesDir = flags.templates;
  if (flags.check) options.check = true;
  if (flags.force) options.force = true;
  if (flags.additionalProperties) options.additionalProperties = flags.additionalProperties;
  if (flags.readonly) options.readonlyProperties = true;
  if (flags.formats) options.formats = flags.formats;
  if (flags.firstError) options.allErrors = false;
  if (flags.assumeTypes) options.assumeTypes = true;
  if (flags.defaultDialect) options.defaultDialect = flags.defaultDialect;
  if (flags.unicodePatterns) options.unicodePatterns = flags.unicodePatterns;
  if (flags.allowRemote) options.allowRemote = true;
  if (flags.typesOnly) options.typesOnly = true;
  if (flags.bundle) options.bundle = true;
  if (flags.cache === false) options.cache = false;
  if (flags.module) options.module = flags.module;
  if (flags.mapUri) {
    const pairs = flags.mapUri.map((entry) => {
      const at = entry.lastIndexOf('=');
      if (at <= 0) throw new UsageError(`--map-uri expects <URL prefix>=<folder>, got "${entry}"`);
      return [entry.slice(0, at), entry.slice(at + 1)] as const;
    });
    options.uriMap = { ...options.uriMap, ...Object.fromEntries(pairs) };
  }
  if (flags.format) options.format = true;
  return options;
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
