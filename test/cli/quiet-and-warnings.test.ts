import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCliCaptured } from '../helpers/cli.js';
import { withTempDir } from '../helpers/temp-dir.js';

/** Two warnings (a misspelt keyword, twice) and an implied type. */
async function warnedProject(dir: string, config?: object): Promise<void> {
  await mkdir(join(dir, 'schemas'));
  await writeFile(join(dir, 'schemas', 'a.json'), JSON.stringify({ title: 'A', type: 'object', properties: { x: { type: 'string', minLenght: 1 }, y: { type: 'string', maxLenght: 2 } } }));
  if (config) await writeFile(join(dir, 'schema-gen.config.json'), JSON.stringify(config));
}

describe('-q and the warnings setting', () => {
  it('-q prints no warning, only how many there were; a successful run says nothing else', async () => {
    await withTempDir(async (dir) => {
      await warnedProject(dir);
      const loud = await runCliCaptured([], dir);
      expect(loud.stderr.match(/^warning in /gm)).toHaveLength(2);
      const quiet = await runCliCaptured(['-q'], dir);
      expect(quiet.code).toBe(0);
      expect(quiet.stderr).toBe('schema-gen: 2 warnings not shown (-q)\n');
      expect(quiet.stdout).toBe('');
    });
  });

  it('-q still prints every error', async () => {
    await withTempDir(async (dir) => {
      await warnedProject(dir);
      await writeFile(join(dir, 'schemas', 'b.json'), JSON.stringify({ title: 'B', properties: { z: { $ref: '#/nowhere' } } }));
      const quiet = await runCliCaptured(['-q'], dir);
      expect(quiet.code).toBe(2);
      expect(quiet.stderr).toContain('error in schemas/b.json');
      expect(quiet.stderr).not.toContain('warning in');
      expect(quiet.stderr).toContain('warnings not shown (-q)');
    });
  });

  it('"warnings": a class turned off is neither shown nor counted; one turned into an error stops the run before it writes', async () => {
    await withTempDir(async (dir) => {
      await warnedProject(dir, { warnings: { 'unknown-keyword': 'off' } });
      const off = await runCliCaptured([], dir);
      expect(off.code).toBe(0);
      expect(off.stderr).not.toContain('unknown keyword');
      expect((await runCliCaptured(['-q'], dir)).stderr).toBe('');

      await writeFile(join(dir, 'schema-gen.config.json'), JSON.stringify({ out: 'strict', warnings: { 'unknown-keyword': 'error' } }));
      const strict = await runCliCaptured([], dir);
      expect(strict.code).toBe(2);
      expect(strict.stderr).toContain('error in schemas/a.json:1:');
      expect(strict.stderr).toContain('unknown keyword "minLenght" is ignored');
      expect(strict.stderr).toContain('schema-gen: 2 errors; nothing was written');
      expect(existsSync(join(dir, 'strict'))).toBe(false);
    });
  });
});
