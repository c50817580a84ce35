// What turning ajv's output into our validator modules costs, on the whole corpus, in one
// process (schema-gen's own stages from dist/, no CLI):
//   ajv        compile + standaloneCode of every named schema, one shared ajv instance per
//              ref mode, as schema-gen does (src/emit/validators/index.ts);
//   transform  our steps on those outputs: one acorn parse per module, edits by node
//              position (src/emit/validators/module-code.ts);
//   transform without counted-names: what a design without renaming would still run;
//   fresh ajv  the alternative to renaming: a new ajv instance per module, so its counters
//              start at 0, given only the documents the module's code can include.
// With BASELINE_DIST=<dist/ of another checkout>, that version's toModuleCode also runs on
// the same ajv outputs (its settings: exportName, schemaPathPrefix, displayPathOfId).
// Run: npm run build && node bench/validator-transform.js
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { CLI_ARGS, REPO, requireCorpus, SCHEMA_DIR, OPENAPI } from './lib/corpus.js';
import { median, ms, spread, table } from './lib/stats.js';

requireCorpus('bench/validator-transform.js');
void CLI_ARGS;
const dist = (path) => import(pathToFileURL(join(REPO, 'dist', path)).href);
const { loadDocuments } = await dist('load/index.js');
const { resolveDocuments } = await dist('resolve/index.js');
const { buildTypeModel } = await dist('model/index.js');
const { standaloneOutputs } = await dist('emit/validators/standalone-outputs.js');
const { createAjv } = await dist('emit/validators/ajv-instance.js');
const { STEPS, transformContext, finish } = await dist('emit/validators/module-code.js');
const { standaloneCode } = await dist('ajv/modules.js');
const { assignAjvIds, needsNativeRefs, pointerFragment, prepareSchemas } = await dist('emit/validators/prepare-schemas.js');
const { chooseProtoStandIn } = await dist('emit/validators/proto-stand-in.js');
const { locationKey } = await dist('resolve/index.js');
const baseline = process.env.BASELINE_DIST ? await import(pathToFileURL(join(resolve(process.env.BASELINE_DIST), 'emit/validators/module-code.js')).href) : undefined;

const ROUNDS = 5;
const options = { allErrors: true, formats: 'assert' };
const loaded = await loadDocuments({ inputs: [SCHEMA_DIR], components: Object.values(OPENAPI), cwd: REPO });
const graph = resolveDocuments(loaded.documents, { roots: loaded.roots, allowRemote: false, mappedPrefixes: [] });
const model = buildTypeModel(graph, { additionalProperties: 'none', renames: {} });

// CPU time of this process (user + system): on a shared machine it varies far less than wall time.
const time = (fn) => {
  const start = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(start);
  return [result, (used.user + used.system) / 1000];
};

function transformAll(outputs, steps) {
  let bytes = 0;
  for (const { code, settings } of outputs) {
    const context = transformContext(code, settings);
    for (const step of steps) step.run(context);
    bytes += finish(context).body.length;
  }
  return bytes;
}

/** The fresh-instance design: per module, a new ajv with the documents its code can include. */
function freshInstancePerModule() {
  const ids = assignAjvIds(graph.registry.documents);
  const standIn = chooseProtoStandIn(graph.registry.documents, ids.values());
  const validatorNames = model.types.map((t) => `validate${t.name}`);
  // The corpus is draft 2020-12: one dialect.
  const prepared = {
    external: prepareSchemas(graph, model, ids, '2020-12', 'external', { protoStandIn: standIn }).documents,
    native: prepareSchemas(graph, model, ids, '2020-12', 'native', { protoStandIn: standIn }).documents,
  };
  const refsByDoc = new Map();
  for (const ref of graph.refs.values()) {
    const list = refsByDoc.get(ref.site.location.doc) ?? [];
    list.push(ref);
    refsByDoc.set(ref.site.location.doc, list);
  }
  let bytes = 0;
  for (const type of model.types) {
    const mode = needsNativeRefs(type.location.doc) ? 'native' : 'external';
    const closure = new Set([type.location.doc]);
    const queue = [type.location.doc];
    while (queue.length > 0) {
      for (const ref of refsByDoc.get(queue.pop()) ?? []) {
        if ((mode === 'external' && model.byKey.has(locationKey(ref.target))) || closure.has(ref.target.doc)) continue;
        closure.add(ref.target.doc);
        queue.push(ref.target.doc);
      }
    }
    const ajv = createAjv(graph, options, [], validatorNames);
    ajv.addSchema(
      [...closure].map((doc) => prepared[mode].get(doc)),
      undefined,
      undefined,
      false,
    );
    const { doc, pointer } = type.location;
    const id = pointer === '' ? ids.get(doc) : `${ids.get(doc)}#${pointerFragment(pointer)}`;
    ajv.getSchema(id);
    bytes += standaloneCode(ajv, { [`validate${type.name}`]: id }).length;
  }
  return bytes;
}

const samples = { ajv: [], transform: [], withoutRenaming: [], fresh: [], baseline: [] };
let outputs;
let checks;
for (let round = 0; round <= ROUNDS; round++) {
  const [o, ajvMs] = time(() => standaloneOutputs(graph, model, options));
  outputs = o;
  const [bytes, transformMs] = time(() => transformAll(outputs, STEPS));
  const [, withoutMs] = time(() =>
    transformAll(
      outputs,
      STEPS.filter((s) => s.name !== 'counted-names'),
    ),
  );
  const [freshBytes, freshMs] = time(freshInstancePerModule);
  let baselineMs;
  if (baseline) [, baselineMs] = time(() => outputs.forEach(({ code, settings }) => baseline.toModuleCode(code, settings)));
  checks = { modules: outputs.length, ajvBytes: outputs.reduce((n, x) => n + x.code.length, 0), bytes, freshBytes };
  if (round === 0) continue; // warm-up
  samples.ajv.push(ajvMs);
  samples.transform.push(transformMs);
  samples.withoutRenaming.push(withoutMs);
  samples.fresh.push(freshMs);
  if (baselineMs !== undefined) samples.baseline.push(baselineMs);
}

const row = (label, values) => [label, ms(median(values)), spread(values)];
console.log(
  `Corpus: ${checks.modules} modules; ajv output ${(checks.ajvBytes / 1024).toFixed(0)} KiB → module bodies ${(checks.bytes / 1024).toFixed(0)} KiB. Median of ${ROUNDS} rounds after 1 warm-up.\n`,
);
console.log(
  table(
    ['what (whole corpus, in process)', 'CPU time, median', 'range'],
    [
      row('ajv: compile + standaloneCode, shared instance per ref mode (today)', samples.ajv),
      row('our AST transformation, all steps (one acorn parse per module)', samples.transform),
      row('… the same without the counted-names step', samples.withoutRenaming),
      ...(baseline ? [row('previous text-based toModuleCode (BASELINE_DIST), same ajv outputs', samples.baseline)] : []),
      row('alternative: fresh ajv instance per module (its documents only): compile + standaloneCode', samples.fresh),
    ],
  ),
);
