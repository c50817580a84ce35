import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { progressLine } from '../../src/cli/progress.js';
import { withTempDir } from '../helpers/temp-dir.js';

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

/** The CLI's exports, imported once stderr claims to be a terminal (the console printer asks it when loaded). */
type Cli = typeof import('../../src/cli/main.js');

interface TerminalRun {
  code: number;
  /** What went to the terminal's status line, to stdout and to stderr, in order. */
  status: string[];
  out: string[];
  err: string[];
}

const ERASE = '\r\u001b[2K';

/**
 * Run the CLI in-process as on a terminal, outside CI. The progress line's delay is a
 * `setTimeout`: a stand-in records it and the test fires it by hand as soon as it is set,
 * while the run is still going (no clock). Without `printer`, the console printer is used,
 * with process.stdout and process.stderr recorded instead of written.
 */
async function runOnTerminal(cli: Cli, argv: string[], dir: string, printer?: 'own'): Promise<TerminalRun> {
  const recorded: TerminalRun = { code: -1, status: [], out: [], err: [] };
  const timers: { run: () => void; cancelled: boolean }[] = [];
  const saved = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout, ci: process.env.CI, stdout: process.stdout.write, stderr: process.stderr.write };
  globalThis.setTimeout = ((run: () => void) => {
    const timer = { run, cancelled: false, unref: () => timer };
    timers.push(timer);
    return timer;
  }) as unknown as typeof setTimeout;
  globalThis.clearTimeout = ((timer?: { cancelled: boolean }) => {
    if (timer) timer.cancelled = true;
  }) as typeof clearTimeout;
  delete process.env.CI;
  if (printer === undefined) {
    process.stdout.write = ((text: string) => recorded.out.push(text) > 0) as typeof process.stdout.write;
    process.stderr.write = ((text: string) => recorded.err.push(text) > 0) as typeof process.stderr.write;
  }
  try {
    let done = false;
    const own = { out: (t: string) => recorded.out.push(t), err: (t: string) => recorded.err.push(t), status: { isTTY: true, write: (t: string) => recorded.status.push(t) } };
    const running = cli.runCli(argv, printer === 'own' ? own : undefined, dir).finally(() => (done = true));
    while (!done) {
      for (const timer of timers.splice(0)) if (!timer.cancelled) timer.run();
      await new Promise((next) => setImmediate(next));
    }
    recorded.code = await running;
    return recorded;
  } finally {
    Object.assign(globalThis, { setTimeout: saved.setTimeout, clearTimeout: saved.clearTimeout });
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
    if (saved.ci === undefined) delete process.env.CI;
    else process.env.CI = saved.ci;
  }
}

describe('the progress line of a CLI run', () => {
  let cli: Cli;
  beforeAll(async () => {
    const wasTTY = process.stderr.isTTY;
    process.stderr.isTTY = true;
    try {
      cli = await import('../../src/cli/main.js');
    } finally {
      process.stderr.isTTY = wasTTY;
    }
  });

  const withSchema = <T>(run: (dir: string) => Promise<T>) =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      await writeFile(join(dir, 'schemas', 'a.json'), JSON.stringify({ title: 'A', type: 'object', properties: { b: { type: 'string' } } }));
      return run(dir);
    });

  it('is on stderr (the terminal), never on stdout, and erased before the summary line', () =>
    withSchema(async (dir) => {
      const run = await runOnTerminal(cli, ['--json', '--no-cache'], dir);
      expect(run.code).toBe(0);
      expect(run.err.join('')).toBe('');
      const plain = await runOnTerminal(cli, ['--no-cache'], dir);
      expect(plain.code).toBe(0);
      const stderr = plain.err.join('');
      expect(stderr).toMatch(/^\r\u001b\[2Kschema-gen: [a-z ]+…/);
      expect(stderr).toContain(`${ERASE}schema-gen: 1 type → generated/`);
      expect(plain.out.join('')).toBe('');
    }));

  it("goes to the printer's terminal, not to out or err, and is off with -q, --json and --reporter github", () =>
    withSchema(async (dir) => {
      const shown = await runOnTerminal(cli, ['--no-cache'], dir, 'own');
      expect(shown.code).toBe(0);
      expect(shown.status[0]).toMatch(/^\r\u001b\[2Kschema-gen: [a-z ]+…$/);
      expect(shown.status.at(-1)).toBe(ERASE);
      expect([...shown.out, ...shown.err].join('\n')).not.toContain('…');
      for (const flags of [['-q'], ['--json'], ['--reporter', 'github']]) {
        const quiet = await runOnTerminal(cli, ['--no-cache', ...flags], dir, 'own');
        expect([flags, quiet.code, quiet.status]).toEqual([flags, 0, []]);
      }
    }));
});
