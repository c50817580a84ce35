// Would staging each output file as soon as it is rendered pay (issue 13, cold runs)?
// A model of a cold run's end: N files (the Cognito types-only count, 536, of ~2.5 KB)
// are rendered (CPU work: a busy loop of RENDER_MS each, the render stage's ~0.3 ms per
// file) and written into a fresh folder, timed as:
//   pool     render every file, then write them all through the thread pool, 32 at a
//            time (the write stage's way until issue 13's last change);
//   sync     render every file, then write them one after another on the main thread
//            (the write stage's way now);
//   overlap  each file's write started as soon as it is rendered, the render yielding to
//            the event loop every 16 files so that the writes progress.
// Wall time and the process's CPU time (all threads) of each sample.
// Alternating rounds, fresh folders; the disk of a shared machine varies by the minute,
// so read the two columns of one run against each other, not against another run.
// Run: node bench/overlap-writes.js [--rounds N] [--files N] [--render-ms X]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, ms, spread, table } from './lib/stats.js';

const argValue = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const ROUNDS = argValue('--rounds', 7);
const FILES = argValue('--files', 536);
const RENDER_MS = argValue('--render-ms', 0.3);
const BYTES = Buffer.alloc(2500, 'x');

const work = mkdtempSync(join(tmpdir(), 'schema-gen-overlap-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

function render() {
  const until = performance.now() + RENDER_MS;
  while (performance.now() < until);
}

async function inParallel(items, task, limit = 32) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await task(items[next++]);
    }),
  );
}

function renderAll(folder) {
  const names = [];
  for (let i = 0; i < FILES; i++) {
    render();
    names.push(join(folder, `T${i}.d.ts`));
  }
  return names;
}

async function pool(folder) {
  await inParallel(renderAll(folder), (name) => writeFile(name, BYTES));
}

async function sync(folder) {
  for (const name of renderAll(folder)) writeFileSync(name, BYTES);
}

async function overlap(folder) {
  const writes = [];
  for (let i = 0; i < FILES; i++) {
    render();
    writes.push(writeFile(join(folder, `T${i}.d.ts`), BYTES));
    if (i % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(writes);
}

const variants = { pool, sync, overlap };
const samples = { pool: [], sync: [], overlap: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, run] of round % 2 ? Object.entries(variants).reverse() : Object.entries(variants)) {
    const folder = join(work, `${name}-${round}`);
    mkdirSync(folder);
    const started = performance.now();
    const cpu = process.cpuUsage();
    await run(folder);
    const used = process.cpuUsage(cpu);
    samples[name].push({ wall: performance.now() - started, cpu: (used.user + used.system) / 1000 });
    rmSync(folder, { recursive: true, force: true });
  }
}
console.log(`${FILES} files of ${BYTES.length} bytes, ${RENDER_MS} ms of rendering each, ${ROUNDS} alternating rounds\n`);
console.log(
  table(
    ['variant', 'render + write, median', 'range', 'CPU, median'],
    Object.entries(samples).map(([name, values]) => [name, ms(median(values.map((v) => v.wall))), spread(values.map((v) => v.wall)), ms(median(values.map((v) => v.cpu)))]),
  ),
);
