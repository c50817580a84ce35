import { readFile, stat } from 'node:fs/promises';
import { DiagnosticsError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's own folder (two levels above dist/load/ or src/load/). */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const TEMPLATE_NAMES = [
  'banner.mustache',
  'type.d.ts.mustache',
  'validator.js.mustache',
  'validator.d.ts.mustache',
  'index.js.mustache',
  'index.d.ts.mustache',
  'runtime/errors.js',
  'runtime/errors.d.ts',
] as const;

export type TemplateName = (typeof TEMPLATE_NAMES)[number];
export type Templates = Record<TemplateName, string>;

export const RUNTIME_HELPER_NAMES = ['ucs2length', 'equal', 'uri', 'formats'] as const;

/** Runtime helpers bundled at build time (scripts/build-runtime.js): `name` (ESM) and `name.cjs`. */
export type RuntimeHelpers = Record<string, string>;

/** Where each template came from (a default, or the user's override), for error messages. */
export type TemplateOrigins = Record<TemplateName, string>;

/**
 * A templates folder that is not there (a typo, a path relative to the wrong place)
 * would silently give the default output: it is an error, naming the folder as `shownAs`.
 */
export async function checkTemplatesFolder(dir: string, shownAs: string): Promise<Diagnostic | undefined> {
  const found = await stat(dir).catch(() => undefined);
  if (found?.isDirectory()) return undefined;
  return {
    severity: 'error',
    code: 'templates-not-found',
    message: `the templates folder "${shownAs}" ${found ? 'is not a folder' : 'does not exist'}`,
    hint: 'pass --templates (or "templates" in the config file) a folder holding the templates to replace, e.g. type.d.ts.mustache',
  };
}

/**
 * The default templates, each replaced by the file of the same name in `overrideDir`
 * when there is one: users override only what they want to change. A template that
 * exists but cannot be read is an error, not a silent default.
 */
export async function readTemplates(overrideDir?: string): Promise<{ templates: Templates; origins: TemplateOrigins }> {
  if (overrideDir) {
    const missing = await checkTemplatesFolder(overrideDir, overrideDir);
    if (missing) throw new DiagnosticsError([missing]);
  }
  const entries = await Promise.all(
    TEMPLATE_NAMES.map(async (name) => {
      const overridePath = overrideDir ? join(overrideDir, name) : undefined;
      const override = overridePath ? await readOverride(overridePath) : undefined;
      const path = override !== undefined ? overridePath! : join(PACKAGE_ROOT, 'templates', name);
      return { name, path, text: override ?? (await readFile(path, 'utf8')) };
    }),
  );
  return {
    templates: Object.fromEntries(entries.map((e) => [e.name, e.text])) as Templates,
    origins: Object.fromEntries(entries.map((e) => [e.name, e.path])) as TemplateOrigins,
  };
}

/** An override's text; `undefined` when there is no such file (the default applies). */
async function readOverride(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DiagnosticsError([
      { severity: 'error', code: 'template-unreadable', message: `cannot read the template: ${(error as Error).message}`, file: path },
    ]);
  }
}

export async function readRuntimeHelpers(): Promise<RuntimeHelpers> {
  const dir = join(PACKAGE_ROOT, 'dist', 'runtime');
  const entries = await Promise.all(
    RUNTIME_HELPER_NAMES.flatMap((name) => [
      readFile(join(dir, `${name}.js`), 'utf8').then((code) => [name, code] as const),
      readFile(join(dir, `${name}.cjs`), 'utf8').then((code) => [`${name}.cjs`, code] as const),
    ]),
  );
  return Object.fromEntries(entries);
}
