import { existsSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { faultPointsFromEnvironment, type FaultPoints } from './fault.js';
import { backedUp, readJournal } from './journal.js';
import { outputLayout, type OutputLayout } from './layout.js';
import { waitForLiveHolder, type HeldLock } from './lock.js';
import { clearStaging } from './staging.js';
import { removeEmptiedFolders, rollBack } from './switch.js';
import { shownFolder, type OutputTarget } from './target.js';
import { lockOptions, withLock } from './with-lock.js';

export type RecoveryOutcome = { notice?: string } | { diagnostic: Diagnostic };

/**
 * Finish what an interrupted run left in the staging folder (call with the lock held):
 * before its commit point, roll its switch back so the earlier output is whole again;
 * after it, only clean up. Returns one line saying what was done, if anything was.
 */
export function recoverInterruptedRun(layout: OutputLayout, lock: HeldLock, faults: FaultPoints, shownOut: string): RecoveryOutcome {
  const journal = readJournal(layout);
  const leftovers = journal !== undefined || [layout.newFiles, layout.backups, `${layout.journal}.tmp`].some((path) => existsSync(path));
  const pid = typeof journal === 'object' ? journal.pid : typeof lock.tookOverFrom === 'object' ? lock.tookOverFrom.pid : undefined;
  const who = pid === undefined ? 'an earlier run' : `an earlier run (pid ${pid})`;
  if (journal === 'unrecognised') {
    return {
      diagnostic: {
        severity: 'error',
        code: 'unrecognised-staging',
        message: `${shownOut}/${layout.journal.slice(layout.outDir.length + 1)} is not a journal schema-gen wrote, so the interrupted run it describes cannot be undone safely`,
        file: shownOut,
        hint: `check ${shownOut}/ by hand (regenerate it if in doubt), then delete ${shownOut}/${layout.staging.slice(layout.outDir.length + 1)}/`,
      },
    };
  }
  if (!leftovers) {
    clearStaging(layout); // at most the temporary file of a run killed while taking the lock
    return lock.tookOverFrom ? { notice: `recovered ${shownOut}/: ${who} had stopped without releasing its lock; took it over` } : {};
  }
  if (!journal) {
    clearStaging(layout);
    return { notice: `recovered ${shownOut}/: ${who} was interrupted before changing it; removed its staged files` };
  }
  if (journal.state === 'switching') {
    const undone = rollBack(layout, journal, faults);
    clearStaging(layout, backedUp(journal));
    return { notice: `recovered ${shownOut}/: ${who} was interrupted while switching in its output; rolled back ${undone} file(s), so the earlier output is whole again` };
  }
  removeEmptiedFolders(layout, journal);
  clearStaging(layout, backedUp(journal));
  return { notice: `recovered ${shownOut}/: ${who} was interrupted after its output was complete; removed its staged files` };
}

/**
 * If an earlier run was interrupted (its staging folder is there), recover under the
 * lock: every run, `--check` included, does this first.
 */
export async function recoverIfInterrupted(target: OutputTarget, { check }: { check: boolean }): Promise<{ notices: string[]; diagnostics: Diagnostic[] }> {
  const layout = outputLayout(target.realOutDir);
  if (!existsSync(layout.staging)) return { notices: [], diagnostics: [] };
  if (check) {
    // A live run is not interrupted: --check waits for it without writing a lock of its own.
    const timedOut = await waitForLiveHolder(layout, lockOptions(target));
    if (timedOut) return { notices: [], diagnostics: [timedOut] };
    if (!existsSync(layout.staging)) return { notices: [], diagnostics: [] };
  }
  const faults = faultPointsFromEnvironment();
  const outcome = await withLock(target, layout, async (lock) => {
    const recovered = recoverInterruptedRun(layout, lock, faults, shownFolder(target));
    if ('diagnostic' in recovered) return { notices: [], diagnostics: [recovered.diagnostic] };
    const notice = recovered.notice && check ? `${recovered.notice} (--check recovers interrupted runs too; it writes nothing else)` : recovered.notice;
    return { notices: notice ? [notice] : [], diagnostics: [] };
  });
  return 'diagnostic' in outcome ? { notices: [], diagnostics: [outcome.diagnostic] } : outcome.value;
}
