import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { MANIFEST_FILE } from './layout.js';
import type { Conflict, OutputPlan } from './plan.js';

/**
 * What the user must know about a plan. Conflicts stop a write (errors); under `--check`,
 * which writes nothing, they are warnings that say what a write would do.
 */
export function planDiagnostics(plan: OutputPlan, shownOut: string, { check }: { check: boolean }): Diagnostic[] {
  const shown = (path: string) => `${shownOut}/${path}`;
  const diagnostics: Diagnostic[] = [];
  if (plan.manifestProblem) {
    diagnostics.push({
      severity: 'warning',
      code: 'manifest-unreadable',
      message: `the manifest cannot be used (${plan.manifestProblem}), so no file here counts as written by schema-gen: files identical to this run's output are adopted, other files are left alone`,
      file: shown(MANIFEST_FILE),
      hint: 'a successful run rewrites it (resolve a merge conflict in it by running schema-gen again)',
    });
  }
  if (plan.ignoredEntries.length > 0) {
    const listed = plan.ignoredEntries
      .slice(0, 3)
      .map((p) => JSON.stringify(p))
      .join(', ');
    diagnostics.push({
      severity: 'warning',
      code: 'manifest-entry-ignored',
      message: `ignored ${plan.ignoredEntries.length} manifest entr${plan.ignoredEntries.length === 1 ? 'y' : 'ies'} naming a path outside the output folder or a malformed hash (${listed}${plan.ignoredEntries.length > 3 ? ', …' : ''}); such files are never touched`,
      file: shown(MANIFEST_FILE),
    });
  }
  for (const conflict of plan.conflicts) diagnostics.push(conflictDiagnostic(conflict, shown(conflict.path), shown(MANIFEST_FILE), check));
  for (const path of plan.keptEdited) {
    diagnostics.push({
      severity: 'warning',
      code: 'edited-output-kept',
      message: `no schema produces this file any more, but it was edited since schema-gen wrote it, so it ${check ? 'would be' : 'was'} left in place and dropped from the manifest`,
      file: shown(path),
      hint: 'delete it if you no longer need it',
    });
  }
  return diagnostics;
}

function conflictDiagnostic(conflict: Conflict, file: string, manifest: string, check: boolean): Diagnostic {
  const severity = check ? 'warning' : 'error';
  const outcome = check ? 'a run would stop here' : 'nothing was written';
  switch (conflict.kind) {
    case 'foreign-output':
      return {
        severity,
        code: 'foreign-output',
        message: `this run would write this file, but schema-gen did not write the file there now (${manifest} does not list it) and it differs; ${outcome}`,
        file,
        hint: 'move it out of the output folder, or run with --force to overwrite it',
      };
    case 'edited-output':
      return {
        severity,
        code: 'edited-output',
        message: `this file was edited since schema-gen wrote it (its hash no longer matches ${manifest}); ${outcome} rather than lose the edit`,
        file,
        hint: 'put the change into the schema or a template instead, or run with --force to overwrite it',
      };
    case 'changed-during-run':
      return {
        severity: 'error',
        code: 'changed-during-run',
        message: `this file was kept unread from the last run by its stamp, and another program or run replaced it while this run worked; ${check ? 'a run would stop here' : 'nothing was written'}`,
        file,
        hint: 'run schema-gen again',
      };
    case 'output-path-blocked':
      return {
        severity: 'error',
        code: 'output-path-blocked',
        message: `this run must write this file, but it ${conflict.why}; ${check ? 'a run would stop here' : 'nothing was written'}`,
        file,
        hint: 'move it out of the output folder (--force does not replace symbolic links or folders)',
      };
  }
}
