import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths.js';
import { withTempDir } from '../helpers/temp-dir.js';

const BIN = join(REPO_ROOT, 'bin', 'schema-gen.js');

/**
 * Runs the real CLI with its stdout a pipe whose reading end we close before it writes,
 * as `schema-gen --help | head -1` does once head has its line: every write then fails
 * with EPIPE.
 */
function runWithClosedStdout(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe('output into a closed pipe', () => {
  it('--help exits quietly: no stack trace, exit 0', async () => {
    const run = await runWithClosedStdout(['--help'], REPO_ROOT);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it("a --json report exits quietly with the run's own exit code, and the run completes", async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      await writeFile(join(dir, 'schemas', 'a.json'), JSON.stringify({ title: 'A', type: 'string' }));
      const ok = await runWithClosedStdout(['--json', '--types-only'], dir);
      expect(ok.stderr).toBe('');
      expect(ok.code).toBe(0);
      expect(await readFile(join(dir, 'generated', 'types', 'A.d.ts'), 'utf8')).toContain('export type A = string;');

      await writeFile(join(dir, 'schemas', 'b.json'), JSON.stringify({ title: 'B', $ref: '#/components/schemas/Nope' }));
      const failed = await runWithClosedStdout(['--json', '--types-only'], dir);
      expect(failed.stderr).toBe('');
      expect(failed.code).toBe(2);
    });
  });
});
