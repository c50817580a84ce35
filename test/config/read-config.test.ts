import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findConfigFile } from '../../src/config/find-config.js';
import { readConfig } from '../../src/config/read-config.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { withTempDir } from '../helpers/temp-dir.js';

describe('config files of every kind', () => {
  it('YAML: problems at their line and column; __proto__ is an unknown setting', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'schema-gen.config.yml'), 'inputs: [schemas]\n__proto__: {}\nmodule: amd\n');
      const read = await readConfig(join(dir, 'schema-gen.config.yml'));
      expect(Array.isArray(read) && read.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
        'schema-gen.config.yml:2:1 unknown setting "__proto__"',
        'schema-gen.config.yml:3:1 "module" must be "esm" or "cjs"',
      ]);
    });
  });

  it('package.json: the "schema-gen" key, with places inside package.json', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'package.json'), '{\n  "name": "app",\n  "schema-gen": {\n    "inputs": ["api"],\n    "out": 3\n  }\n}\n');
      const read = await readConfig(join(dir, 'package.json'));
      expect(Array.isArray(read) && read.map((d) => `${d.file}:${d.line}:${d.column} at ${d.pointer}: ${d.message}`)).toEqual(['package.json:5:5 at /schema-gen/out: "out" must be a string']);

      await writeFile(join(dir, 'package.json'), '{\n  "name": "app",\n  "schema-gen": {\n    "names": { "api/a.json": "A" }\n  }\n}\n');
      const good = await readConfig(join(dir, 'package.json'));
      if (Array.isArray(good)) throw new Error(JSON.stringify(good));
      expect(good.config).toEqual({ names: { 'api/a.json': 'A' } });
      expect(good.folder).toBe(dir);
      expect(good.placeOf('/names/api~1a.json')).toEqual({ file: 'package.json', pointer: '/schema-gen/names/api~1a.json', line: 4, column: 16 });
    });
  });

  it('schema-gen.config.mjs: the default export, checked like data (defineConfig only types it)', async () => {
    await withTempDir(async (dir) => {
      const dist = pathToFileURL(join(REPO_ROOT, 'dist', 'index.js')).href;
      await writeFile(join(dir, 'schema-gen.config.mjs'), `import { defineConfig } from ${JSON.stringify(dist)};\nexport default defineConfig({ inputs: ['api'], targets: { a: { out: 'a' } } });\n`);
      const read = await readConfig(join(dir, 'schema-gen.config.mjs'));
      if (Array.isArray(read)) throw new Error(JSON.stringify(read));
      expect(read.config).toEqual({ inputs: ['api'], targets: { a: { out: 'a' } } });

      // One file name per case: the test runner's module registry keeps what it imported once.
      await writeFile(join(dir, 'bad.mjs'), 'export default { inputs: "api" };\n');
      const bad = await readConfig(join(dir, 'bad.mjs'));
      expect(Array.isArray(bad) && bad.map((d) => `${d.file} at ${d.pointer}: ${d.message}`)).toEqual(['bad.mjs at /inputs: "inputs" must be an array']);

      await writeFile(join(dir, 'no-default.mjs'), 'export const inputs = [];\n');
      const noDefault = await readConfig(join(dir, 'no-default.mjs'));
      expect(Array.isArray(noDefault) && noDefault[0]!.message).toBe('the config module has no default export');

      await writeFile(join(dir, 'broken.mjs'), 'export default {;\n');
      const broken = await readConfig(join(dir, 'broken.mjs'));
      expect(Array.isArray(broken) && broken[0]!.message).toMatch(/^the config module failed to load: /);
    });
  });

  it('schema-gen.config.js is found and read like .mjs (here an ES module, under "type": "module")', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'package.json'), '{"type": "module"}\n');
      await writeFile(join(dir, 'schema-gen.config.js'), "export default { inputs: ['api'] };\n");
      expect(findConfigFile(dir)).toEqual({ path: join(dir, 'schema-gen.config.js') });
      const read = await readConfig(join(dir, 'schema-gen.config.js'));
      if (Array.isArray(read)) throw new Error(JSON.stringify(read));
      expect(read.config).toEqual({ inputs: ['api'] });
    });
  });

  it('a missing file and a file that does not parse', async () => {
    await withTempDir(async (dir) => {
      const missing = await readConfig(join(dir, 'nope.json'));
      expect(Array.isArray(missing) && missing[0]).toMatchObject({ code: 'config-not-found', file: 'nope.json' });
      await writeFile(join(dir, 'schema-gen.config.json'), '{\n  "inputs": [\n}\n');
      const broken = await readConfig(join(dir, 'schema-gen.config.json'));
      expect(Array.isArray(broken) && broken[0]).toMatchObject({ code: 'syntax-error', file: 'schema-gen.config.json', line: 3 });
    });
  });
});
