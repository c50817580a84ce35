// Why schema-gen resolves refs itself instead of using @apidevtools/json-schema-ref-parser
// 15: what the library does with the corpus, offline, against our resolve stage.
// Each ref-parser scenario runs in its own process (lib/ref-parser-child.js) with the
// network stubbed out (every DNS lookup, fetch, http(s) request or socket is recorded
// and fails at once), 20 s per call and a hard kill after 60 s: this bench cannot hang.
// Scenarios, on AdminInitiateAuthResponse's file unless said otherwise:
//   - the corpus file as is (`#/components/schemas/X` refs);
//   - copies with refs rewritten to `./<sibling>.json`, `$id` (a raw GitHub URL) kept:
//     what a user gets after fixing the refs, since relative refs resolve against `$id`;
//   - the same copies with `$id` removed;
//   - the user-pools OpenAPI document itself (its refs are internal).
// Then our load + resolve stages on the whole corpus, and on the rewritten copies.
// Run: node bench/resolve.js
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPENAPI, REPO, SCHEMA_DIR, requireCorpus, rewriteCorpus } from './lib/corpus.js';
import { int, median, ms, runNode, table, timeRuns } from './lib/stats.js';

requireCorpus('bench/resolve.js');
const { loadDocuments } = await import('../dist/load/index.js');
const { resolveDocuments } = await import('../dist/resolve/index.js');

const ourFetches = []; // our resolver never fetches without --allow-remote: count to show it
globalThis.fetch = async (url) => {
  ourFetches.push(String(url));
  throw new Error('network disabled by the benchmark');
};
const FILE = 'user-pools-admin-initiate-auth-response-schema.json';
const RUNS = 5;
const dir = mkdtempSync(join(tmpdir(), 'schema-gen-bench-resolve-'));

const scenarios = [
  ['`dereference` corpus file as is', 'dereference', join(SCHEMA_DIR, FILE)],
  ['`bundle` corpus file as is', 'bundle', join(SCHEMA_DIR, FILE)],
  ['`dereference`, refs → `./sibling.json`, `$id` kept', 'dereference', join(dir, 'id-kept', FILE)],
  ['`dereference`, refs → `./sibling.json`, `$id` removed', 'dereference', join(dir, 'id-removed', FILE)],
  ['`dereference` each of the 534 copies, `$id` removed (whole corpus)', 'dereference', join(dir, 'id-removed'), 3],
  ['`dereference` user-pools OpenAPI document (0.9 MB YAML)', 'dereference', OPENAPI['user-pools-']],
];

try {
  prepareCopies();
  const rows = [];
  let defaultHttpTimeoutMs;
  for (const [label, method, file, runs = RUNS] of scenarios) {
    const r = await runNode([join(REPO, 'bench/lib/ref-parser-child.js'), method, file, String(runs), '20000'], { cwd: REPO, timeoutMs: 60_000 });
    if (r.timedOut || r.code !== 0) {
      rows.push([label, r.timedOut ? 'killed after 60 s' : `exit ${r.code}`, '', '', r.stderr.trim().split('\n').pop() ?? '']);
      continue;
    }
    const out = JSON.parse(r.stdout.trim().split('\n').pop());
    defaultHttpTimeoutMs = out.defaultHttpTimeoutMs;
    const attempts = out.attemptsPerCall === 0 ? '0' : `${out.attemptsPerCall} (${out.sampleAttempt}, …)`;
    rows.push([label, ms(median(out.times)), out.times.length, attempts, escape(out.outcome)]);
  }

  // ours: the whole corpus (the documented command's inputs), then the rewritten copies
  for (const [label, inputs, components] of [
    [`schema-gen load + resolve, whole corpus (531 files + 2 OpenAPI)`, [SCHEMA_DIR], Object.values(OPENAPI)],
    ['schema-gen load + resolve, rewritten copies, `$id` kept (534 files)', [join(dir, 'id-kept')], []],
  ]) {
    let graph;
    const resolveTimes = [];
    const fetchesBefore = ourFetches.length;
    const times = await timeRuns(
      async () => {
        const loaded = await loadDocuments({ inputs, components, cwd: REPO });
        const start = performance.now();
        graph = resolveDocuments(loaded.documents, { roots: loaded.roots, allowRemote: false });
        resolveTimes.push(performance.now() - start);
      },
      { warmup: 1, runs: RUNS },
    );
    const inInputs = [...graph.refs.values()].filter((r) => r.site.location.doc.role === 'input').length;
    const errors = graph.diagnostics.filter((d) => d.severity === 'error');
    const via = {};
    for (const ref of graph.refs.values()) via[ref.via] = (via[ref.via] ?? 0) + 1;
    const outcome =
      `${int(graph.refs.size)} of ${int(graph.registry.refSites.length)} refs resolved (` +
      Object.entries(via)
        .map(([k, n]) => `${k} ${int(n)}`)
        .join(', ') +
      `; ${int(inInputs)} in the input files), ${errors.length} errors; resolve stage alone ${ms(median(resolveTimes.slice(1)))}`;
    rows.push([label, ms(median(times)), RUNS, String((ourFetches.length - fetchesBefore) / (RUNS + 1)), outcome]);
  }

  console.log(`\n### Resolve: @apidevtools/json-schema-ref-parser 15 vs schema-gen, offline\n`);
  console.log(table(['scenario', 'median per call', 'runs', 'network attempts per call', 'outcome'], rows));
  console.log(
    `\nref-parser: file \`${FILE}\`; network stubbed to fail at once. Its default HTTP timeout is ` +
      `${(defaultHttpTimeoutMs ?? NaN) / 1000} s per request: where DNS or a firewall hangs instead of failing, each attempt can wait that long.`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function prepareCopies() {
  for (const [sub, idOf] of [
    ['id-kept', (_, id) => id],
    ['id-removed', undefined],
  ]) {
    mkdirSync(join(dir, sub));
    for (const d of rewriteCorpus({ refTo: (file) => `./${file}`, idOf }).docs) writeFileSync(join(dir, sub, d.file), JSON.stringify(d.json));
  }
}

function escape(text) {
  return text.replace(/\|/g, '\\|');
}
