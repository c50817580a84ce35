import { existsSync } from 'node:fs';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFile } from '../render/output-file.js';
import { OutputFolderReader, sameFile, type CurrentFile } from './current-files.js';
import { faultPointsFromEnvironment, type FaultPoints } from './fault.js';
import { backedUp, readJournal, type Journal } from './journal.js';
import { MANIFEST_FILE, outputLayout, type OutputLayout } from './layout.js';
import { planOutput, type OutputPlan } from './plan.js';
import type { RunRecord } from './manifest.js';
import { planDiagnostics } from './plan-diagnostics.js';
import { recoverInterruptedRun } from './recover.js';
import { clearStaging, stageChanges } from './staging.js';
import { removeEmptiedFolders, rollBack, switchIn } from './switch.js';
import { failed, reportOf, shownFolder, type OutputTarget, type WriteResult } from './target.js';
import { withLock } from './with-lock.js';

/**
 * Bring the output folder up to date, all or nothing: under the folder's lock, stage
 * every new file, then switch them in under a journal; any failure rolls the switch
 * back, so the earlier output stays byte for byte as it was. A run with nothing to
 * change takes no lock and writes nothing.
 */
export async function writeOutput(target: OutputTarget, files: readonly OutputFile[], run?: RunRecord): Promise<WriteResult> {
  const layout = outputLayout(target.realOutDir);
  let early: { reader: OutputFolderReader; plan: OutputPlan; manifest: CurrentFile } | undefined;
  if (!existsSync(layout.staging)) {
    const reader = new OutputFolderReader(target.realOutDir, { earlier: target.earlierReads });
    const manifest = reader.read(MANIFEST_FILE);
    const plan = planOutput(reader, files, { force: target.force, run });
    const diagnostics = planDiagnostics(plan, shownFolder(target), { check: false });
    if (hasErrors(diagnostics)) return failed(target, diagnostics, []);
    if (plan.changes.length === 0) return { report: reportOf(target, plan, []), diagnostics };
    early = { reader, plan, manifest };
  }
  const faults = faultPointsFromEnvironment();
  const outcome = await withLock(target, layout, async (lock, markWritten) => {
    faults.reached('locked');
    const notices: string[] = [];
    const recovered = recoverInterruptedRun(layout, lock, faults, shownFolder(target));
    if ('diagnostic' in recovered) return failed(target, [recovered.diagnostic], notices);
    if (recovered.notice) notices.push(recovered.notice);
    // Another run may have written the folder before we had the lock (its manifest
    // would differ), or we recovered one: then plan again, now under the lock.
    const unchanged = early && !recovered.notice && sameFile(early.manifest, new OutputFolderReader(target.realOutDir).read(MANIFEST_FILE));
    const reader = unchanged ? early!.reader : new OutputFolderReader(target.realOutDir);
    const plan = unchanged ? early!.plan : planOutput(reader, files, { force: target.force, run });
    const diagnostics = planDiagnostics(plan, shownFolder(target), { check: false });
    if (hasErrors(diagnostics)) return failed(target, diagnostics, notices);
    const report = reportOf(target, plan, notices);
    if (plan.changes.length === 0) return { report, diagnostics };
    const journal: Journal = {
      journalVersion: 1,
      state: 'switching',
      pid: process.pid,
      entries: plan.changes.map(({ path, before, after }) => ({ path, ...(before ? { old: before.hash } : {}), ...(after ? { new: after.hash } : {}) })),
      createdFolders: reader.missingFolders(plan.changes.filter((c) => c.after).map((c) => c.path)),
    };
    try {
      stageChanges(layout, plan.changes, faults);
      switchIn(layout, journal, faults);
    } catch (error) {
      if (!isCommitted(layout)) {
        if (undoFailedSwitch(layout, journal)) throw error;
        return failed(target, [rollBackFailed(target, error)], notices);
      }
      diagnostics.push(cleanUpFailed(target, error));
    }
    markWritten();
    try {
      removeEmptiedFolders(layout, journal);
      clearStaging(layout, backedUp(journal));
      faults.reached('cleaned up');
    } catch (error) {
      diagnostics.push(cleanUpFailed(target, error));
    }
    return { report, diagnostics };
  });
  return 'diagnostic' in outcome ? failed(target, [outcome.diagnostic], []) : outcome.value;
}

function isCommitted(layout: OutputLayout): boolean {
  const journal = readJournal(layout);
  return typeof journal === 'object' && journal.state === 'switched';
}

/**
 * Roll back this run's own failed switch (if it had begun: the journal is written before
 * the first change to the output folder). False if even that failed; the journal then
 * stays, and the next run rolls back.
 */
function undoFailedSwitch(layout: OutputLayout, journal: Journal): boolean {
  try {
    if (readJournal(layout) !== undefined) rollBack(layout, journal, NO_FAULTS);
    clearStaging(layout, backedUp(journal));
    return true;
  } catch {
    return false;
  }
}

const NO_FAULTS: FaultPoints = { reached: () => undefined };

function rollBackFailed(target: OutputTarget, error: unknown): Diagnostic {
  return {
    severity: 'error',
    code: 'output-switch-failed',
    message: `writing the output failed (${(error as Error).message}) and so did undoing it`,
    file: shownFolder(target),
    hint: 'fix the cause; the next run of schema-gen (or schema-gen --check) restores the earlier output from the staging folder first',
  };
}

function cleanUpFailed(target: OutputTarget, error: unknown): Diagnostic {
  return {
    severity: 'warning',
    code: 'staging-left',
    message: `the output is complete, but its staging folder could not be removed: ${(error as Error).message}`,
    file: `${shownFolder(target)}/.schema-gen-staging`,
    hint: 'the next run removes it',
  };
}
