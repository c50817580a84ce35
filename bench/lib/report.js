// Markdown for the reference benchmark: one table per corpus, one across the synthetic
// scales, one for the 300/3,000 `$defs` file, and the issue's targets with what was measured.
import { median, table } from './stats.js';

export const time = (v) =>
  !Number.isFinite(v) ? '–' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`;
const mib = (kb) => (Number.isFinite(kb) ? `${Math.round(kb / 1024)} MiB` : '–');
const times = (r) => (Number.isFinite(r) ? `${r >= 10 ? r.toFixed(1) : r.toFixed(2)}×` : '–');

/** Median of one measure over a result's samples (NaN when it has none). */
export const med = (result, measure = 'wallMs') => (result && result.samples.length > 0 ? median(result.samples.map((s) => s[measure])) : NaN);

function runsCell(result) {
  const failed = result.failures.length > 0 ? ` (${result.failures.length} failed: ${result.failures[0]})` : '';
  return `${result.samples.length}${failed}`;
}

const range = (result, measure) => {
  const values = result.samples.map((s) => s[measure]);
  return values.length > 1 ? `${time(Math.min(...values))} – ${time(Math.max(...values))}` : '';
};

/** The table of one corpus: every process row, then the imports. */
export function corpusTables(corpus, results) {
  const byKey = new Map([...results].map(([tool, result]) => [tool.key, result]));
  const floor = med(byKey.get('floor-read'));
  const cold = med(byKey.get('sg-cold'));
  const rows = [];
  const imports = [];
  const bundle = med(byKey.get('import-bundle'), 'inProcessMs');
  for (const [tool, result] of results) {
    if (result.samples.length === 0) {
      const why = result.missing ?? `failed: ${result.failures[0] ?? 'no run'}`;
      (tool.inProcess ? imports : rows).push([tool.label, why, '', '', '', '0', '', '']);
      continue;
    }
    const wall = med(result);
    if (tool.inProcess) {
      const inProcess = med(result, 'inProcessMs');
      imports.push([tool.label, time(inProcess), range(result, 'inProcessMs'), time(wall), mib(med(result, 'rssKb')), runsCell(result), times(inProcess / bundle)]);
    } else {
      const versusCold = ['schema-gen', 'other'].includes(tool.group) ? times(wall / cold) : '';
      rows.push([tool.label, time(wall), range(result, 'wallMs'), time(med(result, 'cpuMs')), mib(med(result, 'rssKb')), runsCell(result), times(wall / floor), versusCold]);
    }
  }
  const f = corpus.facts;
  const about =
    `${f.files} schema file${f.files === 1 ? '' : 's'}${f.components ? ` + ${f.components} OpenAPI components document${f.components === 1 ? '' : 's'}` : ''}, ` +
    `${(f.bytes / 1024 / 1024).toFixed(2)} MB of input${f.defs ? `, ${f.defs} \`$defs\`` : ''}; schema-gen makes ${f.types ?? '?'} types, ` +
    `${f.outputFiles ?? '?'} files (${((f.outputBytes ?? 0) / 1024 / 1024).toFixed(1)} MB)${f.warnings ? `, ${f.warnings} warnings` : ''}`;
  let text = `### ${corpus.label}\n\n${about}.\n\n`;
  text += table(['process (one per run)', 'wall, median', 'range', 'CPU, median', 'peak RSS', 'runs', '÷ floor (a)', '÷ schema-gen cold'], rows);
  if (imports.length > 0) {
    text += `\n\nImporting the output (generated once, with \`--bundle\`), fresh \`node\` per run:\n\n`;
    text += table(['process', 'import → first validation, median', 'range', 'wall (process)', 'peak RSS', 'runs', '÷ bundle'], imports);
  }
  return text;
}

/** How the synthetic corpus scales: each row's median at 1×, 5×, 10×, with the ratio to 1×. */
export function scaleTable(suites) {
  const [base, ...larger] = suites;
  if (!base || larger.length === 0) return '';
  const keys = [...base.results.keys()].filter((tool) => tool.group !== 'baseline');
  const rows = keys.map((tool) => {
    const measure = tool.inProcess ? 'inProcessMs' : 'wallMs';
    const at = (suite) => med([...suite.results].find(([t]) => t.key === tool.key)?.[1], measure);
    const one = at(base);
    return [tool.label + (tool.inProcess ? ' (in-process)' : ''), time(one), ...larger.map((suite) => `${time(at(suite))} (${times(at(suite) / one)})`)];
  });
  return `### Synthetic corpus at 1×, ${larger.map((s) => `${s.copies}×`).join(', ')}\n\n${table(['process', '1×, median', ...larger.map((s) => `${s.copies}×, median (÷ 1×)`)], rows)}`;
}

/** One file with few and with many `$defs` (each with an unknown keyword: one warning each). */
export function defsTable(small, large, results, what = '`$defs`') {
  const row = (key, label) => {
    const find = (corpus) => [...results].find(([tool]) => tool.key === key && tool.corpus === corpus)?.[1];
    const [a, b] = [find(small), find(large)];
    const cell = (r) => (r.samples.length > 0 ? `${time(med(r))} (${runsCell(r)} runs)` : (r.failures[0] ?? 'no run'));
    return [label, cell(a), cell(b), times(med(b) / med(a))];
  };
  const heads = [small, large].map((c) => `${c.facts.defs} ${what}, ${(c.facts.bytes / 1024 / 1024).toFixed(2)} MB, ${c.facts.warnings} warnings`);
  return `### One file, ${small.facts.defs} vs ${large.facts.defs} ${what}\n\n${table(['process', ...heads, 'ratio'], [row('floor-read', 'I/O floor (a): read + parse'), row('sg-cold', 'schema-gen, cold')])}`;
}

/**
 * The issue's targets, each `{ target, limit, measured, cpu, notes }`: `measured` is the
 * ratio of wall-clock medians (NaN when not measured), judged `≤ limit`; `cpu` the same
 * ratio of CPU time, which a busy machine disturbs less (shown, not judged).
 */
export function targetsTable(targets) {
  const rows = targets.map((t) => {
    const measured = Number.isFinite(t.measured);
    return [t.target, measured ? times(t.measured) : 'not measured', `≤ ${times(t.limit)}`, measured ? (t.measured <= t.limit ? 'met' : '**not met**') : '–', times(t.cpu), t.notes];
  });
  return table(['target', 'measured', 'target', 'met?', 'same ratio of CPU time', 'from (medians)'], rows);
}

export const MARKERS = ['<!-- bench:start -->', '<!-- bench:end -->'];

/** `text` with what lies between the two markers replaced by `block` (markers kept), or undefined without both markers. */
export function replaceBetweenMarkers(text, block) {
  const [start, end] = MARKERS;
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  if (from < 0 || to < 0) return undefined;
  return `${text.slice(0, from + start.length)}\n${block.trim()}\n${text.slice(to)}`;
}
