import { progressLine } from '../../src/cli/progress.js';

/** A terminal that records what is written, and a timer the test fires by hand (no clock involved). */
function fakes(isTTY: boolean) {
  const written: string[] = [];
  const timers: { run: () => void; cancelled: boolean }[] = [];
  return {
    written,
    timers,
    options: {
      terminal: { isTTY, write: (text: string) => written.push(text) },
      setTimer: (run: () => void) => {
        const timer = { run, cancelled: false };
        timers.push(timer);
        return { cancel: () => (timer.cancelled = true) };
      },
    },
  };
}

describe('the progress line', () => {
  it('appears only once the delay has passed, follows the stages, and is erased before other output', () => {
    const { written, timers, options } = fakes(true);
    const progress = progressLine({ ...options, env: {} });
    progress.stage('reading schemas');
    progress.stage('compiling validators');
    expect(written).toEqual([]);
    expect(timers).toHaveLength(1);
    timers[0]!.run();
    expect(written).toEqual(['\r\u001b[2Kcompiling validators…']);
    progress.stage('writing the output');
    expect(written.at(-1)).toBe('\r\u001b[2Kwriting the output…');
    progress.clear();
    expect(written.at(-1)).toBe('\r\u001b[2K');
  });

  it('a run that ends before the delay prints nothing', () => {
    const { written, timers, options } = fakes(true);
    const progress = progressLine({ ...options, env: {} });
    progress.stage('reading schemas');
    progress.clear();
    expect(timers[0]!.cancelled).toBe(true);
    expect(written).toEqual([]);
  });

  it('never in a pipe or a file, in CI, or on a dumb terminal', () => {
    for (const [isTTY, env] of [
      [false, {}],
      [true, { CI: 'true' }],
      [true, { TERM: 'dumb' }],
    ] as const) {
      const { written, timers, options } = fakes(isTTY);
      const progress = progressLine({ ...options, env });
      progress.stage('reading schemas');
      timers.forEach((t) => t.run());
      expect(timers).toEqual([]);
      expect(written).toEqual([]);
    }
  });
});
