import { hexDigest } from '../../hash/digest.js';
import { KeyMemo } from './key-memo.js';
import type { ValidatorModuleCode } from './module-code.js';

/**
 * Compiled validator code by content key. ajv compilation is the largest cost of a run,
 * and most runs (watch mode, `--check`, a build after editing one schema) change few
 * schemas: a module whose inputs hash the same is not compiled again.
 */
export interface ValidatorCache {
  get(key: string): ValidatorModuleCode | undefined;
  set(key: string, code: ValidatorModuleCode): void;
  /** What computing the keys took, kept from earlier runs (see key-memo.ts); without it every key is computed afresh. */
  readonly keyMemo?: KeyMemo;
}

/**
 * Everything a module's code depends on, hashed: a changed input can never hit an old
 * entry. The parts are joined as JSON, not with a separator: a part may hold any
 * character (a pointer, from a schema's keys), and no two lists may hash the same.
 */
export function cacheKey(parts: readonly string[]): string {
  return hexDigest('sha256', JSON.stringify(parts));
}

/** A cache in memory, remembering which entries this run used (what is worth keeping). */
export class MemoryValidatorCache implements ValidatorCache {
  readonly used = new Map<string, ValidatorModuleCode>();
  private added = 0;
  private readonly initialSize: number;
  constructor(
    private readonly entries = new Map<string, ValidatorModuleCode>(),
    readonly keyMemo = new KeyMemo(),
  ) {
    this.initialSize = entries.size;
  }

  /** Whether the modules this run used differ from what the cache held: else there is no module to save. */
  get modulesChanged(): boolean {
    return this.added > 0 || this.used.size !== this.initialSize;
  }

  /** Whether anything differs from what the cache held: modules or the key memo. */
  get changed(): boolean {
    return this.modulesChanged || this.keyMemo.changed;
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
