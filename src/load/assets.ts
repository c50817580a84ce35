import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the running code lives: `dist/` when installed (one folder above dist/load/ or dist/bundle/), `src/` under the tests. */
export const CODE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The package's own folder. */
export const PACKAGE_ROOT = join(CODE_ROOT, '..');

/** Written by `npm run build` (scripts/write-build-id.js) as its last step: the hash of dist/. */
const BUILD_ID_FILE = 'build-id.txt';
let buildIdText: string | null | undefined;

/**
 * The build id of the running code, so a run can tell one build of schema-gen from
 * another without reading its code; undefined where there is none (`src/` under the
 * tests), and callers then hash the sources themselves.
 */
export function buildId(): string | undefined {
  if (buildIdText === undefined) {
    try {
      buildIdText = readFileSync(join(CODE_ROOT, BUILD_ID_FILE), 'utf8').trim();
    } catch {
      buildIdText = null;
    }
  }
  return buildIdText ?? undefined;
}

export const RUNTIME_HELPER_NAMES = ['ucs2length', 'equal', 'uri', 'formats'] as const;

/** Runtime helpers bundled at build time (scripts/build-runtime.js): `name` (ESM) and `name.cjs`. */
export type RuntimeHelpers = Record<string, string>;

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
    hint: 'pass --templates (or "templates" in the config file) a template set: a folder with a templates.json, or templates that replace the defaults of the same name (schema-gen templates eject copies the defaults out)',
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

/** schema-gen's own version (package.json). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
