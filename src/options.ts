import type { MemoryValidatorCache } from './emit/validators/cache.js';
import { withDefaultLimits, type Limits } from './limits.js';
import { DEFAULT_DIALECT, type Dialect } from './schema/dialect.js';
import type { UnicodePatterns } from './schema/patterns.js';

/** Everything a run can be told; the CLI and config file fill this in. */
export interface GenerateOptions {
  /** Schema files, folders or glob patterns. Default: `schemas/`. */
  inputs?: string[];
  /** Documents whose `components.schemas` (or `$defs`) answer `#/components/schemas/X` refs no input answers. */
  components?: string[];
  /** Output folder. Default: `generated/`. */
  outDir?: string;
  /** Folder paths are relative to, and shown relative to. Default: `process.cwd()`. */
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
  /** Folder whose files replace the default templates of the same name. */
  templatesDir?: string;
  /** Objects whose schema is silent on additional properties: `none` (default) or an `index` signature of `unknown`. */
  additionalProperties?: 'none' | 'index';
  /** Emit `readonly` for `readOnly: true` properties. */
  readonlyProperties?: boolean;
  /** `assert` (default): validators check formats ajv-formats knows; `annotate`: formats are not checked. */
  formats?: 'assert' | 'annotate';
  /**
   * A schema whose keywords imply a kind but that has no `type` (`properties` alone)
   * accepts every other kind of value too, and by default its type says so. `true`
   * makes both the type and the validator describe only the implied kind.
   */
  assumeTypes?: boolean;
  /** Validators report every problem (default) rather than the first. */
  allErrors?: boolean;
  /** Explicit type names: `{ "<file>" | "<file>#<pointer>": "Name" }`. */
  names?: Record<string, string>;
  /** Module format of the generated .js files. Default: `esm`. */
  module?: 'esm' | 'cjs';
  /** Also write `bundle.js`: every validator in one module, for fast start-up. */
  bundle?: boolean;
  /** Generate only the types (no validators, runtime or index.js). */
  typesOnly?: boolean;
  /** Run prettier (the user's own, with their config) over the output. */
  format?: boolean;
  /**
   * Reuse validators compiled by earlier runs when their inputs are unchanged:
   * `true` (default) keeps them in node_modules/.cache/schema-gen; a cache object
   * (what watch mode passes) keeps them in memory; `false` compiles everything.
   */
  cache?: boolean | MemoryValidatorCache;
  /** Fetch http(s) documents that refs name (default: refuse them; nothing is fetched). */
  allowRemote?: boolean;
  /** Time limit of one fetch with `allowRemote`, in milliseconds. */
  remoteTimeoutMs?: number;
  /** URL prefixes served from local folders: `{ "https://example.com/schemas/": "vendor/schemas" }`. */
  uriMap?: Record<string, string>;
  /**
   * The dialect of schemas that do not name one with `$schema` (OpenAPI documents say
   * theirs with `openapi`): `draft-04`, `draft-06`, `draft-07`, `2019-09`, `2020-12`
   * (default), `openapi-3.0` or `openapi-3.1`.
   */
  defaultDialect?: Dialect;
  /**
   * A `pattern` (or `patternProperties` key) invalid with the `u` flag but valid without
   * it: `fallback` (default) compiles it without `u`, with a warning; `require` makes it an error.
   */
  unicodePatterns?: UnicodePatterns;
  /** Bounds on what one document may cost (file and download sizes, nesting, YAML aliases); see `src/limits.ts`. */
  limits?: Partial<Limits>;
}

export type ResolvedOptions = Required<Omit<GenerateOptions, 'templatesDir' | 'configFile' | 'onNotice' | 'limits'>> & Pick<GenerateOptions, 'templatesDir' | 'configFile' | 'onNotice'> & { limits: Limits };

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
  };
}
