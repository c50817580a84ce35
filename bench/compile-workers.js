// Does compiling validators in worker threads pay on this machine (issue 13)? On the
// whole Cognito corpus, the validators stage of a cold run (cache off), timed as:
//   seq   today's compileValidators (src/emit/validators/index.ts), on the main thread;
//   w1    the same work in 1 worker thread (control: what the workers' overhead costs);
//   w2    split over 2 worker threads, the main thread waits;
//   m+1   split between the main thread and 1 worker.
// Worker variants: the main thread starts the workers first (each imports ajv, acorn and
// our steps fresh: that start-up is counted), prepares the job meanwhile (ajv ids, the
// prepared schema copies per dialect and ref mode, the run's formats and validator
// names, per type its id and export name), posts it, and the threads take types from a
// shared counter; each builds its own ajv instances (createAjv's steps), compiles and
// runs toModuleCode, and posts the code back. Every variant's modules must be
// byte-identical to seq's, in the same order, or the bench fails.
// Timed: wall time of the whole stage (start-up and transfers included) and CPU time of
// the process (process.cpuUsage: every thread, V8's background compiler and GC threads
// included), and per thread (Linux /proc/thread-self). On a shared machine the wall is
// noisy; the "idle floor", max(busiest thread's CPU, process CPU ÷ cores), is the least
// wall time the variant could take on this machine idle, and moves far less with load.
// Two settings:
//   in-process  load/resolve/model once, then ROUNDS alternating rounds of every variant
//               (the main thread's ajv is warm after round 1; the workers' never is);
//   fresh       one new `node` per sample (load/resolve/model, then the stage once): the
//               cold run of the issue, where the main thread's ajv is cold as well.
// Run: npm run build && node bench/compile-workers.js [--rounds N] [--fresh-rounds N]
import { createHash } from 'node:crypto';
import { loadavg, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { REPO, requireCorpus, SCHEMA_DIR, OPENAPI } from './lib/corpus.js';
import { median, ms, runNode, spread, table } from './lib/stats.js';
import { compileShare, threadCpuMs } from './lib/compile-share.js';

const SELF = fileURLToPath(import.meta.url);
const WORKER = join(REPO, 'bench/lib/compile-worker.js');
const VARIANTS = ['seq', 'w1', 'w2', 'm+1'];
const argValue = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};

requireCorpus('bench/compile-workers.js');
const dist = (path) => import(pathToFileURL(join(REPO, 'dist', path)).href);
const { loadDocuments } = await dist('load/index.js');
const { resolveDocuments } = await dist('resolve/index.js');
const { buildTypeModel } = await dist('model/index.js');
const { withDefaults } = await dist('options.js');
const { compileValidators } = await dist('emit/validators/index.js');
const { assignAjvIds, needsNativeRefs, pointerFragment, prepareSchemas, reenteredResource } = await dist('emit/validators/prepare-schemas.js');
const { chooseProtoStandIn } = await dist('emit/validators/proto-stand-in.js');
const { dialectAt } = await dist('schema/dialect-regions.js');
const { schemaRootsOf, walkSchema } = await dist('schema/walk.js');

// The options a CLI run without flags compiles with (as build-output's compileWithCache passes them).
const defaults = withDefaults({ cwd: REPO });
const options = { allErrors: defaults.allErrors, formats: defaults.formats, assumeTypes: defaults.assumeTypes, unicodePatterns: defaults.unicodePatterns };

async function loadModel() {
  const loaded = await loadDocuments({
    inputs: [SCHEMA_DIR],
    components: Object.values(OPENAPI),
    cwd: REPO,
    outDir: join(REPO, 'no-output'),
    limits: defaults.limits,
    defaultDialect: defaults.defaultDialect,
  });
  const graph = resolveDocuments(loaded.documents, { roots: loaded.roots, allowRemote: false, mappedPrefixes: [], unavailable: new Map(), unicodePatterns: options.unicodePatterns });
  const model = buildTypeModel(graph, { additionalProperties: defaults.additionalProperties, assumeTypes: defaults.assumeTypes, renames: {} });
  const problems = [...loaded.diagnostics, ...graph.diagnostics, ...model.diagnostics].filter((d) => d.severity === 'error');
  if (problems.length > 0) throw new Error(`the corpus did not load cleanly: ${JSON.stringify(problems.slice(0, 3))}`);
  return { graph, model };
}

/** What a module is, for comparing: everything but the type object. */
const moduleText = ({ exportName, body, runtimeHelpers, externalValidators, appendsErrors, exportAt }) =>
  JSON.stringify({ exportName, body, runtimeHelpers, externalValidators, appendsErrors, exportAt });
const digest = (modules) => createHash('sha256').update(modules.map(moduleText).join('\n')).digest('hex');

async function sequential(graph, model) {
  const compiled = await compileValidators(graph, model, options);
  if (compiled.diagnostics.some((d) => d.severity === 'error')) throw new Error(`seq: ${JSON.stringify(compiled.diagnostics.slice(0, 3))}`);
  return { modules: compiled.modules.map(({ type, ...code }) => code), info: {} };
}

/** The run's formats, as ajv-instance.ts's namedFormats finds them. */
function namedFormats(graph) {
  const found = new Set();
  for (const doc of graph.registry.documents) {
    for (const { pointer, schema, dialect } of schemaRootsOf(doc)) {
      walkSchema(schema, pointer, null, (node) => (typeof node.format === 'string' && found.add(node.format), null), dialect);
    }
  }
  return [...found].sort();
}

/** The serializable job: what validatorRun computes on the main thread before any ajv instance. */
function prepareJob(graph, model) {
  const ids = assignAjvIds(graph.registry.documents);
  const displayPathOfId = new Map([...ids].map(([doc, id]) => [id, doc.displayPath]));
  const validatorNames = new Set(model.types.map((t) => `validate${t.name}`));
  const protoStandIn = chooseProtoStandIn(graph.registry.documents, ids.values());
  const instances = {};
  const types = [];
  for (const type of model.types) {
    const { doc, pointer } = type.location;
    const dialect = dialectAt(doc, pointer);
    if (reenteredResource(doc, pointer, dialect)) throw new Error('the corpus has no dialect nesting: the bench does not handle it');
    const mode = needsNativeRefs(doc) ? 'native' : 'external';
    const key = `${dialect} ${mode}`;
    if (!instances[key]) {
      const prepared = prepareSchemas(graph, model, ids, dialect, mode, { protoStandIn, assumeTypes: options.assumeTypes });
      if (prepared.diagnostics.length > 0) throw new Error(`prepare ${key}: ${JSON.stringify(prepared.diagnostics.slice(0, 3))}`);
      instances[key] = { dialect, schemas: [...prepared.documents.values(), ...prepared.callers.values()] };
    }
    const id = pointer === '' ? ids.get(doc) : `${ids.get(doc)}#${pointerFragment(pointer)}`;
    types.push({ key, id, exportName: `validate${type.name}`, schemaPathPrefix: `${doc.displayPath}#${pointer}` });
  }
  return { options, formats: namedFormats(graph), validatorNames, displayPathOfId, protoStandIn, instances, types };
}

/** The stage over `workers` worker threads, the main thread joining in when `mainToo`. */
async function inWorkers(graph, model, workers, mainToo) {
  const t0 = performance.now();
  const threads = Array.from({ length: workers }, () => new Worker(WORKER));
  const done = threads.map(
    (worker) =>
      new Promise((resolve, reject) => {
        let ready;
        worker.on('message', (message) => (message.readyAt ? (ready = message) : resolve({ ...message, ...ready })));
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`worker exited (${code}) before posting its results`)));
      }),
  );
  const job = prepareJob(graph, model);
  const tPrepared = performance.now();
  const counter = new SharedArrayBuffer(4);
  for (const worker of threads) worker.postMessage({ job, counter });
  const tPosted = performance.now();
  let mainShare;
  if (mainToo) mainShare = compileShare(job, new Int32Array(counter));
  const shares = await Promise.all(done);
  const tDone = performance.now();
  const modules = new Array(job.types.length);
  for (const share of mainShare ? [...shares, mainShare] : shares) {
    if (share.diagnostics.some((d) => d.severity === 'error')) throw new Error(`ajv reported: ${JSON.stringify(share.diagnostics.slice(0, 3))}`);
    for (const { index, code, error } of share.results) {
      if (error) throw new Error(`${job.types[index].exportName}: ${error.name}: ${error.message}`);
      modules[index] = { exportName: job.types[index].exportName, ...code };
    }
  }
  // Not timed: the workers have posted everything; their exit is not on the run's path.
  await Promise.all(threads.map((worker) => worker.terminate()));
  const origin = performance.timeOrigin;
  return {
    modules,
    info: {
      prepareMs: tPrepared - t0,
      postMs: tPosted - tPrepared,
      workerReadyMs: median(shares.map((s) => s.readyAt - origin - t0)),
      workerBusyMs: median(shares.map((s) => s.busyMs)),
      workerSetupMs: median(shares.map((s) => s.setupMs)),
      workerStartupCpuMs: median(shares.map((s) => s.startupCpuMs)),
      workerCpuMs: shares.map((s) => s.threadCpuMs),
      collectMs: performance.now() - tDone,
      mainTypes: mainShare?.results.length ?? 0,
      workerTypes: shares.map((s) => s.results.length).join('+'),
    },
  };
}

const RUN = {
  seq: (graph, model) => sequential(graph, model),
  w1: (graph, model) => inWorkers(graph, model, 1, false),
  w2: (graph, model) => inWorkers(graph, model, 2, false),
  'm+1': (graph, model) => inWorkers(graph, model, 1, true),
};

/** One timed stage: wall and CPU (every thread of the process), and the load average around it. */
async function timedStage(variant, graph, model) {
  const cpu = process.cpuUsage();
  const mainCpu = threadCpuMs();
  const start = performance.now();
  const { modules, info } = await RUN[variant](graph, model);
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const mainCpuMs = threadCpuMs() - mainCpu;
  // On an idle machine the wall cannot be below the busiest thread's CPU, nor below the process's CPU spread over every core.
  const busiestThreadCpuMs = Math.max(mainCpuMs, ...(info.workerCpuMs ?? []));
  const idleFloorMs = Math.max(busiestThreadCpuMs, (used.user + used.system) / 1000 / availableParallelism());
  return { wallMs, cpuMs: (used.user + used.system) / 1000, mainCpuMs, busiestThreadCpuMs, idleFloorMs, load1: loadavg()[0], digest: digest(modules), count: modules.length, info };
}

// --- child mode: one fresh process, one sample -----------------------------------------
if (process.argv[2] === '--child') {
  const { graph, model } = await loadModel();
  console.log(JSON.stringify(await timedStage(process.argv[3], graph, model)));
  process.exit(0);
}

// --- main ------------------------------------------------------------------------------
const ROUNDS = argValue('--rounds', 7);
const FRESH_ROUNDS = argValue('--fresh-rounds', 7);
const startLoad = loadavg();
const { graph, model } = await loadModel();
const reference = (await sequential(graph, model)).modules;
const expected = digest(reference);
const check = (variant, sample) => {
  if (sample.digest !== expected || sample.count !== reference.length) {
    throw new Error(`${variant}: output differs from the sequential compile (${sample.count} modules, digest ${sample.digest}; expected ${reference.length}, ${expected})`);
  }
};
// The in-process runs must also match module by module (the digest says whether; this, where).
for (const variant of ['w1', 'w2', 'm+1']) {
  const { modules } = await RUN[variant](graph, model);
  const first = modules.findIndex((m, i) => moduleText(m) !== moduleText(reference[i]));
  if (first !== -1 || modules.length !== reference.length) throw new Error(`${variant}: module ${first} (${reference[first]?.exportName}) differs from the sequential compile`);
}
console.log(
  `\n## Validators stage in worker threads: ${reference.length} validators, node ${process.version}, ${availableParallelism()} cores, load average at start ${startLoad.map((l) => l.toFixed(2)).join(' ')}`,
);
console.log("Every variant's modules were checked byte-identical to the sequential compile (and are again in every sample below).");

function report(title, samples) {
  const seqWall = median(samples.seq.map((s) => s.wallMs));
  const rows = VARIANTS.map((variant) => {
    const list = samples[variant];
    const wall = list.map((s) => s.wallMs);
    const info = list.map((s) => s.info);
    const m = (pick) => ms(median(info.map(pick)));
    const detail =
      variant === 'seq'
        ? ''
        : `prepare ${m((i) => i.prepareMs)}; worker ready at ${m((i) => i.workerReadyMs)} (start-up CPU ${m((i) => i.workerStartupCpuMs)}), then busy ${m((i) => i.workerBusyMs)} (of which ajv instances ${m((i) => i.workerSetupMs)}); types main/workers ${info[0].mainTypes}/${info[0].workerTypes}`;
    const cpu = (pick) => ms(median(list.map(pick)));
    return [
      variant,
      ms(median(wall)),
      spread(wall),
      `${((1 - median(wall) / seqWall) * 100).toFixed(0)}%`,
      cpu((s) => s.cpuMs),
      cpu((s) => s.mainCpuMs),
      cpu((s) => Math.max(0, ...(s.info.workerCpuMs ?? [0]))),
      cpu((s) => s.busiestThreadCpuMs),
      cpu((s) => s.idleFloorMs),
      `${((1 - median(list.map((s) => s.idleFloorMs)) / median(samples.seq.map((s) => s.idleFloorMs))) * 100).toFixed(0)}%`,
      median(list.map((s) => s.load1)).toFixed(2),
      detail,
    ];
  });
  console.log(`\n### ${title}\n`);
  const headers = [
    'variant',
    'wall (median)',
    'range',
    'wall saved vs seq',
    'CPU, process',
    'CPU, main thread',
    'CPU, busiest worker',
    'busiest thread CPU',
    'idle floor: max(busiest thread, process CPU ÷ cores)',
    'floor saved vs seq',
    'load1',
    'where the time goes (medians)',
  ];
  console.log(table(headers, rows));
}

// In-process: every variant once per round, alternating; round 0 is warm-up (not counted).
const inProcess = Object.fromEntries(VARIANTS.map((v) => [v, []]));
for (let round = 0; round <= ROUNDS; round++) {
  const order = round % 2 ? [...VARIANTS].reverse() : VARIANTS;
  for (const variant of order) {
    const sample = await timedStage(variant, graph, model);
    check(variant, sample);
    if (round > 0) inProcess[variant].push(sample);
  }
}
report(`In-process: load/resolve/model once, ${ROUNDS} alternating rounds after 1 warm-up`, inProcess);

// Fresh process per sample: the cold run.
const fresh = Object.fromEntries(VARIANTS.map((v) => [v, []]));
for (let round = 0; round < FRESH_ROUNDS; round++) {
  const order = round % 2 ? [...VARIANTS].reverse() : VARIANTS;
  for (const variant of order) {
    const r = await runNode([SELF, '--child', variant], { cwd: REPO, timeoutMs: 180_000 });
    if (r.code !== 0) throw new Error(`fresh ${variant} failed (exit ${r.code}, timed out: ${r.timedOut}): ${r.stderr}`);
    const sample = JSON.parse(r.stdout.trim().split('\n').pop());
    check(variant, sample);
    fresh[variant].push(sample);
  }
}
report(`Fresh process per sample (cold: the main thread's ajv too), ${FRESH_ROUNDS} alternating rounds`, fresh);
console.log(
  `\nload average at end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
