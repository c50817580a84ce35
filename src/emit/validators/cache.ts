import { createHash } from 'node:crypto';
import type { ValidatorModuleCode } from './module-code.js';

/**
 * Compiled validator code by content key. ajv compilation is the largest cost of a run,
 * and most runs (watch mode, `--check`, a build after editing one schema) change few
 * schemas: a module whose inputs hash the same is not compiled again.
 */
export interface ValidatorCache {
  get(key: string): ValidatorModuleCode | undefined;
  set(key: string, code: ValidatorModuleCode): void;
}

/** Everything a module's code depends on, hashed: a changed input can never hit an old entry. */
export function cacheKey(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex');
}

/** A cache in memory, remembering which entries this run used (what is worth keeping). */
export class MemoryValidatorCache implements ValidatorCache {
  readonly used = new Map<string, ValidatorModuleCode>();
  private added = 0;
  private readonly initialSize: number;
  constructor(private readonly entries = new Map<string, ValidatorModuleCode>()) {
    this.initialSize = entries.size;
  }

  /** Whether what this run used differs from what the cache held: else there is nothing to save. */
  get changed(): boolean {
    return this.added > 0 || this.used.size !== this.initialSize;
  }

  get(key: string): ValidatorModuleCode | undefined {
    const code = this.entries.get(key);
    if (code) this.used.set(key, code);
    return code;
  }

  set(key: string, code: ValidatorModuleCode): void {
    this.added++;
    this.entries.set(key, code);
    this.used.set(key, code);
  }
}
