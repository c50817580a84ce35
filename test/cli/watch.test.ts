import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { FIXTURES } from '../helpers/paths.js';
import { withTempDir } from '../helpers/temp-dir.js';

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('schema-gen --watch', () => {
  it('regenerates when a schema changes, and stops when told to', async () => {
    await withTempDir(async (dir) => {
      await cp(join(FIXTURES, 'admin-initiate-auth-response', 'input'), join(dir, 'schemas'), { recursive: true });
      const stop = new AbortController();
      const lines: string[] = [];
      const printer = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
      const running = runCli(['--watch'], printer, dir, stop.signal);
      await waitFor(async () => lines.some((l) => l.includes('watching for changes')), 'the watcher');

      const schemaFile = join(dir, 'schemas', 'session-type.json');
      await writeFile(schemaFile, (await readFile(schemaFile, 'utf8')).replace('"maxLength": 2048', '"maxLength": 4096'));
      const typeFile = join(dir, 'generated', 'types', 'SessionType.d.ts');
      await waitFor(async () => (await readFile(typeFile, 'utf8')).includes('@maxLength 4096'), 'regeneration');

      stop.abort();
      expect(await running).toBe(0);
      expect(lines.filter((l) => l.includes('written')).length).toBeGreaterThanOrEqual(2);
    });
  });
});
