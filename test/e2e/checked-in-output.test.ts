import { join } from 'node:path';
import { generate } from '../../src/index.js';
import { REPO_ROOT } from '../helpers/paths.js';

describe('checked-in generated/', () => {
  it('is exactly what schema-gen writes for schemas/ today', async () => {
    const report = await generate({ cwd: REPO_ROOT, check: true });
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // A stale file shows up in the diff; print it so the failure says what changed.
    expect(report.diff).toBe('');
    expect(report.status).toBe('up-to-date');
    expect(report.outDir).toBe(join(REPO_ROOT, 'generated'));
  });
});
