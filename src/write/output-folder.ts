import { realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { globBase } from '../paths/glob-base.js';

/** What a run reads and where it runs: the output folder may hold none of it. */
export interface OutputFolderRequest {
  /** The output folder as given, absolute. */
  outDir: string;
  /** Shown paths are relative to it; the output folder may not be it or hold it. */
  cwd: string;
  inputs: readonly string[];
  components: readonly string[];
  templatesDir?: string;
  configFile?: string;
}

export type OutputFolderCheck = { ok: true; realOutDir: string } | { ok: false; diagnostic: Diagnostic };

/**
 * Refuse an output folder that a run could damage (before any work, so it is fast):
 * after resolving symlinks, a filesystem root, the home folder, the working folder or
 * one above it, or a folder holding an input, a components document, the templates or
 * the config file; and a path that names a file. Ownership (the manifest) already keeps
 * a run from touching files it did not write; this keeps a typo from getting that far.
 */
export function checkOutputFolder(request: OutputFolderRequest): OutputFolderCheck {
  const shownOut = shownPath(request.outDir, request.cwd);
  const refuse = (why: string, hint = 'give generated output a folder of its own, e.g. --out generated'): OutputFolderCheck => ({
    ok: false,
    diagnostic: { severity: 'error', code: 'unsafe-output-folder', message: `refusing to write to ${shownOut}: it is ${why}`, file: shownOut, hint },
  });
  if (request.outDir.includes('\u0000')) return refuse('a path with a NUL character, which no file system takes');
  const real = realPathOf(request.outDir);
  if (!real.ok) return notAFolder(shownOut, shownPath(real.file, request.cwd));
  const out = real.path;
  const kind = kindOf(out);
  if (kind === 'other') return notAFolder(shownOut, shownOut);

  if (parse(out).root === out) return refuse('the root of a file system');
  // $HOME as well as the account's home folder: they differ under sudo, and either may hold the project.
  for (const homeFolder of new Set([homedir(), process.env.HOME].filter((h): h is string => Boolean(h)))) {
    const home = realPathOf(homeFolder);
    if (home.ok && isSameOrInside(out, home.path)) return refuse(home.path === out ? 'your home folder' : `a folder above your home folder (${home.path})`);
  }
  // With a config, paths are relative to its folder (request.cwd): that folder is what a typo would wipe.
  const configFolder = request.configFile === undefined ? undefined : dirname(resolve(request.cwd, request.configFile));
  for (const workingFolder of new Set([request.cwd, process.cwd()])) {
    const cwd = realPathOf(workingFolder);
    const name = workingFolder === configFolder ? "the config file's folder" : 'the working folder';
    if (cwd.ok && isSameOrInside(out, cwd.path)) {
      return refuse(cwd.path === out ? name : `a folder above ${name} (${shownPath(workingFolder, request.cwd) || '.'})`);
    }
  }
  const protectedPaths: [string, string][] = [
    ...request.inputs.map((input) => [resolve(request.cwd, isDynamicPattern(input) ? globBase(input) : input), 'the input']),
    ...request.components.map((file) => [resolve(request.cwd, file), 'the components document']),
    ...(request.templatesDir ? [[resolve(request.cwd, request.templatesDir), 'the templates folder']] : []),
    ...(request.configFile ? [[resolve(request.cwd, request.configFile), 'the config file']] : []),
  ] as [string, string][];
  for (const [path, what] of protectedPaths) {
    if (path.includes('\u0000')) continue; // names no file (the load stage reports it)
    const target = realPathOf(path);
    if (target.ok && isSameOrInside(out, target.path)) {
      const shown = shownPath(path, request.cwd);
      return refuse(target.path === out ? `${what} ${shown}` : `a folder holding ${what} ${shown}`, 'write generated output to a folder of its own, outside the inputs, templates and config');
    }
  }
  return { ok: true, realOutDir: out };
}

function notAFolder(shownOut: string, shownFile: string): OutputFolderCheck {
  return {
    ok: false,
    diagnostic: {
      severity: 'error',
      code: 'output-not-a-folder',
      message: shownFile === shownOut ? `the output folder ${shownOut} is a file, not a folder` : `the output folder ${shownOut} cannot be created: ${shownFile} is a file, not a folder`,
      file: shownOut,
      hint: 'give --out a folder (it is created if missing)',
    },
  };
}

type RealPath = { ok: true; path: string } | { ok: false; file: string };

/**
 * The real path of `path` even when it does not exist yet: the real path of its nearest
 * existing ancestor, plus the rest. Fails (with the culprit) when that ancestor is a file.
 */
export function realPathOf(path: string): RealPath {
  const missing: string[] = [];
  let at = resolve(path);
  for (;;) {
    try {
      const real = realpathSync(at);
      if (missing.length > 0 && kindOf(real) !== 'folder') return { ok: false, file: at };
      return { ok: true, path: join(real, ...missing.reverse()) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') {
        // Some component of `at` is a file: find which, for the message.
        const parent = dirname(at);
        if (parent === at) return { ok: false, file: at };
        missing.push(basename(at));
        at = parent;
        continue;
      }
      // A folder we may not look into: judge the path as written; writing there then fails with a clear message.
      if (code === 'EACCES' || code === 'EPERM') return { ok: true, path: join(at, ...missing.reverse()) };
      if (code !== 'ENOENT' && code !== 'ELOOP') throw error;
      const parent = dirname(at);
      if (parent === at) return { ok: true, path: join(at, ...missing.reverse()) };
      missing.push(basename(at));
      at = parent;
    }
  }
}

function kindOf(path: string): 'folder' | 'missing' | 'other' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'other';
  } catch {
    return 'missing';
  }
}

/** `path` is `folder` or below it. */
export function isSameOrInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** `path` for messages: relative to cwd, unless that climbs more than one level (then absolute). */
export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path).split(sep).join('/') || '.';
  return rel.startsWith('../..') ? path : rel;
}
