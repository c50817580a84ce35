import type { Diagnostic } from './diagnostics/diagnostic.js';

/**
 * Bounds on the work one untrusted document can cause. Every read and parse checks
 * them, so that a small hostile input (an alias bomb, an endless device file, a
 * 100,000-level nesting) ends as a diagnostic instead of eating memory or the stack.
 * Defaults are far above real documents (measured: the corpus's largest file is a
 * 0.96 MB OpenAPI YAML nesting 11 levels; public schema catalogues reach ~1.5 MB and
 * nest ~50 levels).
 */
export interface Limits {
  /** Bytes of one local file (schema, components document, ref target, config). */
  maxFileBytes: number;
  /** Bytes of one document fetched with `allowRemote`; the download stops there. */
  maxRemoteBytes: number;
  /**
   * Objects and arrays nested in one document. Later stages walk schemas recursively
   * (ajv's compiler overflows the default stack at ~350 levels of `items`), so this
   * stays well below that.
   */
  maxDepth: number;
  /** Values that YAML aliases (`*name`) add to a document when expanded (alias bombs). */
  maxAliasExpansion: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxFileBytes: 64 * MiB,
  maxRemoteBytes: 16 * MiB,
  maxDepth: 128,
  maxAliasExpansion: 1_000_000,
});

export const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as (keyof Limits)[];

/** `limits` as given (some or none), completed with the defaults. */
export function withDefaultLimits(limits: Partial<Limits> | undefined): Limits {
  return { ...DEFAULT_LIMITS, ...limits };
}

/** What is wrong with a `limits` setting: unknown names, values that are not positive integers. */
export function limitProblems(limits: unknown): string[] {
  if (limits === null || typeof limits !== 'object' || Array.isArray(limits)) return ['"limits" must be an object'];
  return Object.entries(limits).flatMap(([name, value]) => {
    if (!(LIMIT_NAMES as string[]).includes(name)) return [`unknown limit "${name}" (known: ${LIMIT_NAMES.join(', ')})`];
    if (!Number.isSafeInteger(value) || (value as number) < 1) return [`limit "${name}" must be a positive integer`];
    return [];
  });
}

export function limitDiagnostics(limits: unknown): Diagnostic[] {
  return limitProblems(limits).map((message) => ({ severity: 'error', code: 'bad-option', message, hint: `limits: { ${LIMIT_NAMES.map((n) => `${n}: ${DEFAULT_LIMITS[n]}`).join(', ')} }` }));
}

/** `67108864` → `64 MiB`, for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
