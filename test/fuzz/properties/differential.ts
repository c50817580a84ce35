import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate, type Report } from '../../../src/index.js';
import { adversarialName, formatName, VALID_PATTERNS, BREAKOUT_STRINGS } from '../arbitraries/strings.js';
import { jsonCopy, jsonValue } from '../arbitraries/json.js';
import { draftFileArbitrary, finalizeBatch, type SchemaSet, type SchemaStrings } from '../arbitraries/schemas.js';
import { instanceOf, instanceRecipe, type Instance } from '../arbitraries/instances.js';
import { filesOf, runInBatches, setOfFile, setOfRepro, writeSets, type RunOutcome } from '../support/batches.js';
import type { Failure, Repro } from '../support/repro.js';
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

/** Each set with its data recipes (drawn apart from the schemas, so both shrink well), read into data once the files are final. */
export const differentialCases: fc.Arbitrary<DifferentialCase> = fc
  .array(
    fc.record({
      files: fc.array(draftFileArbitrary(STRINGS), { minLength: 1, maxLength: 3 }),
      recipes: fc.array(instanceRecipe({ key: adversarialName, string: valueString }), { minLength: 1, maxLength: INSTANCES_PER_SET }),
    }),
    { minLength: 1, maxLength: SETS_PER_RUN },
  )
  .map((batch) => {
    const sets = finalizeBatch(
      batch.map((b) => b.files),
      { indexedTitles: true },
    );
    return { sets, instances: batch.map((b, i) => b.recipes.map((r) => instanceOf(sets[i]!, r))) };
  });

/** What the checks saw, for the summary line and the not-vacuous assertions. */
export const differentialTotals = {
  runs: 0,
  sets: 0,
  compared: 0,
  /** Sets refused by both, by our diagnostic codes. */
  bothRefused: new Map<string, number>(),
  /** Sets we refuse and ajv compiles, by our diagnostic codes (a ref cycle, say; worth a look when it grows). */
  onlyWeRefused: new Map<string, number>(),
  instances: 0,
  valid: 0,
  invalid: 0,
  ajvThrew: 0,
};

type Validator = ((data: unknown) => boolean) & { errors?: { instancePath: string }[] | null };

export async function checkDifferentialCase(c: DifferentialCase): Promise<Failure | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'schema-gen-fuzz-differential-'));
  try {
    const refusalCodes = new Map<number, string[]>();
    const result = await runInBatches(c.sets.length, (sets, attempt) => runOnce(c, dir, sets, attempt, refusalCodes));
    differentialTotals.runs++;
    differentialTotals.sets += c.sets.length;
    if (result.failure) return result.failure;
    for (const i of result.refused) {
      // Refused by us: fine when ajv cannot compile it either; counted when ajv can.
      const files = c.sets[i]!.files.map((_, j) => compileWithAjv(c.sets[i]!, j));
      const tally = files.some((f) => 'refused' in f) ? differentialTotals.bothRefused : differentialTotals.onlyWeRefused;
      for (const code of refusalCodes.get(i) ?? ['?']) tally.set(code, (tally.get(code) ?? 0) + 1);
    }
    return undefined;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One counterexample on its own, as the minimiser reruns it. */
export function recheckDifferential(repro: Repro): Promise<Failure | undefined> {
  const set = setOfRepro(repro);
  const file = set.files.findIndex((f) => f.name === repro.data?.file);
  return checkDifferentialCase({ sets: [set], instances: [file === -1 ? [] : [{ file, data: repro.data!.value }]] });
}

async function runOnce(c: DifferentialCase, dir: string, sets: number[], attempt: number, refusalCodes: Map<number, string[]>): Promise<RunOutcome> {
  const folder = `in-${attempt}`;
  const outDir = `out-${attempt}`; // fresh per run: ES modules are cached by URL
  await writeSets(join(dir, folder), c.sets, sets);
  let report: Report;
  try {
    // Titles name the types too, but a boolean schema file has none: names are set explicitly.
    const names = Object.fromEntries(sets.flatMap((i) => c.sets[i]!.files.map((f, j) => [`${folder}/${f.name}`, `S${i}F${j}`])));
    report = await generate({ cwd: dir, inputs: [folder], outDir, cache: false, names });
  } catch (error) {
    const message = `generate() threw (exit 70): ${(error as Error).message.split('\n')[0]!.split(dir).join('<tmp>')}`;
    return { kind: 'problem', failure: { message, repro: { files: filesOf(c.sets, sets) } } };
  }
  if (report.status === 'failed') {
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    if (sets.length === 1) refusalCodes.set(sets[0]!, [...new Set(errors.map((d) => d.code))]);
    const blamed = errors.map((d) => setOfFile(c.sets, sets, folder, d.file));
    return { kind: 'refused', blamed: blamed.some((b) => b === undefined) ? 'unattributed' : [...new Set(blamed as number[])] };
  }
  let index: Record<string, Validator | undefined>;
  try {
    index = (await import(pathToFileURL(join(dir, outDir, 'index.js')).href)) as Record<string, Validator | undefined>;
  } catch (error) {
    const message = `the generated index.js does not import: ${(error as Error).message.split('\n')[0]!.split(dir).join('<tmp>')}`;
    return { kind: 'problem', failure: { message, repro: { files: filesOf(c.sets, sets) } } };
  }
  for (const i of sets) {
    const failure = compareSet(c, i, index);
    if (failure) return { kind: 'problem', failure };
  }
  return { kind: 'ok' };
}

/**
 * Every instance of set `i` through our validator and ajv's: the first disagreement, if
 * any. The first line of each message is the kind of disagreement (the minimiser keeps
 * it); names and paths follow.
 */
function compareSet(c: DifferentialCase, i: number, index: Record<string, Validator | undefined>): Failure | undefined {
  const set = c.sets[i]!;
  const fail = (kind: string, details: string, instance?: Instance): Failure => ({
    message: `${kind}\n${details}`,
    repro: { files: filesOf(c.sets, [i]), ...(instance ? { data: { file: set.files[instance.file]!.name, value: instance.data } } : {}) },
  });
  differentialTotals.compared++;
  const ajvByFile = set.files.map((_, j) => compileWithAjv(set, j));
  for (const [j, ajv] of ajvByFile.entries()) {
    if ('refused' in ajv) return fail('ajv cannot compile the schema, yet schema-gen generated it (exit 0) instead of refusing it (exit 2)', `${set.files[j]!.name}: ${ajv.refused}`);
  }
  for (const instance of c.instances[i]!) {
    const name = `validateS${i}F${instance.file}`;
    const ours = index[name];
    if (!ours) return fail('the output lacks the validator of a schema', `no ${name} (the type of ${set.files[instance.file]!.name}, named S${i}F${instance.file} by the "names" option)`, instance);
    const ajv = ajvByFile[instance.file]!;
    if ('refused' in ajv) continue; // returned above
    let ajvValid: boolean | undefined;
    let ajvThrew: unknown;
    try {
      ajvValid = ajv.validate(jsonCopy(instance.data));
    } catch (error) {
      ajvThrew = error;
    }
    // Endless recursion on small data: a ref cycle with no data in between, a schema nothing can validate with.
    if (ajvThrew instanceof RangeError) {
      return fail('ajv overflows the stack (a ref cycle with no data in between), yet schema-gen generated the schema instead of refusing it (exit 2)', `ajv: ${ajvThrew.message}`, instance);
    }
    let ourValid: boolean;
    try {
      ourValid = ours(jsonCopy(instance.data));
    } catch (error) {
      // ajv's own code generator bug, inherited as is (the same error on the same data): no verdict to compare.
      if (ajvThrew instanceof Error && (error as Error).message === ajvThrew.message) {
        differentialTotals.ajvThrew++;
        continue;
      }
      const ajvSays = ajvValid === undefined ? `ajv throws too: ${(ajvThrew as Error).message}` : `ajv says ${ajvValid ? 'valid' : 'invalid'}`;
      return fail(`our validator throws: ${(error as Error).message}`, `${name} throws; ${ajvSays}`, instance);
    }
    if (ajvValid === undefined) {
      // ajv's own bug on this data (its deep-equal calls an own "toString" or "valueOf" key, say): no verdict to compare with.
      differentialTotals.ajvThrew++;
      continue;
    }
    differentialTotals.instances++;
    const ourPaths = ourValid ? '' : paths(ours.errors ?? []);
    const ajvPaths = ajvValid ? '' : paths(ajv.errors());
    if (ourValid !== ajvValid) {
      return fail(
        `our validator says ${ourValid ? 'valid' : 'invalid'} where ajv says ${ajvValid ? 'valid' : 'invalid'}`,
        `${name}${ourValid ? '' : `: our error paths ${ourPaths}`}${ajvValid ? '' : `; ajv's error paths ${ajvPaths}`}`,
        instance,
      );
    }
    if (ajvValid) {
      differentialTotals.valid++;
      continue;
    }
    differentialTotals.invalid++;
    if (ourPaths !== ajvPaths) return fail('both say invalid, but the sets of error instancePaths differ', `${name}: ours ${ourPaths}, ajv's ${ajvPaths}`, instance);
  }
  return undefined;
}

/** The set of instancePaths, sorted, as JSON. */
function paths(errors: { instancePath: string }[]): string {
  return JSON.stringify([...new Set(errors.map((e) => e.instancePath))].sort());
}
