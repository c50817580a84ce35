import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findConfigFile } from '../config/find-config.js';
import { readConfig, type LoadedConfig } from '../config/read-config.js';
import { configTargets, sharedOutputFolders, sharedTarget, toGenerateOptions, type RunTarget } from '../config/targets.js';
import type { GenerateOptions } from '../options.js';
import { toDisplayPath } from '../paths/display-path.js';
import { settingsFromFlags, UsageError } from './flag-settings.js';
import type { CliFlags } from './program.js';

/** One run the command line asks for: a target's name (if any) and the options it runs with. */
export interface PlannedRun {
  name?: string;
  options: GenerateOptions;
}

/** The config `-c` names, else the nearest one (see `findConfigFile`); `undefined` when there is none. */
export async function loadConfigFor(explicit: string | undefined, cwd: string): Promise<LoadedConfig | Diagnostic[] | undefined> {
  if (explicit) return readConfig(resolve(cwd, explicit));
  const found = findConfigFile(cwd);
  if (!found) return undefined;
  if ('ambiguous' in found) {
    return [
      {
        severity: 'error',
        code: 'bad-config',
        message: `${found.ambiguous.length} config files in one folder: ${found.ambiguous.map((path) => toDisplayPath(path, cwd)).join(', ')}`,
        hint: 'keep one of them, or name the one to use with -c <file>',
      },
    ];
  }
  return readConfig(found.path);
}

/**
 * The runs: every target of the config (or those `--target` names), each with its
 * settings overridden by the flags. Inputs on the command line make one run of their
 * own, from the top level's settings (or the one `--target`'s). Every run shows and
 * writes paths relative to the config's folder (without a config: the working folder),
 * so its output is the same from any folder.
 */
export function planRuns(config: LoadedConfig | undefined, inputs: readonly string[], flags: CliFlags, cwd: string): { runs: PlannedRun[] } | { problems: Diagnostic[] } {
  const all = config ? configTargets(config) : [{ settings: {}, settingPlace: () => undefined }];
  if (config) {
    const problems = sharedOutputFolders(config, all);
    if (problems.length > 0) return { problems };
  }
  const selected = selectTargets(all, flags.target ?? [], config);
  const projectFolder = config?.folder ?? cwd;
  const fromFlags = settingsFromFlags(flags, inputs, cwd, projectFolder);
  let targets: RunTarget[] = selected;
  if (inputs.length > 0) {
    if (selected.length > 1 && flags.target?.length) throw new UsageError(`inputs on the command line make one run: name at most one --target (got ${flags.target.length})`);
    // Without --target, the top level's settings alone: never every target's.
    targets = flags.target?.length ? selected : [topLevel(config)];
  } else if (fromFlags.out !== undefined && targets.length > 1) {
    throw new UsageError(`--out names one folder, but ${targets.length} targets would run: pick one with --target (${names(all)})`);
  }
  return {
    runs: targets.map((target) => ({
      ...(target.name !== undefined ? { name: target.name } : {}),
      options: {
        ...toGenerateOptions({ ...target.settings, ...fromFlags }),
        cwd: projectFolder,
        settingPlace: target.settingPlace,
        ...(config ? { configFile: config.path } : {}),
        ...(flags.check ? { check: true } : {}),
        ...(flags.force ? { force: true } : {}),
        ...(flags.cache === false ? { cache: false } : {}),
      },
    })),
  };
}

function selectTargets(all: RunTarget[], wanted: readonly string[], config: LoadedConfig | undefined): RunTarget[] {
  if (wanted.length === 0) return all;
  if (!config) throw new UsageError('--target names a target of the config file, but there is no config file');
  if (all.length === 1 && all[0]!.name === undefined) throw new UsageError(`--target: the config file has no "targets"`);
  return [...new Set(wanted)].map((name) => {
    const target = all.find((t) => t.name === name);
    if (!target) throw new UsageError(`--target "${name}": the config file has no such target (its targets: ${names(all)})`);
    return target;
  });
}

function topLevel(config: LoadedConfig | undefined): RunTarget {
  return config ? sharedTarget(config) : { settings: {}, settingPlace: () => undefined };
}

function names(targets: readonly RunTarget[]): string {
  return targets.map((t) => t.name).join(', ');
}
