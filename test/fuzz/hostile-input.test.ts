import { checkProperty } from './support/check-property.js';
import { fuzzSettings, fuzzTimeoutMs } from './support/config.js';
import { checkHostileCase, hostileCases, hostileTotals as totals, recheckHostile } from './properties/hostile-input.js';

// Issue 8's acceptance property; what it checks is described in properties/hostile-input.ts.
const settings = fuzzSettings(30);

describe('hostile input never breaks the tool (property, issue 8)', () => {
  afterAll(() => {
    console.log(
      `hostile-input fuzz (seed ${settings.seed}, ${settings.runs} runs): ${totals.runs} batches checked (shrinking included), ${totals.sets} schema sets: ` +
        `${totals.generated} generated, ${totals.refused} refused (exit 2) ${JSON.stringify(totals.refusedBy)}; ${totals.cliRuns} CLI runs; ${totals.modulesImported} modules imported, ${totals.validatorCalls} validator calls`,
    );
  });

  it(
    'exits 0 or 2; exit 0 output compiles and imports inertly; exit 2 names files and leaves the output alone',
    async () => {
      await checkProperty(settings, {
        name: 'hostile input',
        replayCommand: 'npm run fuzz:replay -- test/fuzz/hostile-input.test.ts',
        arbitrary: hostileCases,
        check: checkHostileCase,
        recheck: recheckHostile,
        shrinkBudget: 30,
        minimizeBudget: 60,
      });
      // Not vacuous: most sets were really generated, compiled and imported (a tool that
      // refused everything would pass the checks above).
      if (!settings.path) expect(totals.generated).toBeGreaterThan(totals.sets * 0.5);
    },
    fuzzTimeoutMs(settings, 15_000),
  );
});
