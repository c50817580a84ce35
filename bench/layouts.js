// Output layouts measured on the whole Cognito corpus (issue 13), each made by schema-gen
// itself (the default template set, or one of bench/layouts/<name>/):
//   (a) import cost: a fresh `node` that imports a layout's entry point and validates the
//       corpus example of AdminInitiateAuthResponse once (`first`), or calls every
//       validator it exports once (`all`); ES modules and CommonJS;
//   (b) files per schema: a cold run (no output folder, validators cached) of the default
//       set (types/<Name>.d.ts, validators/<Name>.js and .d.ts) against one that writes
//       the type beside the validator (validators/<Name>.d.ts holds both: 2 files, not 3).
// Run: node bench/layouts.js   (LAYOUT_RUNS=<n> for more or fewer rounds; default 15)
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { CLI_ARGS, EXAMPLES_DIR, REPO, requireCorpus } from './lib/corpus.js';
import { median, ms, runNode, spread, table } from './lib/stats.js';

requireCorpus('bench/layouts.js');
const RUNS = Number(process.env.LAYOUT_RUNS ?? 15);
const dir = mkdtempSync(join(tmpdir(), 'schema-gen-bench-layouts-'));
// A node_modules folder, so runs from here keep their validator cache in it (not the repository's).
mkdirSync(join(dir, 'node_modules'));
const corpusArgs = CLI_ARGS.map((arg) => (arg.startsWith('-') || isAbsolute(arg) ? arg : join(REPO, arg)));
const example = join(EXAMPLES_DIR, 'user-pools-admin-initiate-auth-response-example.json');
const cli = join(REPO, 'bin/schema-gen.js');

async function generate(out, ...options) {
  const r = await runNode([cli, ...corpusArgs, '-o', join(dir, out), '--quiet', ...options], { cwd: dir, timeoutMs: 180_000 });
  if (r.code !== 0) throw new Error(`schema-gen ${options.join(' ')} failed (exit ${r.code}, timed out: ${r.timedOut}):\n${r.stderr}${r.stdout}`);
  return r;
}

try {
  // --- (a) import cost ---------------------------------------------------------------
  const layout = (name) => ['--templates', join(REPO, 'bench/layouts', name)];
  await generate('esm', '--bundle');
  await generate('esm-modules', ...layout('modules-index'));
  await generate('esm-lazy', ...layout('lazy-index'));
  await generate('cjs', '--bundle', '--module', 'cjs');
  await generate('cjs-modules', '--module', 'cjs', ...layout('modules-index'));
  await generate('cjs-getters', '--module', 'cjs', ...layout('lazy-getters-cjs'));
  const one = 'validators/AdminInitiateAuthResponse.js';
  const modes = [
    ['esm', 'index.js, one module (default)', 'import', 'esm/index.js'],
    ['esm', 'index.js re-exporting validators/<Name>.js (before)', 'import', 'esm-modules/index.js'],
    ['esm', 'index.js, each scope made on first call', 'import', 'esm-lazy/index.js'],
    ['esm', 'bundle.js (--bundle, esbuild)', 'import', 'esm/bundle.js'],
    ['esm', `${one} only`, 'import', `esm/${one}`],
    ['cjs', 'index.js, one module (default)', 'require', 'cjs/index.js'],
    ['cjs', 'index.js re-exporting validators/<Name>.js (before)', 'require', 'cjs-modules/index.js'],
    ['cjs', 'index.js with a lazy getter per export', 'require', 'cjs-getters/index.js'],
    ['cjs', 'bundle.js (--bundle, esbuild)', 'require', 'cjs/bundle.js'],
    ['cjs', `${one} only`, 'require', `cjs/${one}`],
  ];
  const child = join(REPO, 'bench/lib/import-child.js');
  const results = new Map(modes.map((m) => [m, { first: [], all: [], wall: [] }]));
  // Rounds run every mode once, so load on the machine hits them alike; round 0 warms the OS file cache and is dropped.
  for (let round = 0; round <= RUNS; round++) {
    for (const mode of modes) {
      for (const what of ['first', 'all']) {
        if (what === 'all' && mode[1].endsWith(' only')) continue;
        const r = await runNode([child, mode[2], join(dir, mode[3]), example, what], { cwd: dir, timeoutMs: 30_000 });
        if (r.code !== 0) throw new Error(`${mode[0]} ${mode[1]} (${what}) failed (timed out: ${r.timedOut}): ${r.stderr}`);
        const { inProcessMs, valid } = JSON.parse(r.stdout);
        if (valid !== false) throw new Error(`${mode[0]} ${mode[1]}: the corpus example should fail validation`);
        if (round === 0) continue;
        results.get(mode)[what].push(inProcessMs);
        if (what === 'first') results.get(mode).wall.push(r.wallMs);
      }
    }
  }
  for (const format of ['esm', 'cjs']) {
    const base = median(results.get(modes.find((m) => m[0] === format && m[1].includes('bundle.js'))).first);
    const rows = modes
      .filter((m) => m[0] === format)
      .map((mode) => {
        const { first, all, wall } = results.get(mode);
        return [mode[1], ms(median(first)), spread(first), `${(median(first) / base).toFixed(2)}×`, all.length ? ms(median(all)) : '', ms(median(wall))];
      });
    console.log(`\n### Layouts (a): import to the first validation, ${format === 'esm' ? 'ES modules (`import()`)' : 'CommonJS (`require`)'}, fresh \`node\` per run, median of ${RUNS}\n`);
    console.log(table(['entry point', 'import → first validation', 'range', '÷ bundle.js', 'import → every validator called once', 'wall (spawn → exit)'], rows));
  }

  // --- (b) files per schema ----------------------------------------------------------------
  const sets = [
    ['default: types/<Name>.d.ts + validators/<Name>.js + validators/<Name>.d.ts', []],
    ['validators/<Name>.d.ts holds the type too: 2 files per schema', layout('typings-beside-validator')],
  ];
  const cold = new Map(sets.map(([label]) => [label, { wall: [], write: [], render: [], files: 0 }]));
  for (let round = 0; round <= Math.max(10, Math.ceil(RUNS / 1.5)); round++) {
    for (const [label, options] of sets) {
      rmSync(join(dir, 'cold'), { recursive: true, force: true });
      const r = await generate('cold', ...options, '--json');
      if (round === 0) continue; // fills the validator cache
      const report = JSON.parse(r.stdout);
      const entry = cold.get(label);
      entry.wall.push(r.wallMs);
      entry.write.push(report.timings.write);
      entry.render.push(report.timings.render);
      entry.files = readdirSync(join(dir, 'cold'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
    }
  }
  const [first, second] = sets.map(([label]) => cold.get(label));
  const perFile = (median(first.write) - median(second.write)) / (first.files - second.files);
  console.log(`\n### Layouts (b): files per schema, cold run into a fresh folder (validators cached), median of ${first.wall.length}\n`);
  console.log(
    table(
      ['layout', 'files', 'whole process', 'stage render', 'stage write'],
      sets.map(([label]) => {
        const { wall, write, render, files } = cold.get(label);
        return [label, files, ms(median(wall)), ms(median(render)), ms(median(write))];
      }),
    ),
  );
  console.log(`\nThe write stage costs ${perFile.toFixed(2)} ms per file it creates (the difference of the medians over the difference in files).`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
