import { existsSync } from 'node:fs';
import { hasErrors } from '../diagnostics/diagnostic.js';
import type { OutputFile } from '../render/output-file.js';
import { OutputFolderReader, sameFile } from './current-files.js';
import { MANIFEST_FILE, outputLayout } from './layout.js';
import { planOutput } from './plan.js';
import type { RunRecord } from './manifest.js';
import { planDiagnostics } from './plan-diagnostics.js';
import { recoverIfInterrupted } from './recover.js';
import { staleDiff } from './stale-diff.js';
import { failed, reportOf, shownFolder, shownPath, type OutputTarget, type WriteResult } from './target.js';

/**
 * Compare without writing. Reads only the files this run would write and those the
 * manifest lists (no folder walk); stale when any of them differs, or the manifest does.
 */
export async function checkOutput(target: OutputTarget, files: readonly OutputFile[], run?: RunRecord): Promise<WriteResult> {
  const layout = outputLayout(target.realOutDir);
  const notices: string[] = [];
  for (let attempt = 1; ; attempt++) {
    const recovered = await recoverIfInterrupted(target, { check: true });
    notices.push(...recovered.notices);
    if (hasErrors(recovered.diagnostics)) return failed(target, recovered.diagnostics, notices);
    const reader = new OutputFolderReader(target.realOutDir, { earlier: attempt === 1 ? target.earlierReads : undefined });
    const manifestBefore = reader.read(MANIFEST_FILE);
    const plan = planOutput(reader, files, { force: false, run });
    // A run that wrote the folder while we read it leaves a changed manifest or its staging folder: read again.
    const manifestAfter = new OutputFolderReader(target.realOutDir).read(MANIFEST_FILE);
    const settled = !existsSync(layout.staging) && sameFile(manifestBefore, manifestAfter);
    if (!settled && attempt < 5) continue;
    const report = reportOf(target, plan, notices);
    report.written.push(...plan.conflicts.map((c) => c.path));
    report.written.sort();
    report.diff = await staleDiff(plan, (path) => shownPath(target, path));
    return { report, diagnostics: planDiagnostics(plan, shownFolder(target), { check: true }) };
  }
}
