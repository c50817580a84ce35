// Runs every benchmark in sequence, each in its own process with a time limit, and
// prints their Markdown tables under one header saying where and when they ran.
// Run: node bench/run.js   (or one of them alone: node bench/types.js). The main benchmark
// is bench/reference.js (npm run bench); these are the detail benchmarks behind it.
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const BENCHES = [
  ['types.js', 120_000],
  ['validators.js', 150_000],
  ['resolve.js', 90_000],
];

const git = (...args) => spawnSync('git', args, { cwd: here, encoding: 'utf8' }).stdout?.trim() ?? '';
const commit = git('rev-parse', '--short', 'HEAD') || 'unknown commit';
const dirty = git('status', '--porcelain', '--', 'src') ? ', src/ has uncommitted changes' : '';
const started = Date.now();
console.log(`# schema-gen benchmarks, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
console.log(
  `\nNode ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ` +
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')} at start; schema-gen ${commit}${dirty} (dist/ as built). ` +
    'Times are medians; see bench/README.md.',
);

let failed = 0;
for (const [file, timeout] of BENCHES) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [join(here, file)], { stdio: 'inherit', timeout, killSignal: 'SIGKILL' });
  const took = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    failed++;
    const why = r.error?.code === 'ETIMEDOUT' ? `killed after ${timeout / 1000} s` : `exit ${r.status ?? r.signal}`;
    console.log(`\n**bench/${file} failed (${why}).**`);
  }
  console.error(`(bench/${file}: ${took} s)`);
}
console.log(`\nAll benchmarks: ${((Date.now() - started) / 1000).toFixed(0)} s, load average ${loadavg()[0].toFixed(2)} at the end.`);
process.exitCode = failed > 0 ? 1 : 0;
