import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate, type Report } from '../../../src/index.js';
import { adversarialName, formatName, VALID_PATTERNS, BREAKOUT_STRINGS } from '../arbitraries/strings.js';
import { jsonCopy, jsonValue, pasteableJson, type Json } from '../arbitraries/json.js';
import { draftBatchArbitrary, finalizeBatch, type SchemaSet, type SchemaStrings } from '../arbitraries/schemas.js';
import { instancesFor, type Instance } from '../arbitraries/instances.js';
import { describeSets, runInBatches, setOfFile, writeSets, type RunOutcome } from '../support/batches.js';
import { compileWithAjv } from '../support/ajv-runtime.js';

/**
 * Issue 9's property: for random schemas whose property names and `$defs` keys are the
 * names ajv's generated code uses itself (and JavaScript's, unicode, empty), and random
 * data built to be valid and then mutated, our generated validator gives ajv's verdict
 * (ajv compiling the same schemas at run time with our options), and for invalid data
 * the same set of error `instancePath`s.
 *
 * Schemas ajv cannot compile (or whose validator throws when run) must be refused by
 * us too (exit 2): that is not counted as agreement on verdicts, only as agreement that
 * the schema is unusable. Schemas we refuse and ajv compiles (we check some things ajv
 * does not, e.g. pure ref cycles) are counted, not compared.
 */
const SETS_PER_RUN = 10;
const INSTANCES_PER_SET = 6;

const valueString = fc.oneof(adversarialName, fc.constantFrom(...BREAKOUT_STRINGS), fc.string({ maxLength: 6 }));

const STRINGS: SchemaStrings = {
  key: adversarialName,
  text: fc.constantFrom('A thing.', '<p>Some <code>html</code>.</p>', 'Ends a comment */ early', 'Two\nlines'),
  value: jsonValue(valueString, adversarialName, 2),
  pattern: fc.oneof({ weight: 19, arbitrary: fc.constantFrom(...VALID_PATTERNS) }, { weight: 1, arbitrary: fc.constantFrom('[', '(?<', '\\') }),
  format: formatName(fc.constantFrom('__proto__', 'constructor', 'toString', 'my-format')),
  extension: adversarialName,
  // Harmless functions only: this test runs validators in the jest process.
  internalKeyword: fc.constantFrom('Boolean', 'String', 'isFinite'),
  fileStem: fc.constantFrom('a', 'b', 'item', 'node'),
  rootTitle: fc.constant(undefined),
  yamlFiles: false,
};

export interface DifferentialCase {
  sets: SchemaSet[];
  /** Per set: data for its files. */
  instances: Instance[][];
}

export const differentialCases: fc.Arbitrary<DifferentialCase> = draftBatchArbitrary(STRINGS, SETS_PER_RUN)
  .map((batch) => finalizeBatch(batch, { indexedTitles: true }))
  .chain((sets) =>
    fc.tuple(...sets.map((set) => instancesFor(set, { key: adversarialName, string: valueString }, INSTANCES_PER_SET))).map((instances) => ({ sets, instances })),
  );

/** What the checks saw, for the summary line and the not-vacuous assertions. */
export const differentialTotals = { runs: 0, sets: 0, compared: 0, bothRefused: 0, onlyWeRefused: 0, instances: 0, valid: 0, invalid: 0 };

type Validator = ((data: unknown) => boolean) & { errors?: { instancePath: string }[] | null };

export async function checkDifferentialCase(c: DifferentialCase): Promise<string | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'schema-gen-fuzz-differential-'));
  try {
    const result = await runInBatches(c.sets.length, (sets, attempt) => runOnce(c, dir, sets, attempt));
    differentialTotals.runs++;
    differentialTotals.sets += c.sets.length;
    if (result.problem) return result.problem.problem;
    for (const i of result.refused) {
      // Refused by us: fine when ajv cannot compile it either; counted when ajv can.
      const files = c.sets[i]!.files.map((_, j) => compileWithAjv(c.sets[i]!, j));
      if (files.some((f) => 'refused' in f)) differentialTotals.bothRefused++;
      else differentialTotals.onlyWeRefused++;
    }
    return undefined;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function runOnce(c: DifferentialCase, dir: string, sets: number[], attempt: number): Promise<RunOutcome> {
  const folder = `in-${attempt}`;
  const outDir = `out-${attempt}`; // fresh per run: ES modules are cached by URL
  await writeSets(join(dir, folder), c.sets, sets);
  let report: Report;
  try {
    report = await generate({ cwd: dir, inputs: [folder], outDir, cache: false });
  } catch (error) {
    return { kind: 'problem', sets, problem: `generate() threw (exit 70): ${(error as Error).message}\n\nInput files:\n${describeSets(c.sets, sets)}` };
  }
  if (report.status === 'failed') {
    const blamed = report.diagnostics.filter((d) => d.severity === 'error').map((d) => setOfFile(c.sets, sets, folder, d.file));
    return { kind: 'refused', blamed: blamed.some((b) => b === undefined) ? 'unattributed' : [...new Set(blamed as number[])] };
  }
  const index = (await import(pathToFileURL(join(dir, outDir, 'index.js')).href)) as Record<string, Validator | undefined>;
  for (const i of sets) {
    const problem = compareSet(c, i, index);
    if (problem) return { kind: 'problem', sets: [i], problem };
  }
  return { kind: 'ok' };
}

/** Every instance of set `i` through our validator and ajv's: the first disagreement, if any. */
function compareSet(c: DifferentialCase, i: number, index: Record<string, Validator | undefined>): string | undefined {
  const set = c.sets[i]!;
  differentialTotals.compared++;
  const ajvByFile = set.files.map((_, j) => compileWithAjv(set, j));
  for (const [j, ajv] of ajvByFile.entries()) {
    if ('refused' in ajv) return disagreement(c, i, undefined, `ajv cannot compile ${set.files[j]!.name} (${ajv.refused}), yet schema-gen generated validators (exit 0) instead of refusing it (exit 2)`);
  }
  for (const instance of c.instances[i]!) {
    const name = `validateS${i}F${instance.file}`;
    const ours = index[name];
    if (!ours) return disagreement(c, i, instance, `the output has no ${name} (the type of ${set.files[instance.file]!.name}, titled S${i}F${instance.file})`);
    const ajv = ajvByFile[instance.file]!;
    if ('refused' in ajv) continue; // returned above
    let ajvValid: boolean;
    try {
      ajvValid = ajv.validate(jsonCopy(instance.data));
    } catch (error) {
      return disagreement(c, i, instance, `ajv's own validator throws on this data (${(error as Error).message}): the schema is unusable, and schema-gen should refuse it (exit 2) instead of generating it`);
    }
    let ourValid: boolean;
    try {
      ourValid = ours(jsonCopy(instance.data));
    } catch (error) {
      return disagreement(c, i, instance, `our ${name} throws (${(error as Error).message}); ajv says ${ajvValid ? 'valid' : 'invalid'}`);
    }
    differentialTotals.instances++;
    if (ourValid !== ajvValid) return disagreement(c, i, instance, `our ${name} says ${ourValid ? 'valid' : 'invalid'}, ajv says ${ajvValid ? 'valid' : 'invalid'}${ajvValid ? '' : ` (ajv's error paths: ${paths(ajv.errors())})`}${ourValid ? '' : ` (our error paths: ${paths(ours.errors ?? [])})`}`);
    if (ajvValid) {
      differentialTotals.valid++;
      continue;
    }
    differentialTotals.invalid++;
    const ourPaths = paths(ours.errors ?? []);
    const ajvPaths = paths(ajv.errors());
    if (ourPaths !== ajvPaths) return disagreement(c, i, instance, `both say invalid, but the error instancePaths differ: ours ${ourPaths}, ajv's ${ajvPaths}`);
  }
  return undefined;
}

/** The set of instancePaths, sorted, as JSON. */
function paths(errors: { instancePath: string }[]): string {
  return JSON.stringify([...new Set(errors.map((e) => e.instancePath))].sort());
}

function disagreement(c: DifferentialCase, i: number, instance: Instance | undefined, what: string): string {
  const lines = [what, '', `Schema files (ready to paste, each one file of the input folder; the type of each is named by its title):`, describeSets(c.sets, [i])];
  if (instance) lines.push('', `Data (for ${c.sets[i]!.files[instance.file]!.name}):`, pasteableJson(instance.data as Json));
  return lines.join('\n');
}
