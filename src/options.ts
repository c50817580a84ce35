import type { Settings } from './config/generated/index.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { MemoryValidatorCache } from './emit/validators/cache.js';
import { withDefaultLimits, type Limits } from './limits.js';
import { DEFAULT_DIALECT } from './schema/dialect.js';

/**
 * The settings a config file can hold, as config.schema.json declares them (the type is
 * generated from it by schema-gen itself): each has the same name, type and meaning here,
 * except the two folders, whose API names say they are folders.
 */
type ConfigSettings = Omit<Settings, 'out' | 'templates'>;

/** Everything a run can be told: the config's settings, plus what only a program or the CLI sets. */
export interface GenerateOptions extends ConfigSettings {
  /** Output folder (the config's `out`). Default: `generated/`. */
  outDir?: Settings['out'];
  /** Folder whose files replace the default templates of the same name (the config's `templates`). */
  templatesDir?: Settings['templates'];
  /**
   * Folder relative paths are resolved against, and that every path the run writes or
   * shows is relative to (banners, error schema paths of validators, `names` keys,
   * messages, the `--check` diff). Default: `process.cwd()`. The CLI passes the config
   * file's folder, so the output is the same whatever folder it runs from.
   */
  cwd?: string;
  /** Compare with the output folder instead of writing it. */
  check?: boolean;
  /**
   * Overwrite files at paths this run writes that schema-gen did not write (not in the
   * output folder's manifest) or that were edited since. Never removes such files.
   */
  force?: boolean;
  /** How long to wait for another run writing the same output folder, in milliseconds. Default: 60 000. */
  lockTimeoutMs?: number;
  /** The config file the options came from (the CLI sets it): the output folder may not hold it. */
  configFile?: string;
  /** Called at once when a run has to wait for another run writing the same output folder (the CLI prints it). */
  onNotice?: (notice: string) => void;
  /** Called as each stage starts (`reading schemas`, `compiling validators`, …): the CLI's progress line. */
  onProgress?: (stage: string) => void;
  /**
   * Where a setting was written (the CLI answers with the config file's line and column),
   * so that a problem with it, such as a `names` key that names no schema, points there.
   */
  settingPlace?: (path: readonly string[]) => SettingPlace | undefined;
  /**
   * Reuse what earlier runs made when its inputs are unchanged (the answer of a run with
   * nothing to do, the meta-schema check of documents found clean, compiled validators,
   * files an edit does not reach): `true` (default) keeps them in
   * node_modules/.cache/schema-gen; a cache object (what watch mode passes) keeps the
   * validators and clean documents in memory; `false` does every step.
   */
  cache?: boolean | MemoryValidatorCache;
  /** Time limit of one fetch with `allowRemote`, in milliseconds. */
  remoteTimeoutMs?: number;
}

/** A place in the config file: what a diagnostic about a setting names. */
export type SettingPlace = Pick<Diagnostic, 'file' | 'pointer' | 'line' | 'column'>;

/** The options with a value for every setting (maps and lists empty rather than absent). */
type OptionalInRun = 'templatesDir' | 'configFile' | 'onNotice' | 'onProgress' | 'settingPlace';
export type ResolvedOptions = Required<Omit<GenerateOptions, OptionalInRun | 'limits'>> & Pick<GenerateOptions, OptionalInRun> & { limits: Limits };

export const DEFAULT_INPUT = 'schemas';
export const DEFAULT_OUT_DIR = 'generated';

export function withDefaults(options: GenerateOptions): ResolvedOptions {
  return {
    inputs: options.inputs && options.inputs.length > 0 ? options.inputs : [DEFAULT_INPUT],
    components: options.components ?? [],
    outDir: options.outDir ?? DEFAULT_OUT_DIR,
    cwd: options.cwd ?? process.cwd(),
    check: options.check ?? false,
    force: options.force ?? false,
    lockTimeoutMs: options.lockTimeoutMs ?? 60_000,
    ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(options.onNotice ? { onNotice: options.onNotice } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.settingPlace ? { settingPlace: options.settingPlace } : {}),
    additionalProperties: options.additionalProperties ?? 'none',
    readonlyProperties: options.readonlyProperties ?? false,
    formats: options.formats ?? 'assert',
    assumeTypes: options.assumeTypes ?? false,
    allErrors: options.allErrors ?? true,
    names: options.names ?? {},
    module: options.module ?? 'esm',
    bundle: options.bundle ?? false,
    typesOnly: options.typesOnly ?? false,
    format: options.format ?? false,
    allowRemote: options.allowRemote ?? false,
    remoteTimeoutMs: options.remoteTimeoutMs ?? 10_000,
    uriMap: options.uriMap ?? {},
    limits: withDefaultLimits(options.limits),
    defaultDialect: options.defaultDialect ?? DEFAULT_DIALECT,
    unicodePatterns: options.unicodePatterns ?? 'fallback',
    cache: options.cache ?? true,
    warnings: options.warnings ?? {},
  };
}
