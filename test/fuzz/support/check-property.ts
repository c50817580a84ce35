import fc from 'fast-check';
import type { FuzzSettings } from './config.js';

export interface PropertyCheck<T> {
  name: string;
  /** How a failure is reproduced from the command line (the seed and path are added). */
  replayCommand: string;
  arbitrary: fc.Arbitrary<T>;
  /** `undefined` when the property holds for `value`, else what went wrong (with the ready-to-paste reproduction). */
  check: (value: T) => Promise<string | undefined>;
  /**
   * Property evaluations allowed while shrinking: each one is a generator run (and a
   * tsc program), so an unbounded shrink of a big batch could take many minutes. Past
   * the budget, remaining shrink candidates are not evaluated; the counterexample is the
   * smallest failing value found so far (reproducible by its path all the same).
   */
  shrinkBudget: number;
}

/**
 * fast-check's runner, with the failure message we want: seed, path, the command that
 * replays it, what went wrong, and the shrunk counterexample as the check printed it.
 */
export async function checkProperty<T>(settings: FuzzSettings, property: PropertyCheck<T>): Promise<void> {
  let failures = 0;
  let shrinkSteps = 0;
  const ignored = new Map<string, number>();
  const details = await fc.check(
    fc.asyncProperty(property.arbitrary, async (value) => {
      if (failures > 0 && shrinkSteps++ >= property.shrinkBudget) return true;
      const problem = await property.check(value);
      if (problem === undefined) return true;
      if (settings.ignore?.test(problem)) {
        const headline = problem.split('\n')[0]!;
        ignored.set(headline, (ignored.get(headline) ?? 0) + 1);
        return true;
      }
      failures++;
      throw new PropertyFailure(problem);
    }),
    { seed: settings.seed, numRuns: settings.runs, ...(settings.path ? { path: settings.path } : {}) },
  );
  const ignoredNote = ignored.size === 0 ? '' : `\n\n${[...ignored.values()].reduce((a, b) => a + b, 0)} failure(s) matching FUZZ_IGNORE=${settings.ignore} were set aside:\n${[...ignored].map(([h, n]) => `  ${n}× ${h}`).join('\n')}`;
  // Set-aside failures still fail the test: FUZZ_IGNORE helps find the next distinct failure, it never makes a run green.
  if (!details.failed && ignored.size > 0) throw new Error(`${property.name}: no other failure in ${details.numRuns} run(s) (seed ${details.seed}).${ignoredNote}`);
  if (!details.failed) return;
  const error = details.errorInstance;
  const what = error instanceof PropertyFailure ? error.message : `the check itself threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  throw new Error(
    [
      `${property.name}: failed (seed ${details.seed}, path ${details.counterexamplePath}, after ${details.numRuns} run(s) and ${details.numShrinks} shrink(s)).`,
      `Replay exactly this counterexample: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath} ${property.replayCommand}`,
      `Rerun the whole campaign: FUZZ_SEED=${details.seed} FUZZ_RUNS=${settings.runs} ${property.replayCommand}`,
      '',
      what,
    ].join('\n') + ignoredNote,
  );
}

class PropertyFailure extends Error {}
