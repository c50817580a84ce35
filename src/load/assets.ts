import { readFile } from 'node:fs/promises';
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
 * The default templates, each replaced by the file of the same name in `overrideDir`
 * when there is one: users override only what they want to change.
 */
export async function readTemplates(overrideDir?: string): Promise<{ templates: Templates; origins: TemplateOrigins }> {
  const entries = await Promise.all(
    TEMPLATE_NAMES.map(async (name) => {
      const overridePath = overrideDir ? join(overrideDir, name) : undefined;
      const override = overridePath ? await readFile(overridePath, 'utf8').catch(() => undefined) : undefined;
      const path = override !== undefined ? overridePath! : join(PACKAGE_ROOT, 'templates', name);
      return { name, path, text: override ?? (await readFile(path, 'utf8')) };
    }),
  );
  return {
    templates: Object.fromEntries(entries.map((e) => [e.name, e.text])) as Templates,
    origins: Object.fromEntries(entries.map((e) => [e.name, e.path])) as TemplateOrigins,
  };
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
