// Would staging each output file as soon as it is rendered pay (issue 13, cold runs)?
// A model of a cold run's end: N files (the Cognito types-only count, 536, of ~2.5 KB)
// are rendered (CPU work: a busy loop of RENDER_MS each, the render stage's ~0.3 ms per
// file) and written into a fresh folder, timed as:
//   after    today's order: render every file, then write them all, 32 at a time
//            (src/write/in-parallel.ts's bound);
//   overlap  each file's write started as soon as it is rendered, the render yielding to
//            the event loop every 16 files so that the writes progress.
// Alternating rounds, fresh folders; the disk of a shared machine varies by the minute,
// so read the two columns of one run against each other, not against another run.
// Run: node bench/overlap-writes.js [--rounds N] [--files N] [--render-ms X]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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

async function after(folder) {
  const names = [];
  for (let i = 0; i < FILES; i++) {
    render();
    names.push(join(folder, `T${i}.d.ts`));
  }
  await inParallel(names, (name) => writeFile(name, BYTES));
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

const variants = { after, overlap };
const samples = { after: [], overlap: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, run] of round % 2 ? Object.entries(variants).reverse() : Object.entries(variants)) {
    const folder = join(work, `${name}-${round}`);
    mkdirSync(folder);
    const started = performance.now();
    await run(folder);
    samples[name].push(performance.now() - started);
    rmSync(folder, { recursive: true, force: true });
  }
}
console.log(`${FILES} files of ${BYTES.length} bytes, ${RENDER_MS} ms of rendering each, ${ROUNDS} alternating rounds\n`);
console.log(
  table(
    ['variant', 'render + write, median', 'range'],
    Object.entries(samples).map(([name, values]) => [name, ms(median(values)), spread(values)]),
  ),
);
