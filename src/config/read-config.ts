import { basename, dirname, extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locatePointer } from '../diagnostics/position.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { formatOf, parseDocumentText } from '../load/parse-document.js';
import { readRegularFile } from '../load/read-file.js';
import { checkConfig, type SettingPlace } from './check-config.js';
import { PACKAGE_JSON_KEY } from './find-config.js';
import type { SchemaGenConfig } from './generated/index.js';

/** A config file, read and checked. */
export interface LoadedConfig {
  /** Absolute path of the file. */
  path: string;
  /** Its folder: paths in it are relative to it, and so is every path a run writes or shows. */
  folder: string;
  config: SchemaGenConfig;
  /** The file, line and column of a JSON pointer into the settings (a JS config has no lines to name). */
  placeOf(pointer: string): SettingPlace;
}

/**
 * Read a config: JSON or YAML data, the `"schema-gen"` key of a package.json, or the
 * default export of a JS module (`schema-gen.config.mjs`: code the user chose to run,
 * like a build script). Every problem becomes a diagnostic naming the file, relative to
 * its own folder like every path of the run.
 */
export async function readConfig(path: string): Promise<LoadedConfig | Diagnostic[]> {
  const shownAs = basename(path);
  const folder = dirname(path);
  if (/^\.[cm]?js$/i.test(extname(path))) return readModuleConfig(path, shownAs, folder);
  // Read like a schema (a regular file, within the size cap), but from anywhere: the config is the user's own.
  const read = readRegularFile(path, DEFAULT_LIMITS.maxFileBytes);
  if (!read.ok) {
    const message = read.kind === 'refused' ? `the config file ${read.reason}` : read.kind === 'missing' ? 'cannot read the config file: no such file' : `cannot read the config file: ${read.reason}`;
    return [{ severity: 'error', code: 'config-not-found', message, file: shownAs }];
  }
  const format = formatOf(path);
  const parsed = parseDocumentText(read.text, format, shownAs);
  if (!parsed.ok) return [parsed.diagnostic];
  const inPackageJson = shownAs === 'package.json';
  const prefix = inPackageJson ? `/${PACKAGE_JSON_KEY}` : '';
  const placeOf = (pointer: string): SettingPlace => ({ file: shownAs, pointer: prefix + pointer, ...locatePointer(read.text, format, prefix + pointer) });
  let value = parsed.json;
  if (inPackageJson) {
    const holder = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    if (!Object.hasOwn(holder, PACKAGE_JSON_KEY)) return [{ severity: 'error', code: 'bad-config', message: `package.json has no "${PACKAGE_JSON_KEY}" key`, file: shownAs }];
    value = holder[PACKAGE_JSON_KEY];
  }
  return loaded(value, path, folder, placeOf);
}

async function readModuleConfig(path: string, shownAs: string, folder: string): Promise<LoadedConfig | Diagnostic[]> {
  let module: { default?: unknown };
  try {
    // The query makes a re-read (watch mode) load the edited file, not the module cache's copy.
    module = (await import(`${pathToFileURL(path).href}?read=${Date.now()}`)) as { default?: unknown };
  } catch (error) {
    return [{ severity: 'error', code: 'bad-config', message: `the config module failed to load: ${(error as Error).message ?? String(error)}`, file: shownAs }];
  }
  if (!('default' in module)) return [{ severity: 'error', code: 'bad-config', message: 'the config module has no default export', file: shownAs, hint: 'export default defineConfig({ … })' }];
  return loaded(module.default, path, folder, (pointer) => ({ file: shownAs, pointer }));
}

function loaded(value: unknown, path: string, folder: string, placeOf: (pointer: string) => SettingPlace): LoadedConfig | Diagnostic[] {
  const checked = checkConfig(value, placeOf);
  if (!checked.ok) return checked.diagnostics;
  return { path, folder, config: checked.config, placeOf };
}
