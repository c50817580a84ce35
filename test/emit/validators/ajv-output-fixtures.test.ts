import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AJV_OUTPUT, currentOutputs, savedCases, savedOutputs } from '../../helpers/ajv-output.js';

// The step tests run on saved real ajv outputs. If the pinned ajv (or ajv-formats) no
// longer writes exactly these, the steps were tested against something else: this fails
// until `npm run ajv-output:update` has saved the new outputs and the diff is reviewed.
describe('saved ajv outputs (test/fixtures/ajv-output)', () => {
  it('cover several cases', () => {
    expect(savedCases().length).toBeGreaterThanOrEqual(4);
  });

  it.each(savedCases())('%s: are what the pinned ajv writes today', async (caseName) => {
    const saved = savedOutputs(caseName);
    const current = await currentOutputs(caseName);
    expect(current.map((o) => o.typeName)).toEqual([...saved.keys()]);
    for (const { typeName, code, settingsJson } of current) {
      const where = join(AJV_OUTPUT, caseName, 'output', typeName);
      if (code !== saved.get(typeName)!.code) throw new Error(`${where}.js is not what ajv writes now: run \`npm run ajv-output:update\` and review the steps`);
      expect(settingsJson).toBe(readFileSync(`${where}.settings.json`, 'utf8'));
    }
  });
});
