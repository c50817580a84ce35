import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCliCaptured } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/paths.js';
import { writeSchemas } from '../helpers/template-set.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { targetCache } from '../helpers/target-cache.js';

const SEED_INPUT = join(FIXTURES, 'admin-initiate-auth-response', 'input');

describe('CLI options', () => {
  it('--help explains every option, with examples and exit codes', async () => {
    const run = await runCliCaptured(['--help'], process.cwd());
    expect(run.code).toBe(0);
    for (const flag of ['--out', '--components', '--config', '--target', '--check', '--force', '--templates', '--formats', '--first-error', '--print-inputs', '--json', '--reporter']) {
      expect(run.stdout).toContain(flag);
    }
    expect(run.stdout).toContain('.schema-gen-manifest.json');
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain('Exit codes: 0 done, 1 --check found stale output, 2 bad input');
  });

  it('accepts "generate" as an explicit command, inputs as files or globs, and -o', async () => {
    await withTempDir(async (dir) => {
      await cp(SEED_INPUT, join(dir, 'api'), { recursive: true });
      const run = await runCliCaptured(['generate', 'api/session-type.json', 'api/*-name-type.json', '-o', 'out'], dir);
      expect(run.code).toBe(0);
      expect((await readdir(join(dir, 'out', 'types'))).sort()).toEqual(['ChallengeNameType.d.ts', 'SessionType.d.ts']);
    });
  });

  it('--components answers #/components/schemas refs no input answers, generating only what is reached', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      await writeFile(join(dir, 'schemas', 'order.json'), JSON.stringify({ title: 'Order', type: 'object', properties: { status: { $ref: '#/components/schemas/Status' } } }));
      await writeFile(
        join(dir, 'api.yml'),
        ['openapi: 3.0.0', 'components:', '  schemas:', '    Status:', '      type: string', '      enum: [open, closed]', '    Unused:', '      type: string', ''].join('\n'),
      );
      const withoutComponents = await runCliCaptured([], dir);
      expect(withoutComponents.code).toBe(2);

      const run = await runCliCaptured(['--components', 'api.yml'], dir);
      expect(run.code).toBe(0);
      expect((await readdir(join(dir, 'generated', 'types'))).sort()).toEqual(['Order.d.ts', 'Status.d.ts']);
      expect(await readFile(join(dir, 'generated', 'types', 'Status.d.ts'), 'utf8')).toContain('export type Status = "open" | "closed";');
      expect(await readFile(join(dir, 'generated', 'types', 'Order.d.ts'), 'utf8')).toContain("import type { Status } from './Status.js';");
    });
  });

  it('reads schema-gen.config.json (paths relative to it); flags override it', async () => {
    await withTempDir(async (dir) => {
      await cp(SEED_INPUT, join(dir, 'api', 'schemas'), { recursive: true });
      await writeFile(join(dir, 'schema-gen.config.json'), JSON.stringify({ inputs: ['api/schemas/session-type.json'], out: 'src/api' }));
      expect((await runCliCaptured([], dir)).code).toBe(0);
      expect(await readdir(join(dir, 'src', 'api', 'types'))).toEqual(['SessionType.d.ts']);

      expect((await runCliCaptured(['-o', 'other'], dir)).code).toBe(0);
      expect(await readdir(join(dir, 'other', 'types'))).toEqual(['SessionType.d.ts']);
    });
  });

  it.each(['schema-gen.config.yml', 'schema-gen.config.yaml'])('finds %s; two configs in one folder are an error naming both, unless -c picks one', (name) =>
    withTempDir(async (dir) => {
      await cp(SEED_INPUT, join(dir, 'api'), { recursive: true });
      await writeFile(join(dir, name), 'inputs: [api/session-type.json]\nout: from-yaml\n');
      await mkdir(join(dir, 'sub'));
      expect((await runCliCaptured(['-q'], join(dir, 'sub'))).code).toBe(0);
      expect(await readdir(join(dir, 'from-yaml', 'types'))).toEqual(['SessionType.d.ts']);

      await writeFile(join(dir, 'schema-gen.config.json'), JSON.stringify({ inputs: ['api/session-type.json'], out: 'from-json' }));
      const both = await runCliCaptured([], dir);
      expect(both.code).toBe(2);
      expect(both.stderr).toContain(`2 config files in one folder: schema-gen.config.json, ${name}`);
      // Shown from where the command runs, as every path in messages is.
      expect((await runCliCaptured([], join(dir, 'sub'))).stderr).toContain(`2 config files in one folder: ../schema-gen.config.json, ../${name}`);
      expect(existsSync(join(dir, 'from-json'))).toBe(false);
      expect((await runCliCaptured(['-q', '-c', 'schema-gen.config.json'], dir)).code).toBe(0);
      expect(existsSync(join(dir, 'from-json'))).toBe(true);
    }),
  );

  it('a bad config file is an error naming the setting, line and column', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'schema-gen.config.json'), '{\n  "inputs": ["schemas"],\n  "output": "gen",\n  "formats": "strict",\n  "bundle": "yes"\n}\n');
      const run = await runCliCaptured([], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('error in schema-gen.config.json:3:3 at /output: unknown setting "output"');
      expect(run.stderr).toContain('error in schema-gen.config.json:4:3 at /formats: "formats" must be "assert" or "annotate"');
      expect(run.stderr).toContain('error in schema-gen.config.json:5:3 at /bundle: "bundle" must be true or false');
    });
  });

  it('unicodePatterns: --unicode-patterns and the config key; "require" makes a pattern valid only without u an error', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      await writeFile(join(dir, 'schemas', 'runtime.json'), JSON.stringify({ title: 'Runtime', type: 'string', pattern: 'guard\\-2\\.x\\.x' }));
      const fallback = await runCliCaptured(['-o', 'fallback'], dir);
      expect(fallback.code).toBe(0);
      expect(fallback.stderr).toContain('warning in schemas/runtime.json:1:36 at /pattern: this pattern is valid only without the u flag');
      const flag = await runCliCaptured(['--unicode-patterns', 'require', '-o', 'flag'], dir);
      expect(flag.code).toBe(2);
      expect(flag.stderr).toContain('error in schemas/runtime.json:1:36 at /pattern: this pattern is valid only without the u flag');
      await writeFile(join(dir, 'schema-gen.config.json'), JSON.stringify({ unicodePatterns: 'require', out: 'config' }));
      expect((await runCliCaptured([], dir)).code).toBe(2);
      expect((await runCliCaptured(['--unicode-patterns', 'fallback'], dir)).code).toBe(0);
      await writeFile(join(dir, 'schema-gen.config.json'), JSON.stringify({ unicodePatterns: 'strict' }));
      expect((await runCliCaptured([], dir)).stderr).toContain('"unicodePatterns" must be "fallback" or "require"');
    });
  });

  it('--templates replaces a default template by the file of the same name', async () => {
    await withTempDir(async (dir) => {
      await cp(SEED_INPUT, join(dir, 'schemas'), { recursive: true });
      await mkdir(join(dir, 'tpl'));
      await writeFile(join(dir, 'tpl', 'banner.mustache'), '// ACME API types ({{source}}): generated, do not edit.\n');
      expect((await runCliCaptured(['--templates', 'tpl'], dir)).code).toBe(0);
      const text = await readFile(join(dir, 'generated', 'types', 'SessionType.d.ts'), 'utf8');
      expect(text.split('\n')[0]).toBe('// ACME API types (schemas/session-type.json): generated, do not edit.');
    });
  });

  it('--json prints the report', async () => {
    await withTempDir(async (dir) => {
      await cp(SEED_INPUT, join(dir, 'schemas'), { recursive: true });
      const run = await runCliCaptured(['--json'], dir);
      const report = JSON.parse(run.stdout) as { status: string; typeCount: number; written: string[] };
      expect(report.status).toBe('written');
      expect(report.typeCount).toBe(10);
      expect(report.written).toContain('types/AdminInitiateAuthResponse.d.ts');
    });
  });

  it('--types-only compiles no validator: a schema ajv cannot compile still gets its type, and no validator reaches the cache', async () => {
    await withTempDir(async (dir) => {
      // With node_modules in the working folder, compiled validators are kept in node_modules/.cache/schema-gen/targets/<output folder>/.
      await mkdir(join(dir, 'node_modules'));
      const validatorCache = (outDir: string) => targetCache(dir, 'validators.json', outDir);
      await writeSchemas(dir, { 'name.json': { title: 'Name', type: 'string', minLength: 1 }, 'never.json': { title: 'Never', enum: [] } });
      const typesOnly = await runCliCaptured(['--types-only', '--json'], dir);
      expect(typesOnly.code).toBe(0);
      const report = JSON.parse(typesOnly.stdout) as { written: string[]; validatorsReused: number };
      expect(report.written).toEqual(['.schema-gen-manifest.json', 'index.d.ts', 'types/Name.d.ts', 'types/Never.d.ts']);
      expect(report.validatorsReused).toBe(0);
      expect(await readFile(join(dir, 'generated', 'types', 'Never.d.ts'), 'utf8')).toContain('export type Never = never;');
      expect(existsSync(validatorCache('generated'))).toBe(false);

      // The same schemas with validators: the empty enum stops the run, since ajv cannot compile it...
      const withValidators = await runCliCaptured(['--no-cache', '-o', 'full'], dir);
      expect(withValidators.code).toBe(2);
      expect(withValidators.stderr).toContain('ajv cannot compile it');
      // ...and without it, a run with validators fills its output folder's cache.
      await rm(join(dir, 'schemas', 'never.json'));
      expect((await runCliCaptured(['-q', '-o', 'full'], dir)).code).toBe(0);
      expect(Object.keys(JSON.parse(await readFile(validatorCache('full'), 'utf8')) as object)).toHaveLength(1);
    });
  });
});

describe('--bundle', () => {
  it('writes bundle.js with every validator in one module, which loads on its own', async () => {
    await withTempDir(async (dir) => {
      await cp(SEED_INPUT, join(dir, 'schemas'), { recursive: true });
      expect((await runCliCaptured(['--bundle'], dir)).code).toBe(0);
      const bundle = await readFile(join(dir, 'generated', 'bundle.js'), 'utf8');
      expect(bundle).not.toMatch(/^import /m);
      const loaded = (await import(pathToFileURL(join(dir, 'generated', 'bundle.js')).href)) as Record<string, (d: unknown) => boolean>;
      expect(loaded.validateAdminInitiateAuthResponse!({ ChallengeName: 'SMS_MFA' })).toBe(true);
      expect(loaded.validateAdminInitiateAuthResponse!({ ChallengeName: 'NOPE' })).toBe(false);
      expect(await readFile(join(dir, 'generated', 'bundle.d.ts'), 'utf8')).toContain("export * from './index.js';");
      expect((await runCliCaptured(['--bundle', '--check'], dir)).code).toBe(0);
    });
  });
});

describe('a project folder as input', () => {
  it('skips node_modules, the output folder and project files (package.json, tsconfig)', async () => {
    await withTempDir(async (dir) => {
      await cp(SEED_INPUT, join(dir, 'schemas'), { recursive: true });
      await mkdir(join(dir, 'node_modules', 'dep'), { recursive: true });
      await writeFile(join(dir, 'node_modules', 'dep', 'package.json'), '{"name": "dep", "type": "module"}');
      await writeFile(join(dir, 'package.json'), '{"name": "app", "type": "module"}');
      await writeFile(join(dir, 'tsconfig.json'), '{"compilerOptions": {"strict": true}}');
      expect((await runCliCaptured(['.'], dir)).code).toBe(0);
      const again = await runCliCaptured(['.'], dir);
      expect(again.code).toBe(0);
      expect(again.stderr).toMatch(/10 types → generated\/ is up to date/);
      expect(again.stderr).toContain('skipped 2 files that hold no JSON Schema (no schema keyword at the root): package.json, tsconfig.json');
    });
  });

  it('a schema named package.json or tsconfig.json (as in public catalogues) is read; a project manifest beside it is not', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      const schema = (title: string) => JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', title, type: 'object', properties: { name: { type: 'string' } } });
      await writeFile(join(dir, 'schemas', 'package.json'), schema('JSON schema for NPM package.json files'));
      await writeFile(join(dir, 'schemas', 'tsconfig.json'), schema('JSON schema for the TypeScript compiler configuration file'));
      await writeFile(join(dir, 'schemas', 'workflow.yml'), 'name: CI\non: [push]\njobs: {}\n');
      const run = await runCliCaptured([], dir);
      expect(run.code).toBe(0);
      expect((await readdir(join(dir, 'generated', 'types'))).sort()).toEqual(['JSONSchemaForNPMPackageJsonFiles.d.ts', 'JSONSchemaForTheTypeScriptCompilerConfigurationFile.d.ts']);
      expect(run.stderr).toContain('skipped 1 file that holds no JSON Schema (no schema keyword at the root): schemas/workflow.yml');
    });
  });
});
