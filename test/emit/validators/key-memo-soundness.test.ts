import fc from 'fast-check';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MemoryValidatorCache } from '../../../src/emit/validators/cache.js';
import { compileValidators, type ValidatorModule, type ValidatorModuleCode } from '../../../src/emit/validators/index.js';
import { KeyMemo } from '../../../src/emit/validators/key-memo.js';
import { fuzzSettings } from '../../fuzz/support/config.js';
import { withTempDir } from '../../helpers/temp-dir.js';
import { applyEdit, edit, renderSet, schemaSet, type SetModel } from './support/schema-sets.js';
import { moduleKeysOf, VALIDATOR_OPTIONS, validatorInputs } from './support/validator-inputs.js';

// FUZZ_SEED, FUZZ_RUNS and FUZZ_LONG as for test/fuzz (see its README); 40 cases of 1 to 4 runs by default.
const settings = fuzzSettings(40);
const TOOL = 'the same build';

/** A module as the output sees it (the type object aside). */
const moduleText = ({ type, ...code }: ValidatorModule) => ({ at: `${type.location.doc.displayPath}#${type.location.pointer}`, ...code });

// The memo is sound when a run that trusts it computes exactly what a run without it
// computes: the same module key for every type (so the same modules from the cache),
// the same problems, the same `__proto__` stand-in. Each case is a few runs in a row,
// each after random edits, the memo carried from run to run through its file text, as
// between two processes.
describe('the key memo (prepared-copy hashes and document facts kept between runs)', () => {
  it(
    'gives every run the keys, problems and modules a run without it computes, whatever was edited',
    () =>
      withTempDir(async (dir) => {
        let checked = 0;
        let compared = 0;
        let reused = 0;
        await fc.assert(
          fc.asyncProperty(schemaSet, fc.array(fc.array(edit, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }), fc.boolean(), async (first, runs, flipAssumeTypes) => {
            let memoText = '';
            const modules = new Map<string, ValidatorModuleCode>();
            let set: SetModel = first;
            for (const [n, edits] of [[], ...runs].entries()) {
              set = edits.reduce(applyEdit, set);
              const options = { ...VALIDATOR_OPTIONS, assumeTypes: flipAssumeTypes && n % 2 === 1 };
              const folder = join(dir, 'schemas');
              await rm(folder, { recursive: true, force: true });
              await mkdir(folder);
              for (const [file, text] of Object.entries(renderSet(set))) await writeFile(join(folder, file), text);
              const { graph, model, errors } = await validatorInputs(dir, [folder], [], set.defaultDialect);

              const memo = KeyMemo.fromFileText(memoText, TOOL);
              const memoized = moduleKeysOf(graph, model, options, memo);
              expect(memoized).toEqual(moduleKeysOf(graph, model, options));
              checked++;
              reused += memo.reused;

              // A set the pipeline would compile: the modules too, the cache's and the memo's against none.
              if (errors.length === 0) {
                const withCache = await compileValidators(graph, model, options, new MemoryValidatorCache(new Map(modules), KeyMemo.fromFileText(memoText, TOOL)));
                const fresh = await compileValidators(graph, model, options);
                expect(withCache.modules.map(moduleText)).toEqual(fresh.modules.map(moduleText));
                expect(withCache.diagnostics).toEqual(fresh.diagnostics);
                for (const { type, exportName: _, ...code } of fresh.modules) modules.set(memoized.keys[`${type.location.doc.displayPath}#${type.location.pointer}`]!, code);
                compared++;
              }
              memoText = memo.toFileText(TOOL);
            }
          }),
          { seed: settings.seed, numRuns: settings.runs, ...(settings.path ? { path: settings.path } : {}) },
        );
        // Not vacuous: runs were compared, modules compiled, and the memo answered lookups.
        expect(checked).toBeGreaterThanOrEqual(settings.runs * 2);
        expect(compared).toBeGreaterThan(checked / 3);
        expect(reused).toBeGreaterThan(checked);
      }),
    10 * 60_000,
  );
});
