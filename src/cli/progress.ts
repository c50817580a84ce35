/** Where a progress line goes, and the clock it waits on (tests pass their own). */
export interface ProgressOptions {
  terminal: { isTTY: boolean; write(text: string): void } | undefined;
  env: NodeJS.ProcessEnv;
  /** How long a run goes before the line appears: short runs print nothing. */
  delayMs?: number;
  setTimer?: (run: () => void, ms: number) => { cancel(): void };
}

export interface Progress {
  /** The stage now running (shown once the run has lasted `delayMs`). */
  stage(text: string): void;
  /** Erase the line, before other output is printed or when the run is over. */
  clear(): void;
}

const ERASE_LINE = '\r\u001b[2K';

/**
 * One line on the terminal saying what a run is doing, for runs over a second. Never in
 * a pipe, a file or CI (`CI` set): logs keep only the lines that say something.
 */
export function progressLine({ terminal, env, delayMs = 1000, setTimer = defaultTimer }: ProgressOptions): Progress {
  if (!terminal?.isTTY || env.CI || env.TERM === 'dumb') return { stage: () => undefined, clear: () => undefined };
  let current: string | undefined;
  let shown = false;
  let timer: { cancel(): void } | undefined;
  const draw = () => {
    if (current === undefined) return;
    terminal.write(`${ERASE_LINE}${current}…`);
    shown = true;
  };
  return {
    stage(text) {
      current = text;
      if (shown) draw();
      else
        timer ??= setTimer(() => {
          timer = undefined;
          draw();
        }, delayMs);
    },
    clear() {
      timer?.cancel();
      timer = undefined;
      current = undefined;
      if (shown) terminal.write(ERASE_LINE);
      shown = false;
    },
  };
}

function defaultTimer(run: () => void, ms: number): { cancel(): void } {
  const handle = setTimeout(run, ms);
  // A progress line never keeps the process alive.
  handle.unref();
  return { cancel: () => clearTimeout(handle) };
}
