// The reference benchmark of schema-gen (issue 13): whole processes, as users run them,
// against the tools they would use instead and against the I/O floor, in one run.
//
//   npm run build && npm run bench            full (about 15 minutes on 2 cores)
//   npm run bench -- --quick                  smoke test (about a minute): 1× corpora, 2 rounds
//
// Each row is one process per run (`node --require lib/no-network.cjs …`); rows take turns
// round by round (lib/run-suite.js); medians of wall-clock time, with CPU time and peak RSS
// (lib/measure-process.js says how each is taken). Corpora (lib/corpora.js): the Cognito
// profile in ../shared/corpus when present, a synthetic corpus in its style at 1×, 5× and 10×
// (lib/synthetic-corpus.js), one 1.5 MB single-file schema, and one file with 300 and with
// 3,000 `$defs` (and with as many embedded resources). Everything is written under one temporary folder, removed at the end;
// nothing goes to the network (every attempt would be counted and reported).
// Output: Markdown on stdout, and in bench/results.md (quick mode: bench/results-quick.md);
// a full run also replaces README.md's text between <!-- bench:start --> and <!-- bench:end -->.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './lib/corpus.js';
import { realCorpus, REAL_CORPUS_PRESENT, singleFileCorpus, syntheticCorpusIn } from './lib/corpora.js';
import { HOW_MEASURED, measureProcess } from './lib/measure-process.js';
import { packTree } from './lib/output-tree.js';
import { corpusTables, defsTable, med, replaceBetweenMarkers, scaleTable, targetsTable, time } from './lib/report.js';
import { runSuite } from './lib/run-suite.js';
import { schemaGenArgs, toolsFor } from './lib/tools.js';

const quick = process.argv.includes('--quick');
const BIN = join(REPO, 'bin/schema-gen.js');
if (!existsSync(join(REPO, 'dist/cli/main.js'))) {
  console.error(`bench/reference.js: ${join(REPO, 'dist')} is missing: run \`npm run build\` first.`);
  process.exit(1);
}

/** Rounds per corpus; budgets stop repeating a row whose runs have taken that long. */
const PLAN = quick
  ? {
      main: { rounds: 2, warmup: 0, budgetMs: 30_000, timeoutMs: 120_000 },
      scales: [1],
      synthetic1x: { rounds: 1, warmup: 0, budgetMs: 30_000, timeoutMs: 120_000 },
      singleFile: false,
      defs: [30, 300],
      defsRounds: { rounds: 1, warmup: 0, budgetMs: 30_000, timeoutMs: 120_000 },
    }
  : {
      main: { rounds: 5, warmup: 1, budgetMs: 90_000, timeoutMs: 180_000 },
      scales: [1, 5, 10],
      // 1×, 5× and 10× in one round-robin; the budget trims the slowest 10× rows.
      scaled: { rounds: 3, warmup: 0, budgetMs: 90_000, timeoutMs: 600_000 },
      singleFile: { rounds: 3, warmup: 1, budgetMs: 60_000, timeoutMs: 300_000 },
      defs: [300, 3000],
      defsRounds: { rounds: 5, warmup: 1, budgetMs: 120_000, timeoutMs: 600_000 },
    };

const work = mkdtempSync(join(tmpdir(), 'schema-gen-bench-'));
const removeWork = () => rmSync(work, { recursive: true, force: true });
process.on('exit', removeWork);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
const scratch = join(work, 'scratch');
mkdirSync(scratch);
const networkLog = join(work, 'network.log');
writeFileSync(networkLog, '');
const measure = (args, cwd, timeoutMs = 600_000) => measureProcess(args, { cwd, timeoutMs, scratch, networkLog });

const git = (...args) => spawnSync('git', args, { cwd: REPO, encoding: 'utf8' }).stdout?.trim() ?? '';
const started = Date.now();
const loadAtStart = loadavg();

/**
 * Untimed: generate the output once cold (its files are what floor (b) writes), once in
 * the project (so that no-op, --check and edit find it, and the validator cache), and
 * once with --bundle for the import rows.
 */
async function setUp(corpus, { warm = true, imports = true } = {}) {
  const args = schemaGenArgs(corpus);
  const reference = join(corpus.dir, 'reference-out');
  const run = await measure([BIN, ...args, '-o', reference], join(corpus.dir, 'cold'));
  if (run.code !== 0) throw new Error(`schema-gen failed on ${corpus.label} (exit ${run.code}):\n${(run.stderr || run.stdout).slice(0, 2000)}`);
  const printed = `${run.stdout}\n${run.stderr}`;
  const packed = packTree(reference, join(corpus.dir, 'reference-out.pack'));
  rmSync(reference, { recursive: true, force: true });
  Object.assign(corpus.facts, {
    types: Number(/(\d+) types?\b/.exec(printed)?.[1] ?? NaN),
    warnings: (printed.match(/^warning\b/gm) ?? []).length,
    outputFiles: packed.files,
    outputBytes: packed.bytes,
    firstColdMs: run.wallMs,
  });
  const ctx = { bin: BIN, pack: join(corpus.dir, 'reference-out.pack'), importOut: join(corpus.dir, 'import-out') };
  if (warm) {
    const again = await measure([BIN, ...args, '-o', join(corpus.project, 'generated')], corpus.project);
    if (again.code !== 0) throw new Error(`schema-gen failed in the project of ${corpus.label}: ${again.stderr.slice(0, 2000)}`);
  }
  if (imports) {
    const bundled = await measure([BIN, ...args, '-o', ctx.importOut, '--bundle'], corpus.project);
    if (bundled.code !== 0) throw new Error(`schema-gen --bundle failed on ${corpus.label}: ${bundled.stderr.slice(0, 2000)}`);
    corpus.facts.outputModules = modulesUnder(ctx.importOut).filter((file) => file !== join(ctx.importOut, 'bundle.js')).length;
  }
  return ctx;
}

/** The .js files of an output folder: what importing its index can load, at most. */
function modulesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? modulesUnder(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : []));
}

const suites = new Map(); // corpus key → { corpus, results }
const sections = [];

/**
 * Set up each corpus, then run all their rows in one round-robin: ratios between corpora
 * (10× ÷ 1×) are only worth reading when both were measured under the same load.
 */
async function benchCorpora(corpora, plan) {
  const name = corpora.map((c) => c.label).join(' + ');
  const ready = [];
  const tools = [];
  for (const corpus of corpora) {
    console.error(`${corpus.label}: setting up`);
    try {
      tools.push(...toolsFor(corpus, await setUp(corpus)));
      ready.push(corpus);
    } catch (error) {
      sections.push(`### ${corpus.label}\n\n**Not measured:** ${error.message}`);
      console.error(error.message);
      rmSync(corpus.dir, { recursive: true, force: true });
    }
  }
  try {
    if (tools.length > 0) {
      const results = await runSuite(tools, { name, ...plan, scratch, networkLog });
      for (const corpus of ready) {
        const own = new Map([...results].filter(([tool]) => tool.corpus === corpus));
        suites.set(corpus.key, { corpus, results: own, copies: corpus.copies });
        sections.push(corpusTables(corpus, own));
      }
    }
  } finally {
    for (const corpus of ready) rmSync(corpus.dir, { recursive: true, force: true });
  }
}

if (REAL_CORPUS_PRESENT) await benchCorpora([realCorpus(work)], PLAN.main);
else sections.push('### Cognito corpus (real)\n\nNot measured: ../shared/corpus/amazon-cognito is absent; the targets are read on the synthetic corpus at 1×.');
// Quick mode runs the synthetic corpus once where the real one is measured: enough to show it still works.
await benchCorpora(
  PLAN.scales.map((copies) => syntheticCorpusIn(work, copies)),
  PLAN.scales.length > 1 ? PLAN.scaled : quick && REAL_CORPUS_PRESENT ? PLAN.synthetic1x : PLAN.main,
);
const scaled = PLAN.scales.map((copies) => suites.get(`synthetic-${copies}x`)).filter(Boolean);
if (scaled.length > 1) sections.push(scaleTable(scaled));
if (PLAN.singleFile) await benchCorpora([singleFileCorpus(work, 'single-file', 'one synthetic single-file schema (~1.5 MB of `$defs`)', { bytes: 1.42e6 })], PLAN.singleFile);

/**
 * One file with few and many definitions: schema-gen cold only, both in one round-robin.
 * `$defs` with an unknown keyword each (a warning each: the case), and definitions
 * that are resources of their own (`$id`, refs by URI), where per-type work over the
 * whole document once hid quadratic steps.
 */
async function singleFileScaling(key, what, options) {
  const [few, many] = PLAN.defs.map((defs) => singleFileCorpus(work, `${key}-${defs}`, `one file, ${defs} ${what}`, { defs, ...options }));
  const title = `${PLAN.defs.join(' vs ')} ${what}`;
  try {
    console.error(`${title}: setting up`);
    const tools = [];
    for (const corpus of [few, many]) {
      const ctx = await setUp(corpus, { warm: false, imports: false });
      tools.push(...toolsFor(corpus, { ...ctx, only: ['floor-read', 'sg-cold'] }));
    }
    const results = await runSuite(tools, { name: title, ...PLAN.defsRounds, scratch, networkLog });
    sections.push(defsTable(few, many, results, what));
    return { few, many, suite: { results: new Map([...results].filter(([tool]) => tool.key === 'sg-cold').map(([tool, result]) => [{ ...tool, key: tool.corpus.key }, result])) } };
  } catch (error) {
    sections.push(`### One file, ${title}\n\n**Not measured:** ${error.message}`);
    return { few, many, suite: undefined };
  } finally {
    for (const corpus of [few, many]) rmSync(corpus.dir, { recursive: true, force: true });
  }
}
const defsScaling = await singleFileScaling('defs', '`$defs`', { unknownKeyword: true });
const embeddedScaling = await singleFileScaling('embedded', 'embedded resources', { embedded: true });

// --- the targets --------------------------------------------------------------
const main = suites.get('cognito') ?? suites.get('synthetic-1x');
const row = (suite, key) => (suite ? [...suite.results].find(([tool]) => tool.key === key)?.[1] : undefined);
const m = (suite, key, measure) => med(row(suite, key), measure);
const on = main ? (main.corpus.key === 'cognito' ? 'Cognito corpus' : 'synthetic 1× (no real corpus)') : 'no corpus';
const one = suites.get('synthetic-1x');
const ten = suites.get('synthetic-10x');
/** A target: `[suite, row key]` ÷ `[suite, row key]`, wall-clock medians (in-process for imports), and the same with CPU time. */
const target = (text, limit, [a, keyA], [b, keyB], notes, measure = 'wallMs') => {
  const [x, y] = [m(a, keyA, measure), m(b, keyB, measure)];
  const cpu = measure === 'wallMs' ? m(a, keyA, 'cpuMs') / m(b, keyB, 'cpuMs') : NaN;
  return { target: text, limit, measured: x / y, cpu, notes: a && b ? notes(x, y) : 'full mode only' };
};
const vs = (nameA, nameB) => (x, y) => `${nameA} ${time(x)}, ${nameB} ${time(y)}`;
/** How much of a cold run a warm one still costs: near 100% means it redoes most of the work. */
const shareOfCold = (key) => {
  const share = m(main, key) / m(main, 'sg-cold');
  return Number.isFinite(share) ? `; that is ${Math.round(share * 100)}% of a cold run (${time(m(main, 'sg-cold'))})` : '';
};
const [few, many] = PLAN.defs;
const targets = [
  target(`no-op ≤ 2× floor (a), ${on}`, 2, [main, 'sg-noop'], [main, 'floor-read'], (x, y) => vs('no-op', 'floor (a)')(x, y) + shareOfCold('sg-noop')),
  target(`\`--check\` ≤ 2× floor (a), ${on}`, 2, [main, 'sg-check'], [main, 'floor-read'], (x, y) => vs('--check', 'floor (a)')(x, y) + shareOfCold('sg-check')),
  target(`one schema edited ≤ 3× floor (a), ${on}`, 3, [main, 'sg-edit'], [main, 'floor-read'], (x, y) => vs('edit', 'floor (a)')(x, y) + shareOfCold('sg-edit')),
  // Like for like: json-schema-to-typescript makes types alone, and so does schema-gen --types-only.
  target(
    `cold, types alone (\`--types-only\`) ≤ ¼ of json-schema-to-typescript's default CLI (types alone), ${on}`,
    0.25,
    [main, 'sg-cold-types'],
    [main, 'jstt'],
    (x, y) => `--types-only cold ${time(x)}, json-schema-to-typescript ${time(y)}; with the validators too (the default run, ${time(m(main, 'sg-cold'))}) ${(m(main, 'sg-cold') / y).toFixed(2)}×`,
  ),
  target(`cold ≤ 4× floor (b), ${on}`, 4, [main, 'sg-cold'], [main, 'floor-write'], (x, y) => `cold ${time(x)}, floor (b) ${time(y)} (${main?.corpus.facts.outputFiles ?? '?'} files written)`),
  target('synthetic 10× cold ≤ 10× the 1× cold', 10, [ten, 'sg-cold'], [one, 'sg-cold'], vs('10×', '1×')),
  target('synthetic 10× no-op ≤ 10× the 1× no-op', 10, [ten, 'sg-noop'], [one, 'sg-noop'], vs('10×', '1×')),
  target(
    `one file: ${many} \`$defs\` (one warning each) ≤ 12× the ${few} file, cold`,
    12,
    [defsScaling.suite, defsScaling.many.key],
    [defsScaling.suite, defsScaling.few.key],
    vs(`${many}`, `${few}`),
  ),
  // Ours, beside the issue's: the same bound for definitions that are resources of their own.
  target(
    `ours: one file: ${many} embedded resources (\`$id\` each, refs by URI) ≤ 12× the ${few} file, cold`,
    12,
    [embeddedScaling.suite, embeddedScaling.many.key],
    [embeddedScaling.suite, embeddedScaling.few.key],
    vs(`${many}`, `${few}`),
  ),
  target(
    `import \`index.js\` to the first validation ≤ 2× the bundle's, ${on}`,
    2,
    [main, 'import-index'],
    [main, 'import-bundle'],
    (x, y) =>
      `index.js ${time(x)}, bundle.js ${time(y)} from import to validated (whole process: ${time(m(main, 'import-index'))} vs ${time(m(main, 'import-bundle'))}); ` +
      `one validator module ${time(m(main, 'import-one', 'inProcessMs'))}; the output holds ${main?.corpus.facts.outputModules ?? '?'} .js modules besides bundle.js`,
    'inProcessMs',
  ),
];

// --- output --------------------------------------------------------------------------------
const networkAttempts = readFileSync(networkLog, 'utf8').split('\n').filter(Boolean).length;
const commit = git('rev-parse', '--short', 'HEAD') || 'unknown commit';
const dirty = git('status', '--porcelain', '--', 'src') ? ', src/ has uncommitted changes' : '';
const loads = (l) => l.map((x) => x.toFixed(2)).join(' / ');
const when = new Date(started).toISOString().slice(0, 16).replace('T', ' ');
const header =
  `Run of ${when} UTC (${quick ? '**quick mode**: 1× corpora, 1–2 rounds, not for citing' : 'full mode'}, ${((Date.now() - started) / 60000).toFixed(1)} minutes): ` +
  `Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ` +
  `load average ${loads(loadAtStart)} at the start and ${loads(loadavg())} at the end (the machine is shared); ` +
  `schema-gen ${commit}${dirty}, \`node bin/schema-gen.js\` on dist/ as built. Network attempts by all processes: ${networkAttempts}.`;
const method =
  `Every row is one process per run; rows take turns round by round. Times: ${HOW_MEASURED}. ` +
  'Medians; "range" is the fastest and slowest run. Floor (a) reads and parses the inputs; floor (b) does that and writes the files ' +
  'schema-gen writes (their bytes, copied from its output). Ratios are this row ÷ the other: above 1 means this row is slower. See bench/README.md.';
const targetsText = `### Targets (issue 13)\n\n${targetsTable(targets)}`;
const full = `# schema-gen reference benchmark\n\n${header}\n\n${method}\n\n${targetsText}\n\n${sections.join('\n\n')}\n`;
console.log(full);
writeFileSync(join(REPO, 'bench', quick ? 'results-quick.md' : 'results.md'), full);

if (!quick) {
  const readme = join(REPO, 'README.md');
  const mainTable = main ? corpusTables(main.corpus, main.results) : '';
  const updated = replaceBetweenMarkers(readFileSync(readme, 'utf8'), `${header}\n\n${method}\n\n${targetsText}\n\n${mainTable}\n\nAll tables: [bench/results.md](bench/results.md).`);
  if (updated !== undefined) {
    writeFileSync(readme, updated);
    console.error('README.md: the text between the bench markers was replaced.');
  }
}
