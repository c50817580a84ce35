import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { GenerateOptions, SettingPlace } from '../options.js';
import { DEFAULT_OUT_DIR } from '../options.js';
import { escapeSegment } from '../schema/pointer.js';
import type { SchemaGenConfig, Settings } from './generated/index.js';
import type { LoadedConfig } from './read-config.js';
import { settingDeclarations } from './schema.js';

/** One run of the pipeline: a config's target (or the config, or no config at all) with its options. */
export interface RunTarget {
  /** The target's name; absent for a config without `targets` (and without a config). */
  name?: string;
  /** Settings as the config holds them: paths relative to its folder. */
  settings: Settings;
  /** Where each setting was written in the config, for messages about it. */
  settingPlace: (path: readonly string[]) => SettingPlace | undefined;
}

/**
 * The runs a config describes: one per target (a target's setting replaces the top
 * level's, a whole value at a time), or the top level alone when it has no targets.
 */
export function configTargets(loaded: LoadedConfig): RunTarget[] {
  const { targets, shared } = splitConfig(loaded);
  if (!targets) return [sharedTarget(loaded)];
  return Object.entries(targets).map(([name, own]) => ({
    name,
    settings: { ...shared, ...own },
    settingPlace: placesIn(loaded, shared, `/targets/${escapeSegment(name)}`, own),
  }));
}

/** The top level's settings alone, as one unnamed run (what inputs on the command line start from). */
export function sharedTarget(loaded: LoadedConfig): RunTarget {
  const { shared } = splitConfig(loaded);
  return { settings: shared, settingPlace: placesIn(loaded, shared, '') };
}

function splitConfig(loaded: LoadedConfig): { targets: SchemaGenConfig['targets']; shared: Settings } {
  // `$schema` is for editors only.
  const { targets, $schema: _schema, ...shared } = loaded.config;
  return { targets, shared };
}

/** Two targets writing one folder (or one inside the other's) would fight over it: a config error. */
export function sharedOutputFolders(loaded: LoadedConfig, targets: readonly RunTarget[]): Diagnostic[] {
  const problems: Diagnostic[] = [];
  targets.forEach((target, i) => {
    const outOf = (t: RunTarget) => resolve(loaded.folder, t.settings.out ?? DEFAULT_OUT_DIR);
    const earlier = targets.slice(0, i).find((other) => overlaps(outOf(other), outOf(target)));
    if (!earlier) return;
    problems.push({
      severity: 'error',
      code: 'bad-config',
      message: `targets "${earlier.name}" and "${target.name}" write into the same output folder`,
      ...(target.settingPlace(['out']) ?? loaded.placeOf(`/targets/${escapeSegment(target.name ?? '')}`)),
      hint: 'give each target an "out" folder of its own, neither inside the other',
    });
  });
  return problems;
}

function overlaps(a: string, b: string): boolean {
  const inside = (outer: string, inner: string) => {
    const rel = relative(outer, inner);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  return inside(a, b) || inside(b, a);
}

/** Each setting at the target's own key when it has one, else at the top level's. */
function placesIn(loaded: LoadedConfig, shared: Settings, targetPointer: string, own: Settings = {}): RunTarget['settingPlace'] {
  return ([setting, ...rest]) => {
    if (setting === undefined) return undefined;
    const base = Object.hasOwn(own, setting) ? targetPointer : Object.hasOwn(shared, setting) ? '' : undefined;
    if (base === undefined) return undefined;
    return loaded.placeOf([base, setting, ...rest].map((s, i) => (i === 0 ? s : `/${escapeSegment(s)}`)).join(''));
  };
}

/**
 * The settings whose values are paths (`x-path` in the schema), written relative to
 * `from`, made relative to `to` (the folder every run resolves and shows paths against).
 * Paths stay as written where the two are one folder, so messages quote them as typed.
 */
export function rebasePaths(settings: Settings, from: string, to: string): Settings {
  if (resolve(from) === resolve(to)) return settings;
  const rebase = (path: string) => (isAbsolute(path) ? path : relative(to, resolve(from, path)).split(sep).join('/') || '.');
  const result: Record<string, unknown> = { ...settings };
  for (const { name, kind, isPath } of settingDeclarations()) {
    const value = result[name];
    if (!isPath || value === undefined) continue;
    if (kind === 'list') result[name] = (value as string[]).map(rebase);
    else if (kind === 'map') result[name] = Object.fromEntries(Object.entries(value as Record<string, string>).map(([key, path]) => [key, rebase(path)]));
    else result[name] = rebase(value as string);
  }
  return result as Settings;
}

/** The API's options for `settings`: the same names, but for the two folders. */
export function toGenerateOptions({ out, templates, ...rest }: Settings): GenerateOptions {
  return { ...rest, ...(out !== undefined ? { outDir: out } : {}), ...(templates !== undefined ? { templatesDir: templates } : {}) };
}
