/**
 * How long and from where the fuzz tests run. `npm test` uses a fixed seed (the same
 * cases on every machine); `npm run fuzz` (FUZZ_LONG=1) runs ten times as many from a
 * random seed it prints. Any run is replayed exactly by its FUZZ_SEED (and, for the
 * shrunk counterexample alone, FUZZ_PATH) — see NOTES-fuzz.md.
 */
export const DEFAULT_SEED = 20_240_611;

export interface FuzzSettings {
  seed: number;
  /** fast-check runs; each run is one batch of schema sets, generated together. */
  runs: number;
  /** Replay only the value at this fast-check path (as a failure prints it). */
  path?: string;
  long: boolean;
  /**
   * FUZZ_IGNORE: failures whose message matches this regex are set aside (and listed),
   * so that a run finds the next distinct failure while a known one is being fixed.
   * The test still fails when anything was set aside.
   */
  ignore?: RegExp;
}

export function fuzzSettings(defaultRuns: number, env: NodeJS.ProcessEnv = process.env): FuzzSettings {
  const long = env.FUZZ_LONG === '1';
  const seed = env.FUZZ_SEED ? Number(env.FUZZ_SEED) : DEFAULT_SEED;
  const runs = env.FUZZ_RUNS ? Number(env.FUZZ_RUNS) : defaultRuns * (long ? 10 : 1);
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, got "${env.FUZZ_SEED}"`);
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`FUZZ_RUNS must be a positive integer, got "${env.FUZZ_RUNS}"`);
  return { seed, runs, long, ...(env.FUZZ_PATH ? { path: env.FUZZ_PATH } : {}), ...(env.FUZZ_IGNORE ? { ignore: new RegExp(env.FUZZ_IGNORE) } : {}) };
}

/** A jest timeout that fits the number of runs (and a shrink), so that FUZZ_RUNS=2000 is not cut short. */
export function fuzzTimeoutMs(settings: FuzzSettings, msPerRun: number): number {
  return 10 * 60_000 + settings.runs * msPerRun;
}
