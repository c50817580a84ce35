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

/**
 * The default templates, each replaced by the file of the same name in `overrideDir`
 * when there is one: users override only what they want to change.
 */
export async function readTemplates(overrideDir?: string): Promise<Templates> {
  const entries = await Promise.all(
    TEMPLATE_NAMES.map(async (name) => {
      const override = overrideDir ? await readFile(join(overrideDir, name), 'utf8').catch(() => undefined) : undefined;
      return [name, override ?? (await readFile(join(PACKAGE_ROOT, 'templates', name), 'utf8'))] as const;
    }),
  );
  return Object.fromEntries(entries) as Templates;
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
