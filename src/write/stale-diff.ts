import type { OutputPlan } from './plan.js';

/**
 * The unified diff `--check` prints: every file a run would create, change or remove
 * (the manifest included), and every differing file a run would refuse to overwrite.
 */
export async function staleDiff(plan: OutputPlan, shown: (path: string) => string): Promise<string> {
  if (plan.changes.length === 0 && plan.conflicts.length === 0) return '';
  // Loaded only for a stale folder: a current one has no diff to show.
  const { createTwoFilesPatch } = await import('diff');
  const patch = (from: string, to: string, before: string, after: string) => createTwoFilesPatch(from, to, before, after, '', '', { context: 2 }).replace(/^=+\n/, '');
  const patches = plan.changes.map(({ path, before, after }) => {
    const name = shown(path);
    return patch(before ? `a/${name}` : '/dev/null', after ? `b/${name}` : '/dev/null', text(before?.bytes), text(after?.bytes));
  });
  for (const conflict of plan.conflicts) {
    if (conflict.current === undefined || conflict.after === undefined) continue;
    const name = shown(conflict.path);
    patches.push(patch(`a/${name}`, `b/${name}`, conflict.current.toString('utf8'), conflict.after.toString('utf8')));
  }
  return patches.join('');
}

function text(bytes: Buffer | undefined): string {
  return bytes ? bytes.toString('utf8') : '';
}
