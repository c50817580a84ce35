import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { runCliCaptured } from '../helpers/cli.js';
import { readTree } from '../helpers/read-tree.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { withTempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const DIST = join(REPO_ROOT, 'dist');

/** A small schema set that takes every stage: a ref between files, HTML descriptions, a validator. */
async function writeSchemas(dir: string): Promise<void> {
  await mkdir(join(dir, 'schemas'));
  await writeFile(
    join(dir, 'schemas', 'user-pools-user-type-schema.json'),
    JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'UserType',
      description: '<p>A user profile in a <code>UserPool</code>.</p>',
      type: 'object',
      properties: { Username: { $ref: '#/components/schemas/UsernameType' }, Enabled: { type: 'boolean' } },
    }),
  );
  await writeFile(
    join(dir, 'schemas', 'user-pools-username-type-schema.json'),
    JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'UsernameType', type: 'string', minLength: 1, maxLength: 128 }),
  );
}

/** An ES module loader hook that writes the URL of every module it loads to the file $LOADED. */
async function writeLoadRecorder(dir: string): Promise<string> {
  await writeFile(
    join(dir, 'hooks.mjs'),
    "import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  appendFileSync(process.env.LOADED, url + '\\n');\n  return next(url, context);\n}\n",
  );
  const register = join(dir, 'register.mjs');
  await writeFile(register, "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
  return register;
}

describe('the package as built (dist/)', () => {
  it('runs the CLI from dist/bundle/ alone, and writes what the sources write', () =>
    withTempDir(async (dir) => {
      await writeSchemas(dir);
      const register = await writeLoadRecorder(dir);
      const loaded = join(dir, 'loaded.txt');
      await run(process.execPath, ['--import', pathToFileURL(register).href, join(REPO_ROOT, 'bin', 'schema-gen.js'), 'schemas', '-o', 'built', '--no-cache'], {
        cwd: dir,
        env: { ...process.env, LOADED: loaded, NO_COLOR: '1' },
      });
      const ours = (await readFile(loaded, 'utf8'))
        .split('\n')
        .filter((url) => url.startsWith(pathToFileURL(DIST).href + '/'))
        .map((url) => url.slice(pathToFileURL(DIST).href.length + 1));
      // The whole pipeline ran (so its chunks were loaded), and none of it from the unbundled tree.
      expect(ours.filter((path) => !path.startsWith('bundle/'))).toEqual([]);
      expect(ours).toContain('bundle/cli.js');
      expect(ours.length).toBeGreaterThan(3);
      expect(ours.length).toBeLessThanOrEqual(25);

      const fromSources = await runCliCaptured(['schemas', '-o', 'sources', '--no-cache'], dir);
      expect(fromSources.code).toBe(0);
      const built = await readTree(join(dir, 'built'));
      expect([...built.keys()]).toContain('types/UserType.d.ts');
      expect(built).toEqual(await readTree(join(dir, 'sources')));
    }));

  it("serves generate() through the package's export", () =>
    withTempDir(async (dir) => {
      await writeSchemas(dir);
      await mkdir(join(dir, 'node_modules'));
      await symlink(REPO_ROOT, join(dir, 'node_modules', 'schema-gen'), 'dir');
      const script = "import { generate } from 'schema-gen';\nconst report = await generate({ inputs: ['schemas'], outDir: 'out' });\nconsole.log(JSON.stringify(report.written.length));\n";
      const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: dir });
      expect(Number(stdout.trim())).toBeGreaterThan(4);
      expect([...(await readTree(join(dir, 'out'))).keys()]).toContain('validators/UserType.js');
    }));

  it('carries the licence of every package its bundle holds', async () => {
    const folder = join(DIST, 'bundle');
    const files = (await readdir(folder)).filter((name) => /\.c?js$/.test(name));
    const bundled = new Set<string>();
    // esbuild names each bundled file by its path: `// node_modules/<package>/…`.
    for (const file of files) for (const [, name] of (await readFile(join(folder, file), 'utf8')).matchAll(/^\/\/ node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) bundled.add(name!);
    expect(bundled.size).toBeGreaterThan(0);
    const licences = await readFile(join(folder, 'THIRD_PARTY_LICENSES.txt'), 'utf8');
    for (const name of bundled) expect(licences).toMatch(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}@\\d+\\.\\d+\\.\\d+ \\(`, 'm'));
  });
});
