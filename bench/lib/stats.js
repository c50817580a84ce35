// Timing and reporting helpers shared by the benchmarks: medians over repeated runs
// after warm-up, and Markdown tables.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Run `fn` `warmup` times untimed, then `runs` times; returns the durations in ms. */
export async function timeRuns(fn, { warmup = 1, runs = 5 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

/** Time one call: `[result, ms]`. */
export async function timed(fn) {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

export const ms = (v) => (v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`);
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
export const int = (n) => Math.round(n).toLocaleString('en-US');
/** `other / ours` as `3.2×`: above 1 means ours is faster (or smaller). */
export const ratio = (ours, other) => `${(other / ours).toFixed(2)}×`;
export const spread = (values) => `${ms(Math.min(...values))} – ${ms(Math.max(...values))}`;

export function table(headers, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Run `node args…` with a hard time limit (the whole process group is killed when it
 * expires). Resolves `{ code, stdout, stderr, wallMs, timedOut }`; never rejects.
 */
export function runNode(args, { cwd, timeoutMs = 60_000 } = {}) {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = killGroupAfter(child, timeoutMs, () => (timedOut = true));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, wallMs: performance.now() - start, timedOut });
    });
  });
}

/** Kills a child started with `detached: true` and everything it started, after `timeoutMs`; returns the timer to clear. */
export function killGroupAfter(child, timeoutMs, onTimeout) {
  return setTimeout(() => {
    onTimeout();
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }, timeoutMs);
}
