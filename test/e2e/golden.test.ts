import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate, type GenerateOptions } from '../../src/index.js';
import { FIXTURES } from '../helpers/paths.js';

/**
 * Each test/fixtures/<case>/ holds input/ (schemas), expected/ (the output, checked in
 * and reviewed like code) and optionally options.json. `npm run golden:update` rewrites
 * expected/ after an intended change.
 */
const cases = readdirSync(FIXTURES)
  .filter((name) => existsSync(join(FIXTURES, name, 'input')))
  .sort();

describe('golden output', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s: expected/ is exactly what schema-gen writes for input/', async (name) => {
    const dir = join(FIXTURES, name);
    const optionsFile = join(dir, 'options.json');
    const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as GenerateOptions) : {};
    const report = await generate({ ...options, cwd: dir, inputs: ['input'], outDir: 'expected', check: true });
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.diff).toBe('');
    expect(report.status).toBe('up-to-date');
  });
});
