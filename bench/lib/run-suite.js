// Runs tools in rounds, round-robin: each round runs every tool once, starting one tool
// further than the round before, so that load on a shared machine and the order itself
// (a run right after a big write, say) fall on every tool alike. Warm-up rounds are run
// and dropped. A tool whose measured runs have used up `budgetMs` is not run again (its
// row says how many runs it got), so one slow tool cannot take the whole time budget.
import { measureProcess } from './measure-process.js';

/** `Map<tool, { samples: [{ wallMs, cpuMs, rssKb, inProcessMs? }], failures: [string], missing?: string }>` */
export async function runSuite(tools, { name, rounds, warmup, budgetMs, timeoutMs, scratch, networkLog }) {
  const results = new Map(tools.map((tool) => [tool, { samples: [], failures: [], spentMs: 0 }]));
  const total = warmup + rounds;
  for (let round = 0; round < total; round++) {
    const started = Date.now();
    const order = tools.map((_, i) => tools[(i + round) % tools.length]);
    for (const tool of order) {
      const result = results.get(tool);
      if (result.missing || (result.samples.length > 0 && result.spentMs >= budgetMs)) continue;
      const prepared = tool.prepare(round);
      if (!prepared) {
        result.missing = 'not produced by this build';
        continue;
      }
      const run = await measureProcess(prepared.args, { cwd: prepared.cwd, timeoutMs, scratch, networkLog });
      tool.cleanup?.();
      const failure = run.timedOut ? `killed after ${Math.round(timeoutMs / 1000)} s` : run.code !== 0 ? `exit ${run.code}: ${firstLines(run.stderr || run.stdout)}` : undefined;
      if (failure) {
        result.failures.push(failure);
        if (run.timedOut) result.spentMs += run.wallMs; // a timeout counts against the budget, so it is not retried for ever
        continue;
      }
      if (round < warmup) continue;
      const sample = { wallMs: run.wallMs, cpuMs: run.cpuMs, rssKb: run.rssKb };
      if (tool.inProcess) sample.inProcessMs = JSON.parse(run.stdout.trim().split('\n').pop()).inProcessMs;
      result.samples.push(sample);
      result.spentMs += run.wallMs;
    }
    const kind = round < warmup ? 'warm-up round' : `round ${round - warmup + 1}/${rounds}`;
    console.error(`  ${name}: ${kind} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return results;
}

const firstLines = (text) => text.trim().split('\n').slice(0, 3).join(' ⏎ ').slice(0, 300);
