import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFile } from '../render/output-file.js';
import { OutputFolderReader, type CurrentFile } from './current-files.js';
import { faultPointsFromEnvironment, type FaultPoints } from './fault.js';
import { fileSystemDiagnostic, isFileSystemProblem } from './file-system-problem.js';
import { backedUp, readJournal, type Journal } from './journal.js';
import { MANIFEST_FILE, outputLayout, type OutputLayout } from './layout.js';
import { acquireLock, waitForLiveHolder, type HeldLock, type LockOptions } from './lock.js';
import { planOutput, type OutputPlan } from './plan.js';
import { planDiagnostics } from './plan-diagnostics.js';
import { recoverInterruptedRun } from './recover.js';
import { staleDiff } from './stale-diff.js';
import { clearStaging, stageChanges } from './staging.js';
import { removeEmptiedFolders, rollBack, switchIn } from './switch.js';
import { shownPath as shownRelative } from './output-folder.js';

export { checkOutputFolder, type OutputFolderRequest } from './output-folder.js';
export { MANIFEST_FILE, STAGING_FOLDER } from './layout.js';

/** What a run did (or, with `--check`, would do) to the output folder. */
export interface WriteReport {
  outDir: string;
  /** Files created or changed (the manifest included). */
  written: string[];
  unchanged: string[];
  /** Files of an earlier run that no schema produces any more. */
  removed: string[];
  /** `--check` only: a unified diff of what is stale, empty when up to date. */
  diff: string;
  /** What the run did besides its own output: recovering an interrupted run, taking over a stale lock. */
  notices: string[];
}

/** Where and how to write. */
export interface OutputTarget {
  /** The output folder as given (absolute), for the report. */
  outDir: string;
  /** The same with symlinks resolved (see `checkOutputFolder`): where everything happens. */
  realOutDir: string;
  /** Paths in messages are relative to it. */
  cwd: string;
  /** Overwrite files at wanted paths that schema-gen did not write or that were edited since. */
  force: boolean;
  /** How long to wait for another run's lock on the folder. */
  lockTimeoutMs: number;
  /** Told at once when the run has to wait for another run holding the folder's lock. */
  onNotice?: (notice: string) => void;
}

export interface WriteResult {
  report: WriteReport;
  diagnostics: Diagnostic[];
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
    const recovered = await recoverInterruptedRun(layout, lock, faults, shownFolder(target));
    if ('diagnostic' in recovered) return { notices: [], diagnostics: [recovered.diagnostic] };
    const notice = recovered.notice && check ? `${recovered.notice} (--check recovers interrupted runs too; it writes nothing else)` : recovered.notice;
    return { notices: notice ? [notice] : [], diagnostics: [] };
  });
  return 'diagnostic' in outcome ? { notices: [], diagnostics: [outcome.diagnostic] } : outcome.value;
}

/**
 * Bring the output folder up to date, all or nothing: under the folder's lock, stage
 * every new file, then switch them in under a journal; any failure rolls the switch
 * back, so the earlier output stays byte for byte as it was. A run with nothing to
 * change takes no lock and writes nothing.
 */
export async function writeOutput(target: OutputTarget, files: readonly OutputFile[]): Promise<WriteResult> {
  const layout = outputLayout(target.realOutDir);
  let early: { reader: OutputFolderReader; plan: OutputPlan; manifest: CurrentFile } | undefined;
  if (!existsSync(layout.staging)) {
    const reader = new OutputFolderReader(target.realOutDir);
    const manifest = reader.read(MANIFEST_FILE);
    const plan = planOutput(reader, files, { force: target.force });
    const diagnostics = planDiagnostics(plan, shownFolder(target), { check: false });
    if (hasErrors(diagnostics)) return failed(target, diagnostics, []);
    if (plan.changes.length === 0) return { report: reportOf(target, plan, []), diagnostics };
    early = { reader, plan, manifest };
  }
  const faults = faultPointsFromEnvironment();
  const outcome = await withLock(target, layout, async (lock, markWritten) => {
    faults.reached('locked');
    const notices: string[] = [];
    const recovered = await recoverInterruptedRun(layout, lock, faults, shownFolder(target));
    if ('diagnostic' in recovered) return failed(target, [recovered.diagnostic], notices);
    if (recovered.notice) notices.push(recovered.notice);
    // Another run may have written the folder before we had the lock (its manifest
    // would differ), or we recovered one: then plan again, now under the lock.
    const unchanged = early && !recovered.notice && sameFile(early.manifest, new OutputFolderReader(target.realOutDir).read(MANIFEST_FILE));
    const reader = unchanged ? early!.reader : new OutputFolderReader(target.realOutDir);
    const plan = unchanged ? early!.plan : planOutput(reader, files, { force: target.force });
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
      await stageChanges(layout, plan.changes, faults);
      switchIn(layout, journal, faults);
    } catch (error) {
      if (!isCommitted(layout)) {
        if (await undoFailedSwitch(layout, journal)) throw error;
        return failed(target, [rollBackFailed(target, error)], notices);
      }
      diagnostics.push(cleanUpFailed(target, error));
    }
    markWritten();
    try {
      removeEmptiedFolders(layout, journal);
      await clearStaging(layout, backedUp(journal));
      faults.reached('cleaned up');
    } catch (error) {
      diagnostics.push(cleanUpFailed(target, error));
    }
    return { report, diagnostics };
  });
  return 'diagnostic' in outcome ? failed(target, [outcome.diagnostic], []) : outcome.value;
}

/**
 * Compare without writing. Reads only the files this run would write and those the
 * manifest lists (no folder walk); stale when any of them differs, or the manifest does.
 */
export async function checkOutput(target: OutputTarget, files: readonly OutputFile[]): Promise<WriteResult> {
  const layout = outputLayout(target.realOutDir);
  const notices: string[] = [];
  for (let attempt = 1; ; attempt++) {
    const recovered = await recoverIfInterrupted(target, { check: true });
    notices.push(...recovered.notices);
    if (hasErrors(recovered.diagnostics)) return failed(target, recovered.diagnostics, notices);
    const reader = new OutputFolderReader(target.realOutDir);
    const manifestBefore = reader.read(MANIFEST_FILE);
    const plan = planOutput(reader, files, { force: false });
    // A run that wrote the folder while we read it leaves a changed manifest or its staging folder: read again.
    const manifestAfter = new OutputFolderReader(target.realOutDir).read(MANIFEST_FILE);
    const settled = !existsSync(layout.staging) && sameFile(manifestBefore, manifestAfter);
    if (!settled && attempt < 5) continue;
    const report = reportOf(target, plan, notices);
    report.written.push(...plan.conflicts.map((c) => c.path));
    report.written.sort();
    report.diff = staleDiff(plan, (path) => shownPath(target, path));
    return { report, diagnostics: planDiagnostics(plan, shownFolder(target), { check: true }) };
  }
}

type Locked<T> = { value: T } | { diagnostic: Diagnostic };

/**
 * Run `work` holding the folder's lock. Releases it however `work` ends; a run that
 * fails (or never wrote) also removes the output folder it created, if still empty.
 * File system problems (a read-only disk, a file where a folder belongs) become
 * diagnostics; anything else is our bug and propagates.
 */
async function withLock<T>(target: OutputTarget, layout: OutputLayout, work: (lock: HeldLock, markWritten: () => void) => Promise<T>): Promise<Locked<T>> {
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

function lockOptions(target: OutputTarget): LockOptions {
  return { timeoutMs: target.lockTimeoutMs, shownOut: shownFolder(target), ...(target.onNotice ? { onWait: target.onNotice } : {}) };
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
async function undoFailedSwitch(layout: OutputLayout, journal: Journal): Promise<boolean> {
  try {
    if (readJournal(layout) !== undefined) rollBack(layout, journal, NO_FAULTS);
    await clearStaging(layout, backedUp(journal));
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

function failed(target: OutputTarget, diagnostics: Diagnostic[], notices: string[]): WriteResult {
  return { report: { outDir: target.outDir, written: [], unchanged: [], removed: [], diff: '', notices }, diagnostics };
}

function reportOf(target: OutputTarget, plan: OutputPlan, notices: string[]): WriteReport {
  return {
    outDir: target.outDir,
    written: plan.changes.filter((c) => c.after).map((c) => c.path).sort(),
    unchanged: [...plan.unchanged].sort(),
    removed: plan.changes.filter((c) => !c.after).map((c) => c.path).sort(),
    diff: '',
    notices,
  };
}

function sameFile(a: CurrentFile, b: CurrentFile): boolean {
  return a.kind === b.kind && (a.kind !== 'file' || (b.kind === 'file' && a.bytes.equals(b.bytes)));
}

/** The output folder as the user named it, relative to cwd. */
function shownFolder(target: OutputTarget): string {
  return shownRelative(target.outDir, target.cwd);
}

/** An output path (`types/A.d.ts`) as the user sees it: `generated/types/A.d.ts`. */
function shownPath(target: OutputTarget, path: string): string {
  const folder = shownFolder(target);
  return folder === '.' ? path : `${folder}/${path}`;
}

/** A path under the real output folder, shown under the folder as the user named it. */
function shownAbsolute(target: OutputTarget, path: string): string {
  const inside = relative(target.realOutDir, path);
  return inside.startsWith('..') ? path : shownPath(target, inside.split(sep).join('/'));
}
