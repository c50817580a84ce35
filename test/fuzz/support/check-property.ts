import fc from 'fast-check';
import type { FuzzSettings } from './config.js';
import { kindOf, minimizeRepro, renderRepro, type Failure, type Repro } from './repro.js';

export interface PropertyCheck<T> {
  name: string;
  /** How a failure is reproduced from the command line (the seed and path are added). */
  replayCommand: string;
  arbitrary: fc.Arbitrary<T>;
  /** `undefined` when the property holds for `value`, else the first failure seen. */
  check: (value: T) => Promise<Failure | undefined>;
  /** The same check on one counterexample alone (what the minimiser reruns). */
  recheck: (repro: Repro) => Promise<Failure | undefined>;
  /**
   * Property evaluations allowed while fast-check shrinks: each one is a generator run
   * (and a tsc program), so an unbounded shrink of a big batch could take many minutes.
   * Past the budget, remaining shrink candidates are not evaluated; the counterexample
   * is the smallest failing value found so far (replayed by its path all the same).
   */
  shrinkBudget: number;
  /** Reruns allowed to the minimiser that follows (see repro.ts). */
  minimizeBudget: number;
}

/**
 * fast-check's runner, with the failure message we want: seed, path, the command that
 * replays it, what went wrong, and the counterexample as ready-to-paste JSON, minimised.
 */
export async function checkProperty<T>(settings: FuzzSettings, property: PropertyCheck<T>): Promise<void> {
  let failures = 0;
  let shrinkSteps = 0;
  let lastFailure: Failure | undefined;
  const ignored = new Map<string, number>();
  const details = await fc.check(
    fc.asyncProperty(property.arbitrary, async (value) => {
      if (failures > 0 && shrinkSteps++ >= property.shrinkBudget) return true;
      const failure = await property.check(value);
      if (failure === undefined) return true;
      if (settings.ignore?.test(failure.message)) {
        ignored.set(kindOf(failure), (ignored.get(kindOf(failure)) ?? 0) + 1);
        return true;
      }
      failures++;
      lastFailure = failure;
      throw new PropertyFailure(failure.message);
    }),
    { seed: settings.seed, numRuns: settings.runs, ...(settings.path ? { path: settings.path } : {}) },
  );
  const ignoredNote =
    ignored.size === 0
      ? ''
      : `\n\n${[...ignored.values()].reduce((a, b) => a + b, 0)} failure(s) matching FUZZ_IGNORE=${settings.ignore} were set aside:\n${[...ignored].map(([h, n]) => `  ${n}× ${h.length > 300 ? `${h.slice(0, 300)}…` : h}`).join('\n')}`;
  // Set-aside failures still fail the test: FUZZ_IGNORE helps find the next distinct failure, it never makes a run green.
  if (!details.failed && ignored.size > 0) throw new Error(printable(`${property.name}: no other failure in ${details.numRuns} run(s) (seed ${details.seed}).${ignoredNote}`));
  if (!details.failed) return;
  const head = [
    `${property.name}: failed (seed ${details.seed}, path ${details.counterexamplePath}, after ${details.numRuns} run(s) and ${details.numShrinks} shrink(s)).`,
    `Replay fast-check's counterexample: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath} ${property.replayCommand}`,
    `Rerun the whole campaign: FUZZ_SEED=${details.seed} FUZZ_RUNS=${settings.runs} ${property.replayCommand}`,
    '',
  ];
  const error = details.errorInstance;
  if (!(error instanceof PropertyFailure) || !lastFailure) {
    throw new Error(printable([...head, `The check itself threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`].join('\n') + ignoredNote));
  }
  // lastFailure is the counterexample's: fast-check stops shrinking at the last value that failed.
  // A rerun that throws (the check's own bug, or the tool's on a candidate) is just not the same failure.
  const recheck = (repro: Repro) => property.recheck(repro).catch(() => undefined);
  const { failure: minimal, rechecks } = await minimizeRepro(lastFailure, recheck, property.minimizeBudget);
  throw new Error(
    printable(
      [
        ...head,
        minimal.message,
        '',
        renderRepro(minimal.repro),
        '',
        `(minimised from fast-check's counterexample in ${rechecks} rerun(s), each still failing this way: "${kindOf(minimal)}"; fast-check's own, before that:)`,
        renderRepro(lastFailure.repro),
      ].join('\n') + ignoredNote,
    ),
  );
}

class PropertyFailure extends Error {}

/** Messages quote schema strings and CLI output: control characters are shown escaped, never sent to the terminal. */
function printable(text: string): string {
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
