// One measured process: `node --require no-network.cjs <args>`, its wall-clock time from
// spawn to exit (taken here), its CPU time (user + system) and its peak resident set size
// (taken by `/usr/bin/time -f '%U %S %M'`, the kernel's rusage of the process; where that
// program is missing, by the process itself through process.resourceUsage() at exit).
// The process runs in its own process group, which is killed when `timeoutMs` expires.
// Its stdout and stderr go to files, so that this process does no work while it runs.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { killGroupAfter } from './stats.js';

const STUB = join(dirname(fileURLToPath(import.meta.url)), 'no-network.cjs');
const TIME = '/usr/bin/time';
export const HAS_TIME = existsSync(TIME);
export const HOW_MEASURED = HAS_TIME
  ? 'wall clock from spawn to exit, measured by the benchmark; CPU time (user + system) and peak RSS from `/usr/bin/time -f "%U %S %M"` (the kernel\'s rusage of the process)'
  : "wall clock from spawn to exit, measured by the benchmark; CPU time and peak RSS from `process.resourceUsage()` at the process's exit (/usr/bin/time is missing)";

/**
 * Resolves `{ code, wallMs, cpuMs, rssKb, timedOut, stdout, stderr }`; never rejects.
 * `scratch` is a folder for the rusage and output files (overwritten every run).
 */
export function measureProcess(args, { cwd, timeoutMs, scratch, networkLog }) {
  const rusageFile = join(scratch, 'rusage.txt');
  const outFile = join(scratch, 'stdout.txt');
  const errFile = join(scratch, 'stderr.txt');
  rmSync(rusageFile, { force: true });
  const out = openSync(outFile, 'w');
  const err = openSync(errFile, 'w');
  const env = { ...process.env, BENCH_NETWORK_LOG: networkLog };
  delete env.NODE_OPTIONS; // the same node for every row, whatever the caller's environment says
  if (!HAS_TIME) env.BENCH_RUSAGE_FILE = rusageFile;
  const node = [process.execPath, '--require', STUB, ...args];
  const [command, ...argv] = HAS_TIME ? [TIME, '-f', '%U %S %M', '-o', rusageFile, ...node] : node;
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(command, argv, { cwd, env, stdio: ['ignore', out, err], detached: true });
    let timedOut = false;
    const timer = killGroupAfter(child, timeoutMs, () => (timedOut = true));
    let done = false;
    const finish = (code) => {
      if (done) return;
      done = true;
      const wallMs = performance.now() - start;
      clearTimeout(timer);
      closeSync(out);
      closeSync(err);
      resolve({ code, wallMs, timedOut, ...usage(rusageFile), stdout: readFileSync(outFile, 'utf8'), stderr: readFileSync(errFile, 'utf8') });
    };
    child.on('error', () => finish(-1));
    child.on('exit', (code, signal) => finish(code ?? signal));
  });
}

function usage(file) {
  if (!existsSync(file)) return { cpuMs: NaN, rssKb: NaN };
  // /usr/bin/time writes "Command exited with non-zero status N" before the format line.
  const last = readFileSync(file, 'utf8').trim().split('\n').pop().split(' ');
  if (last[0] === 'resourceUsage') return { cpuMs: (Number(last[1]) + Number(last[2])) / 1000, rssKb: Number(last[3]) };
  return { cpuMs: (Number(last[0]) + Number(last[1])) * 1000, rssKb: Number(last[2]) };
}
