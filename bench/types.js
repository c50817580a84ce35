// Type generation on the whole Cognito corpus: our pipeline up to the TypeScript
// declarations (load → resolve → model → declareType for every type, in-process, each
// stage timed) against json-schema-to-typescript's `compile`, run one schema at a time
// as its users do (default options: declareExternallyReferenced, prettier formatting;
// also once with `format: false` to show what prettier costs). Besides time, it counts
// what each tool produces, because the point of our tool is output worth checking in:
// declarations vs distinct names, `[k: string]: unknown` intersections, `Foo1` names.
// json-schema-to-typescript cannot follow `#/components/schemas/X`, so it gets copies
// (in a temp dir) with refs rewritten to `./<sibling file>.json` (see lib/corpus.js);
// the 3 names only the OpenAPI documents define become extra files there. Nothing
// is type-checked: no tsc. Run: node bench/types.js
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPENAPI, REPO, SCHEMA_DIR, requireCorpus, rewriteCorpus } from './lib/corpus.js';
import { int, median, ms, ratio, spread, table, timed } from './lib/stats.js';

requireCorpus('bench/types.js');
const { compile } = await import('json-schema-to-typescript');
const { loadDocuments } = await import('../dist/load/index.js');
const { resolveDocuments } = await import('../dist/resolve/index.js');
const { buildTypeModel } = await import('../dist/model/index.js');
const { declareType } = await import('../dist/emit/types/declaration.js');

const ROUNDS = 3; // timed rounds, after one warm-up round
const OURS_PER_ROUND = 2;
const blockedFetches = [];
globalThis.fetch = async (url) => {
  blockedFetches.push(String(url));
  throw new Error('network disabled by the benchmark');
};

// --- ours: each stage timed, in one process, as `generate` runs them ---------------
async function ours() {
  const [loaded, load] = await timed(() => loadDocuments({ inputs: [SCHEMA_DIR], components: Object.values(OPENAPI), cwd: REPO }));
  const [graph, resolve] = await timed(() => resolveDocuments(loaded.documents, { roots: loaded.roots, allowRemote: false }));
  const [model, modelMs] = await timed(() => buildTypeModel(graph, { additionalProperties: 'none', renames: {} }));
  const [files, declare] = await timed(() =>
    model.types.map((t) => {
      const d = declareType(t, model, false);
      return d.imports.map((i) => `import type { ${i.name} } from '${i.from}';\n`).join('') + d.declaration;
    }),
  );
  const problems = [...loaded.diagnostics, ...graph.diagnostics, ...model.diagnostics].filter((d) => d.severity === 'error');
  if (problems.length > 0 || graph.wanted.length > 0) throw new Error(`our pipeline failed on the corpus: ${problems[0]?.message}`);
  return { files, stages: { load, resolve, model: modelMs, declare } };
}

// --- json-schema-to-typescript: one compile per corpus file ------------------------
const dir = mkdtempSync(join(tmpdir(), 'schema-gen-bench-types-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const { docs, openapiOnly } = rewriteCorpus({ refTo: (file) => `./${file}` });
for (const d of docs) writeFileSync(join(dir, d.file), JSON.stringify(d.json, null, 2));
const inputs = docs.filter((d) => !openapiOnly.some((o) => o.file === d.file)); // the 531 corpus files

async function theirs(format) {
  const files = [];
  for (const { json } of inputs) files.push(await compile(json, json.title, { cwd: dir, format }));
  return files;
}

// --- output facts, read from the text (no type checking) ---------------------------
function facts(files) {
  const bodies = new Map(); // name → set of distinct declaration texts
  let exports = 0;
  for (const text of files) {
    for (const m of text.matchAll(/^export (?:interface|type|enum|const enum) (\w+)[\s\S]*?(?=^\/\*\*|^export |^import |(?![\s\S]))/gm)) {
      exports++;
      bodies.set(m[1], (bodies.get(m[1]) ?? new Set()).add(m[0].trim()));
    }
  }
  const all = files.join('\n');
  const names = [...bodies.keys()];
  return {
    exports,
    names: names.length,
    conflicting: names.filter((n) => bodies.get(n).size > 1).length,
    intersections: (all.match(/&\s*\{\s*\[\w+: string\]: unknown;?\s*\}/g) ?? []).length,
    indexUnknown: (all.match(/\[\w+: string\]: unknown/g) ?? []).length,
    numbered: names.filter((n) => /\D\d+$/.test(n) && bodies.has(n.replace(/\d+$/, ''))).length,
    bytes: Buffer.byteLength(all),
  };
}

// Rounds interleave the tools, so a busy machine slows them alike; round 0 is the
// warm-up (its times are shown as "first run": what a one-shot CLI process pays).
const times = { ours: [], prettier: [], plain: [] };
const stages = { load: [], resolve: [], model: [], declare: [] };
let ourFiles;
let theirFiles;
for (let round = 0; round <= ROUNDS; round++) {
  for (let i = 0; i < OURS_PER_ROUND; i++) {
    const [r, t] = await timed(ours);
    ourFiles = r.files;
    times.ours.push(t);
    for (const k of Object.keys(stages)) stages[k].push(r.stages[k]);
  }
  const [files, t] = await timed(() => theirs(true));
  theirFiles = files;
  times.prettier.push(t);
  times.plain.push((await timed(() => theirs(false)))[1]);
}
const first = (v, n = 1) => v.slice(0, n)[0];
const rest = (v, n = 1) => v.slice(n);
const row = (label, all, n = 1, versus) => {
  const m = median(rest(all, n));
  return [label, ms(m), spread(rest(all, n)), rest(all, n).length, ms(first(all)), versus === undefined ? '' : ratio(versus, m)];
};
const o = median(rest(times.ours, OURS_PER_ROUND));
console.log(`\n### Types: whole corpus (${inputs.length} schema files + 2 OpenAPI documents), in-process\n`);
console.log(
  table(
    ['tool', 'median', 'range', 'runs', 'first run', 'time ÷ ours'],
    [
      row('schema-gen: load + resolve + model + declareType', times.ours, OURS_PER_ROUND, o),
      ...Object.entries(stages).map(([k, v]) => row(`  · stage \`${k}\``, v, OURS_PER_ROUND)),
      row('json-schema-to-typescript 15 `compile` per file (default: prettier)', times.prettier, 1, o),
      row('json-schema-to-typescript 15 `compile` per file, `format: false`', times.plain, 1, o),
    ],
  ),
);
const [a, b] = [facts(ourFiles), facts(theirFiles)];
console.log(`\n### Types: what each produces (same corpus)\n`);
console.log(
  table(
    ['fact', 'schema-gen', 'json-schema-to-typescript'],
    [
      ['`export` declarations', int(a.exports), int(b.exports)],
      ['distinct exported names', int(a.names), int(b.names)],
      ['names declared with different bodies in different files', int(a.conflicting), int(b.conflicting)],
      ['`X & { [k: string]: unknown }` intersections', int(a.intersections), int(b.intersections)],
      ['`[k: string]: unknown` index signatures in total (ours: `[key: string]`, bare `type: object`)', int(a.indexUnknown), int(b.indexUnknown)],
      ['numbered names (`Foo1` next to `Foo`)', int(a.numbered), int(b.numbered)],
      ['output text (KiB; ours without banners)', int(a.bytes / 1024), int(b.bytes / 1024)],
    ],
  ),
);
console.log(
  `\njson-schema-to-typescript input: refs rewritten to sibling files; ${openapiOnly.length} OpenAPI-only names ` +
    `(${openapiOnly.map((x) => x.name.replace(/^.*-/, '')).join(', ')}) added as extra files holding the component. ` +
    `Network fetches attempted: ${blockedFetches.length}.`,
);
