// Validators for the whole Cognito corpus: our precompiled modules against what a user
// would otherwise do, ajv compiling the schemas at run time (draft 2020-12,
// ajv-formats, the same options; refs rewritten so ajv can resolve them: each schema's
// `$id` is its file name, `#/components/schemas/X` names the sibling file, and the 3
// OpenAPI-only names are added as schemas, see lib/corpus.js).
//   (a) cold start: a fresh `node` that imports the validators and validates one
//       example (the corpus's AdminInitiateAuthResponse example), wall clock per process;
//   (b) throughput of AdminInitiateAuthResponse on a valid and an invalid instance;
//   (c) size of what ships: our validators/ + runtime/ against ajv's standaloneCode of
//       all schemas in one module.
// Run: node bench/validators.js
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CLI_ARGS, EXAMPLES_DIR, REPO, requireCorpus, rewriteCorpus } from './lib/corpus.js';
import { ADMIN_INITIATE_AUTH_RESPONSE_ID, createAjv, standaloneCode } from './lib/ajv.js';
import { int, kb, median, ms, ratio, runNode, spread, table } from './lib/stats.js';

requireCorpus('bench/validators.js');
const COLD_RUNS = 7;
const dir = mkdtempSync(join(tmpdir(), 'schema-gen-bench-validators-'));
const outDir = join(dir, 'ours');
const schemasFile = join(dir, 'ajv-schemas.json');
const example = join(EXAMPLES_DIR, 'user-pools-admin-initiate-auth-response-example.json');

try {
  // Our output, generated once with the CLI exactly as documented.
  const gen = await runNode(['bin/schema-gen.js', ...CLI_ARGS, '-o', outDir, '--quiet', '--bundle', '--no-cache'], { cwd: REPO, timeoutMs: 120_000 });
  if (gen.code !== 0) throw new Error(`schema-gen failed (exit ${gen.code}, timed out: ${gen.timedOut}):\n${gen.stderr}${gen.stdout}`);
  const schemas = rewriteCorpus({ refTo: (file) => file, idOf: (file) => file }).docs.map((d) => d.json);
  writeFileSync(schemasFile, JSON.stringify(schemas));

  // --- (a) cold start ------------------------------------------------------------
  const child = join(REPO, 'bench/lib/cold-start-child.js');
  const modes = [
    ['baseline', 'node, empty script (start-up only)', ''],
    ['ours-index', `schema-gen: import generated index.js (${schemas.length} validators), validate once`, outDir],
    ['ours-bundle', `schema-gen --bundle: import bundle.js (${schemas.length} validators, one module), validate once`, outDir],
    ['ours-one', 'schema-gen: import validators/AdminInitiateAuthResponse.js only, validate once', outDir],
    ['ajv-all', `ajv: import, add and compile all ${schemas.length} schemas, validate once`, schemasFile],
    ['ajv-one', `ajv: import, add all ${schemas.length}, compile AdminInitiateAuthResponse only, validate once`, schemasFile],
  ];
  // Rounds run every mode once, so load on the machine hits them alike; round 0 warms
  // the OS file cache and is dropped.
  const cold = new Map(modes.map(([mode]) => [mode, { wall: [], inProcess: [] }]));
  for (let round = 0; round <= COLD_RUNS; round++) {
    for (const [mode, , source] of modes) {
      const r = await runNode([child, mode, source, example], { cwd: REPO, timeoutMs: 30_000 });
      if (r.code !== 0) throw new Error(`cold start ${mode} failed (timed out: ${r.timedOut}): ${r.stderr}`);
      if (round === 0) continue;
      cold.get(mode).wall.push(r.wallMs);
      cold.get(mode).inProcess.push(JSON.parse(r.stdout).inProcessMs);
    }
  }
  const coldRow = ([mode, label]) => {
    const { wall, inProcess } = cold.get(mode);
    const ours = cold.get('ours-index').wall;
    return [label, ms(median(wall)), spread(wall), ms(median(inProcess)), `${(median(wall) / median(ours)).toFixed(2)}×`];
  };
  console.log(`\n### Validators (a): cold start, fresh \`node\` per run, median of ${COLD_RUNS} after 1 warm-up\n`);
  console.log(table(['process', 'wall (spawn → exit)', 'range', 'in-process (import → validated)', 'wall ÷ ours (index.js)'], modes.map(coldRow)));

  // --- (b) throughput, same process ------------------------------------------------
  const ours = (await import(pathToFileURL(join(outDir, 'index.js')).href)).validateAdminInitiateAuthResponse;
  const theirs = createAjv(schemas).getSchema(ADMIN_INITIATE_AUTH_RESPONSE_ID);
  // ajv inlines small referenced schemas into one function; ours calls the referenced
  // schema's own validator. This variant shows what that difference is worth.
  const notInlined = createAjv(schemas, { inlineRefs: false }).getSchema(ADMIN_INITIATE_AUTH_RESPONSE_ID);
  const instances = {
    valid: {
      ChallengeName: 'SMS_MFA',
      Session: 'AYABeC1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
      ChallengeParameters: { USERNAME: 'alice', CODE_DELIVERY_DESTINATION: '+*******1234' },
      AuthenticationResult: { AccessToken: 'eyJraWQiOiJ.access', ExpiresIn: 3600, TokenType: 'Bearer', IdToken: 'eyJraWQiOiJ.id' },
    },
    invalid: JSON.parse(readFileSync(example, 'utf8')), // the corpus example: placeholder strings, 4 problems
  };
  const rows = [];
  for (const [kind, data] of Object.entries(instances)) {
    const expect = kind === 'valid';
    if (ours(data) !== expect || theirs(data) !== expect) throw new Error(`the ${kind} instance is not ${kind} for both validators`);
    const errors = expect ? '0' : `${ours.errors.length} / ${theirs.errors.length}`;
    const [a, b, c] = opsPerSecond([ours, theirs, notInlined], data);
    rows.push([kind, errors, int(a), int(b), ratio(b, a), int(c), ratio(c, a)]);
  }
  console.log(`\n### Validators (b): AdminInitiateAuthResponse, validations per second (median of 7 alternating samples of ~200 ms each)\n`);
  const headers = ['instance', 'errors (ours / ajv)', 'schema-gen ops/s', 'ajv runtime-compiled ops/s', 'schema-gen ÷ ajv'];
  console.log(table([...headers, 'ajv, `inlineRefs: false`, ops/s', 'schema-gen ÷ that'], rows));

  // --- (c) size ----------------------------------------------------------------------
  const files = ['validators', 'runtime'].flatMap((d) => filesUnder(join(outDir, d)));
  const oursAll = files.map((f) => readFileSync(f));
  const oursJs = files.filter((f) => f.endsWith('.js')).map((f) => readFileSync(f));
  const index = readFileSync(join(outDir, 'index.js'));
  const names = Object.fromEntries(schemas.map((s, i) => [`validate${i}`, s.$id]));
  const ajvCode = Buffer.from(standaloneCode(createAjv(schemas, { code: { source: true, esm: true } }), names));
  const sum = (buffers) => buffers.reduce((n, b) => n + b.length, 0);
  const gz = (buffers) => sum(buffers.map((b) => gzipSync(b)));
  const gzAll = (buffers) => gzipSync(Buffer.concat(buffers)).length;
  const sizeRow = (label, buffers) => [label, buffers.length, kb(sum(buffers)), kb(gz(buffers)), kb(gzAll(buffers)), `${(sum(buffers) / sum(oursJs)).toFixed(2)}×`];
  console.log(`\n### Validators (c): size of the validator code\n`);
  console.log(
    table(
      ['what', 'files', 'bytes', 'gzip, per file, summed', 'gzip, concatenated', 'bytes ÷ ours (.js)'],
      [
        sizeRow('schema-gen: validators/ + runtime/, .js only', oursJs),
        sizeRow('schema-gen: validators/ + runtime/, .js and .d.ts', oursAll),
        sizeRow('schema-gen: generated index.js (re-exports, not counted above)', [index]),
        sizeRow(`ajv: raw standaloneCode of all ${schemas.length} schemas, one module (imports ajv + ajv-formats at run time)`, [ajvCode]),
      ],
    ),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Validations per second of each validator on `data`: median of 7 samples of ~200 ms,
 * the validators taking turns sample by sample, after calibration and warm-up.
 */
function opsPerSecond(validators, data) {
  let sink = 0;
  const sample = (validate, n) => {
    const start = performance.now();
    for (let i = 0; i < n; i++) sink += validate(data) ? 1 : 0;
    return performance.now() - start;
  };
  const batches = validators.map((validate) => {
    let n = 1000;
    while (sample(validate, n) < 50) n *= 2; // calibrate, and warm up
    return n * 4;
  });
  const rates = validators.map(() => []);
  for (let round = 0; round < 7; round++) {
    validators.forEach((validate, i) => rates[i].push((batches[i] / sample(validate, batches[i])) * 1000));
  }
  if (sink < 0) console.log(sink); // keep the results alive
  return rates.map(median);
}

function filesUnder(path) {
  return statSync(path).isDirectory() ? readdirSync(path).flatMap((f) => filesUnder(join(path, f))) : [path];
}
