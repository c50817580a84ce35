import { checkProperty } from './support/check-property.js';
import { fuzzSettings, fuzzTimeoutMs } from './support/config.js';
import { checkDifferentialCase, differentialCases, differentialTotals as totals, recheckDifferential } from './properties/differential.js';

// Issue 9's acceptance property; what it checks is described in properties/differential.ts.
const settings = fuzzSettings(40);

describe('generated validators agree with ajv (differential property, issue 9)', () => {
  afterAll(() => {
    const count = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    console.log(
      `differential fuzz (seed ${settings.seed}, ${settings.runs} runs): ${totals.runs} batches checked (shrinking included), ${totals.sets} schema sets: ` +
        `${totals.compared} compared; ${count(totals.bothRefused)} refused by both ${JSON.stringify(Object.fromEntries(totals.bothRefused))}; ` +
        `${count(totals.onlyWeRefused)} refused by us only ${JSON.stringify(Object.fromEntries(totals.onlyWeRefused))}; ` +
        `${totals.instances} instances (${totals.valid} valid, ${totals.invalid} invalid; ${totals.ajvThrew} more where ajv itself threw)`,
    );
  });

  it(
    "gives ajv's verdict and error paths on random schemas with adversarial names and random data",
    async () => {
      await checkProperty(settings, {
        name: 'differential against ajv',
        replayCommand: 'npm run fuzz:replay -- test/fuzz/differential-ajv.test.ts',
        arbitrary: differentialCases,
        check: checkDifferentialCase,
        recheck: recheckDifferential,
        shrinkBudget: 60,
        minimizeBudget: 200,
      });
      if (settings.path) return;
      // Not vacuous: most sets were compared, on valid data and on invalid data.
      expect(totals.compared).toBeGreaterThan(totals.sets * 0.6);
      expect(totals.valid).toBeGreaterThan(totals.instances * 0.1);
      expect(totals.invalid).toBeGreaterThan(totals.instances * 0.1);
    },
    fuzzTimeoutMs(settings, 10_000),
  );
});
