import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate, type Report } from '../../../src/index.js';
import { adversarialName, hostileString, patternString, formatName, toFileStem, BREAKOUT_STRINGS, OBJECT_NAMES } from '../arbitraries/strings.js';
import { jsonValue } from '../arbitraries/json.js';
import { draftBatchArbitrary, finalizeBatch, type SchemaSet, type SchemaStrings } from '../arbitraries/schemas.js';
import { filesOf, runInBatches, setOfFile, setOfRepro, writeSets, type RunOutcome } from '../support/batches.js';
import type { Failure, Repro } from '../support/repro.js';
import { CANARY_LINK_TARGET, CANARY_MARKER, canaryRefs, writeCanaries } from '../support/canary.js';
import { probeImports } from '../support/import-probe.js';
import { cliOutputProblems, runCliProcess } from '../support/run-cli.js';
import { treeChanges, treeOf } from '../support/tree.js';
import { strictTypeErrors } from '../support/typecheck.js';
import { filesEnding } from '../support/walk-files.js';
import { propertyNamesIn } from '../support/property-names.js';

/**
 * Issue 8's property: whatever a schema holds, in whatever position, the tool exits 0 or
 * 2 (never 70, never a thrown error). Exit 0: the output compiles with tsc --strict, and
 * importing it (and running its validators on data that is code) changes no global, opens
 * no socket and writes no file. Exit 2: every error names its file, and the output folder
 * is as it was. A sample of runs goes through the real CLI in a child process too.
 */
const SETS_PER_RUN = 10;

const hostileKey = fc.oneof(hostileString, adversarialName);
const STRINGS: SchemaStrings = {
  key: hostileKey,
  text: hostileString,
  value: jsonValue(hostileString, hostileKey, 2),
  pattern: patternString(hostileString),
  format: formatName(hostileString),
  extension: hostileString,
  // Our internal keyword, written by a user: its value must never become a call (issue 8 item 1).
  internalKeyword: fc.oneof(fc.constantFrom('eval', 'Function', 'require', 'globalThis', 'validate0', 'x(1);globalThis.__fuzzPwned=1;y', ...OBJECT_NAMES), hostileString),
  fileStem: fc.oneof(hostileString, fc.constantFrom(...OBJECT_NAMES, ...BREAKOUT_STRINGS)).map(toFileStem),
  rootTitle: fc.option(hostileString, { freq: 4 }).map((t) => t ?? undefined),
  yamlFiles: true,
  // Refs that try to leave the input folders (and read the canary files), or are just hostile text.
  rawRef: fc.oneof(fc.constantFrom(...canaryRefs()), hostileString),
};

export interface HostileCase {
  sets: SchemaSet[];
  /** Also run the first attempt through bin/schema-gen.js in a child process. */
  viaCli: boolean;
  /** The first attempt's input folder also holds `linked.json`, a symlink to a canary file outside it. */
  canaryLink: boolean;
}

export const hostileCases: fc.Arbitrary<HostileCase> = fc
  .record({ batch: draftBatchArbitrary(STRINGS, SETS_PER_RUN), viaCli: fc.constantFrom(false, false, true), canaryLink: fc.constantFrom(false, false, false, false, false, true) })
  .map(({ batch, viaCli, canaryLink }) => ({ sets: finalizeBatch(batch, { indexedTitles: false }), viaCli, canaryLink }));

const BASELINE = { title: 'Baseline', type: 'object', properties: { id: { type: 'string' } }, required: ['id'] };
const USER_FILE = 'NOTES.md';
const USER_TEXT = 'Notes the user keeps next to the generated files.\n';

/** What the checks saw, for the summary line and the not-vacuous assertion. */
export const hostileTotals = { runs: 0, sets: 0, generated: 0, refused: 0, cliRuns: 0, modulesImported: 0, validatorCalls: 0, refusedBy: {} as Record<string, number> };

export async function checkHostileCase(c: HostileCase): Promise<Failure | undefined> {
  writeCanaries();
  const dir = await mkdtemp(join(tmpdir(), 'schema-gen-fuzz-hostile-'));
  try {
    // An earlier run's output and a file of the user's own: what a failed run must leave alone.
    await mkdir(join(dir, 'baseline'));
    await writeFile(join(dir, 'baseline', 'baseline.json'), JSON.stringify(BASELINE));
    const baseline = await generate({ cwd: dir, inputs: ['baseline'], outDir: 'out', cache: false });
    if (baseline.status !== 'written') throw new Error(`the baseline run itself failed: ${JSON.stringify(baseline.diagnostics)}`);
    await writeFile(join(dir, 'out', USER_FILE), USER_TEXT);
    const result = await runInBatches(c.sets.length, (sets, attempt) => runOnce(c, dir, sets, attempt));
    hostileTotals.runs++;
    hostileTotals.sets += c.sets.length;
    hostileTotals.generated += result.generated.flat().length;
    hostileTotals.refused += result.refused.length;
    return result.failure;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One counterexample on its own, as the minimiser reruns it. */
export function recheckHostile(repro: Repro): Promise<Failure | undefined> {
  return checkHostileCase({ sets: [setOfRepro(repro)], viaCli: repro.viaCli ?? false, canaryLink: repro.canaryLink ?? false });
}

async function runOnce(c: HostileCase, dir: string, sets: number[], attempt: number): Promise<RunOutcome> {
  const folder = `in-${attempt}`;
  await writeSets(join(dir, folder), c.sets, sets);
  const canaryLink = c.canaryLink && attempt === 0;
  if (canaryLink) await symlink(CANARY_LINK_TARGET, join(dir, folder, 'linked.json'));
  const out = join(dir, 'out');
  const before = await treeOf(out);
  // The first line of a message says what kind of failure it is (kept by the minimiser); details follow.
  const viaCli = c.viaCli && attempt === 0;
  const problem = (text: string): RunOutcome => ({
    kind: 'problem',
    failure: { message: text.split(dir).join('<tmp>'), repro: { files: filesOf(c.sets, sets), ...(viaCli ? { viaCli } : {}), ...(canaryLink ? { canaryLink } : {}) } },
  });
  let report: Report;
  try {
    report = await generate({ cwd: dir, inputs: [folder], outDir: 'out', cache: false });
  } catch (error) {
    const e = error as Error;
    // The kind: the error's code (ENAMETOOLONG…) or its message, without the paths and names that vary.
    const code = (e as NodeJS.ErrnoException).code;
    const kind = code ?? e.message.split('\n')[0]!.slice(0, 160);
    return problem(`generate() threw (the CLI exits 70, "internal error", here): ${e.name}: ${kind}\n${e.message.slice(0, 500)}\n${(e.stack ?? '').split('\n').slice(1, 6).join('\n')}`);
  }
  const failed = report.status === 'failed';
  if (viaCli) {
    hostileTotals.cliRuns++;
    const cliOut = `cli-out-${attempt}`;
    const cli = await runCliProcess([folder, '--out', cliOut, '--no-cache'], dir);
    const problems = cliOutputProblems(cli);
    if (cli.code !== 0 && cli.code !== 2) problems.unshift(`the CLI exited ${cli.code}`);
    else if (cli.code !== (failed ? 2 : 0)) problems.unshift(`the CLI exited ${cli.code} where generate() said "${report.status}"`);
    if (cli.code === 2 && existsSync(join(dir, cliOut))) problems.push(`the CLI exited 2 but created ${cliOut}/`);
    if (`${cli.stdout}${cli.stderr}`.includes(CANARY_MARKER)) problems.unshift('the run read a file outside the input folders: its text reached the CLI output');
    if (problems.length > 0) return problem(`${problems.join('\n')}\n--- CLI stderr (first 2000 characters) ---\n${cli.stderr.slice(0, 2000)}`);
  }
  const quoting = report.diagnostics.find((d) => JSON.stringify(d).includes(CANARY_MARKER));
  if (quoting) return problem(`the run read a file outside the input folders: its text reached a diagnostic\n${JSON.stringify(quoting)}`);
  if (failed) {
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length === 0) return problem('exit 2 without any error diagnostic');
    const vague = errors.filter((d) => !d.file || !d.message);
    if (vague.length > 0) return problem(`an error diagnostic without a file or message (code ${vague[0]!.code})\n${JSON.stringify(vague[0])}`);
    const changes = treeChanges(before, await treeOf(out));
    if (changes.length > 0) return problem(`a run that exited 2 changed the output folder\n${changes.slice(0, 10).join(', ')}`);
    for (const code of new Set(errors.map((d) => d.code))) hostileTotals.refusedBy[code] = (hostileTotals.refusedBy[code] ?? 0) + 1;
    if (process.env.FUZZ_SHOW_REFUSED) for (const d of errors) if (d.code === process.env.FUZZ_SHOW_REFUSED) console.error(JSON.stringify(d).slice(0, 600));
    const blamed = errors.map((d) => setOfFile(c.sets, sets, folder, d.file));
    return { kind: 'refused', blamed: blamed.some((b) => b === undefined) ? 'unattributed' : [...new Set(blamed as number[])] };
  }
  const written = await treeOf(out);
  const leaked = [...written].find(([, text]) => text.includes(CANARY_MARKER));
  if (leaked) return problem(`the run read a file outside the input folders: its text reached the output\nin ${leaked[0]}`);
  if ((await readFile(join(out, USER_FILE), 'utf8').catch(() => undefined)) !== USER_TEXT) return problem(`a successful run removed or changed ${USER_FILE}, a file it did not write`);
  const typeErrors = strictTypeErrors(await filesEnding(out, '.d.ts'));
  if (typeErrors.length > 0)
    return problem(`the output does not compile with tsc --strict: ${/TS\d+/.exec(typeErrors[0]!)?.[0] ?? 'error'}\n${typeErrors.length} error(s):\n${typeErrors.slice(0, 8).join('\n')}`);
  const beforeProbe = written;
  const probe = await probeImports(out, join(dir, `probe-${attempt}`), propertyNamesIn(c.sets, sets));
  const probeChanges = treeChanges(beforeProbe, await treeOf(out));
  if (probeChanges.length > 0) probe.problems.push(`importing the output changed the output folder: ${probeChanges.slice(0, 10).join(', ')}`);
  if (probe.problems.length > 0) return problem(probe.problems.slice(0, 10).join('\n'));
  hostileTotals.modulesImported += probe.result?.modules ?? 0;
  hostileTotals.validatorCalls += probe.result?.calls ?? 0;
  return { kind: 'ok' };
}
