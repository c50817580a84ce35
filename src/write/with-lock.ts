import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { fileSystemDiagnostic, isFileSystemProblem } from './file-system-problem.js';
import type { OutputLayout } from './layout.js';
import { acquireLock, type HeldLock, type LockOptions } from './lock.js';
import { shownAbsolute, shownFolder, type OutputTarget } from './target.js';

export type Locked<T> = { value: T } | { diagnostic: Diagnostic };

/**
 * Run `work` holding the folder's lock. Releases it however `work` ends; a run that
 * fails (or never wrote) also removes the output folder it created, if still empty.
 * File system problems (a read-only disk, a file where a folder belongs) become
 * diagnostics; anything else is our bug and propagates.
 */
export async function withLock<T>(target: OutputTarget, layout: OutputLayout, work: (lock: HeldLock, markWritten: () => void) => Promise<T>): Promise<Locked<T>> {
  let lock: HeldLock;
  try {
    const acquired = await acquireLock(layout, lockOptions(target));
    if (!acquired.ok) return { diagnostic: acquired.diagnostic };
    lock = acquired.lock;
  } catch (error) {
    if (isFileSystemProblem(error)) return { diagnostic: fileSystemDiagnostic(error, shownFolder(target), (p) => shownAbsolute(target, p), 'nothing was changed') };
    throw error;
  }
  let wrote = false;
  try {
    return { value: await work(lock, () => (wrote = true)) };
  } catch (error) {
    if (isFileSystemProblem(error)) {
      return { diagnostic: fileSystemDiagnostic(error, shownFolder(target), (p) => shownAbsolute(target, p), `the earlier output in ${shownFolder(target)}/ is unchanged`) };
    }
    throw error;
  } finally {
    lock.release({ removeCreatedFolder: !wrote });
  }
}

export function lockOptions(target: OutputTarget): LockOptions {
  return { timeoutMs: target.lockTimeoutMs, shownOut: shownFolder(target), ...(target.onNotice ? { onWait: target.onNotice } : {}) };
}
