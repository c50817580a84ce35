// Would parsing the OpenAPI documents (YAML) on a worker thread pay on a cold run
// (issue 13)? The two Cognito OpenAPI documents and the 531 JSON schemas are read
// first (untimed), then, timed:
//   main    js-yaml parses both documents, then JSON.parse reads every schema, on the
//           main thread (what a cold run does);
//   worker  a worker thread (started here: its start-up counts) loads js-yaml and parses
//           both documents while the main thread parses the JSON; the parsed documents
//           come back by structured clone.
// Alternating rounds, a fresh `node` per sample (so js-yaml's load and the JIT are cold,
// as in a run). Wall time of the step and CPU time of the process (all threads).
// Run: node bench/yaml-worker.js [--rounds N]
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { OPENAPI, requireCorpus, SCHEMA_DIR } from './lib/corpus.js';
import { median, ms, runNode, spread, table } from './lib/stats.js';

const SELF = fileURLToPath(import.meta.url);
const require = createRequire(import.meta.url);
const JS_YAML = require.resolve('js-yaml');

if (process.argv[2] === '--sample') {
  const variant = process.argv[3];
  const yamlTexts = Object.values(OPENAPI).map((file) => readFileSync(file, 'utf8'));
  const jsonTexts = readdirSync(SCHEMA_DIR).map((name) => readFileSync(join(SCHEMA_DIR, name), 'utf8'));
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let documents;
  if (variant === 'main') {
    const yaml = require(JS_YAML);
    documents = yamlTexts.map((text) => yaml.load(text, { schema: yaml.JSON_SCHEMA }));
    for (const text of jsonTexts) JSON.parse(text);
  } else {
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const yaml = require(workerData.jsYaml);
       parentPort.postMessage(workerData.texts.map((text) => yaml.load(text, { schema: yaml.JSON_SCHEMA })));`,
      { eval: true, workerData: { jsYaml: JS_YAML, texts: yamlTexts } },
    );
    const parsed = new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    for (const text of jsonTexts) JSON.parse(text);
    documents = await parsed;
    await worker.terminate();
  }
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  if (documents.length !== 2 || !documents.every((d) => d && typeof d === 'object' && d.components)) throw new Error('yaml-worker: a document did not parse');
  console.log(JSON.stringify({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000 }));
} else {
  requireCorpus('yaml-worker');
  const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 9;
  const samples = { main: [], worker: [] };
  for (let round = 0; round < rounds; round++) {
    for (const variant of round % 2 ? ['worker', 'main'] : ['main', 'worker']) {
      const { code, stdout, stderr } = await runNode([SELF, '--sample', variant]);
      if (code !== 0) throw new Error(`yaml-worker: the ${variant} sample failed: ${stderr}`);
      samples[variant].push(JSON.parse(stdout.trim().split('\n').pop()));
    }
  }
  console.log(`The two OpenAPI documents (YAML) and ${readdirSync(SCHEMA_DIR).length} JSON schemas, ${rounds} alternating rounds, a fresh node per sample\n`);
  console.log(
    table(
      ['variant', 'wall, median', 'range', 'CPU, median'],
      Object.entries(samples).map(([name, s]) => [name, ms(median(s.map((x) => x.wallMs))), spread(s.map((x) => x.wallMs)), ms(median(s.map((x) => x.cpuMs)))]),
    ),
  );
}
