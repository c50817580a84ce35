import { existsSync, readFileSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { runCliCaptured } from '../helpers/cli.js';
import { FIXTURES, REPO_ROOT } from '../helpers/paths.js';
import { writeSchemas, writeTemplateSet } from '../helpers/template-set.js';
import { snapshotTree } from '../helpers/tree-snapshot.js';
import { withTempDir } from '../helpers/temp-dir.js';

const MANIFEST = '.schema-gen-manifest.json';
/** Every generated file, byte for byte, and the manifest's list of them (its run record names the templates read, which differ by design). */
const output = (dir: string) => ({ files: snapshotTree(dir, [MANIFEST]), listed: (JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as { files: unknown }).files });

const SEED_INPUT = join(FIXTURES, 'admin-initiate-auth-response', 'input');
const withSeed = <T>(run: (dir: string) => Promise<T>) =>
  withTempDir(async (dir) => {
    await cp(SEED_INPUT, join(dir, 'schemas'), { recursive: true });
    return run(dir);
  });

describe('schema-gen templates eject', () => {
  it('copies the default set out, and generating with the copy gives the default output byte for byte', () =>
    withSeed(async (dir) => {
      expect((await runCliCaptured(['-q', '-o', 'default'], dir)).code).toBe(0);
      const eject = await runCliCaptured(['templates', 'eject', 'tmp/'], dir);
      expect(eject.code).toBe(0);
      expect(eject.stdout).toContain('copied the default template set (');
      expect(snapshotTree(join(dir, 'tmp'))).toEqual(snapshotTree(join(REPO_ROOT, 'templates')));
      expect((await runCliCaptured(['-q', '--templates', 'tmp/', '-o', 'ejected'], dir)).code).toBe(0);
      expect(output(join(dir, 'ejected'))).toEqual(output(join(dir, 'default')));
      // Byte for byte with --module cjs and --types-only too.
      for (const flags of [['--module', 'cjs'], ['--types-only']]) {
        expect((await runCliCaptured(['-q', ...flags, '-o', 'a'], dir)).code).toBe(0);
        expect((await runCliCaptured(['-q', ...flags, '--templates', 'tmp', '-o', 'b'], dir)).code).toBe(0);
        expect(output(join(dir, 'b'))).toEqual(output(join(dir, 'a')));
      }
    }));

  it('never overwrites files, unless told to', () =>
    withTempDir(async (dir) => {
      await writeTemplateSet(join(dir, 'templates'), undefined, { 'banner.mustache': '// mine\n' });
      const refused = await runCliCaptured(['templates', 'eject'], dir);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('error: 1 file of the default set already exists in templates: banner.mustache');
      expect(readFileSync(join(dir, 'templates', 'banner.mustache'), 'utf8')).toBe('// mine\n');
      expect(existsSync(join(dir, 'templates', 'templates.json'))).toBe(false);
      expect((await runCliCaptured(['templates', 'eject', '--force'], dir)).code).toBe(0);
      expect(readFileSync(join(dir, 'templates', 'banner.mustache'), 'utf8')).toBe(readFileSync(join(REPO_ROOT, 'templates', 'banner.mustache'), 'utf8'));
    }));
});

describe('schema-gen templates check', () => {
  it('lists what a good set writes, and exits 0', () =>
    withTempDir(async (dir) => {
      expect((await runCliCaptured(['templates', 'eject', 'set'], dir)).code).toBe(0);
      const run = await runCliCaptured(['templates', 'check', 'set'], dir);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/ type +per schema +types\/\{\{name\}\}\.d\.ts +set\/type\.d\.ts\.mustache\n/);
      expect(run.stdout).toContain('the template set set has 9 files and 1 partial, and no errors.');
    }));

  it('checks templates/ when no folder is named', () =>
    withTempDir(async (dir) => {
      expect((await runCliCaptured(['templates', 'eject'], dir)).code).toBe(0);
      const good = await runCliCaptured(['templates', 'check'], dir);
      expect(good.code).toBe(0);
      expect(good.stdout).toContain('the template set templates has 9 files and 1 partial, and no errors.');
      // Broken there, so the check fails: it really read templates/.
      await writeFile(join(dir, 'templates', 'banner.mustache'), '{{#unclosed}}\n');
      const broken = await runCliCaptured(['templates', 'check'], dir);
      expect(broken.code).toBe(2);
      expect(broken.stderr).toContain('error in templates/banner.mustache:1:1: invalid template: Unclosed section "unclosed"');
    }));

  it('finds every problem of a set without any schema, each with its file and line', () =>
    withTempDir(async (dir) => {
      await writeTemplateSet(
        join(dir, 'set'),
        {
          extends: 'default',
          files: {
            type: { path: 'types/{{name}}.ts' },
            copy: { template: 'copy.mustache', each: 'schema', path: 'TYPES/{{pascal name}}.ts' },
            up: { template: 'copy.mustache', each: 'schema', path: '../{{name}}.ts' },
          },
        },
        { 'type.d.ts.mustache': '{{> banner}}\n{{#schema}}\n{{{declaraton}}}\n{{/schema}}\n', 'copy.mustache': '{{#schema}}{{name}}\n' },
      );
      const run = await runCliCaptured(['templates', 'check', 'set'], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('error in set/templates.json:15:7 at /files/up/path: the path "../{{name}}.ts" would leave the output folder');
      expect(run.stderr).toContain('error in set/type.d.ts.mustache:3:1: unknown variable "declaraton"');
      expect(run.stderr).toContain('did you mean "declaration"?');
      expect(run.stderr).toContain('error in set/copy.mustache:1:1: invalid template: Unclosed section "schema"');
      expect(run.stderr).toContain('error in set/templates.json:10:7 at /files/copy/path: entries "type" (set/templates.json:5) and "copy" write the same path, "TYPES/{{pascal name}}.ts"');
      expect(run.stderr).toContain('the template set set has 4 errors.');
    }));
});

describe('a template set in a run', () => {
  const expectFailure = (run: { code: number; stderr: string }, dir: string, expected: string) => {
    expect(run.stderr).toContain(expected);
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(2);
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  };

  it('names a template that refers to an unknown variable, with its line, and writes nothing', () =>
    withSeed(async (dir) => {
      await writeTemplateSet(join(dir, 'tpl'), undefined, { 'validator.d.ts.mustache': '{{> banner}}\n{{#schema}}\nexport declare const {{validatorNmae}}: 1;\n{{/schema}}\n' });
      expectFailure(await runCliCaptured(['--templates', 'tpl'], dir), dir, 'error in tpl/validator.d.ts.mustache:3:22: unknown variable "validatorNmae"');
    }));

  it.each([
    ['../outside/{{name}}.ts', '2:54 at /files/t/path: the path "../outside/{{name}}.ts" would leave the output folder'],
    ['/etc/{{name}}.ts', '2:54 at /files/t/path: the path "/etc/{{name}}.ts" would leave the output folder'],
    ['types/{{name}}\u0000.ts', '2:54 at /files/t/path: a path may hold only letters, digits and ._-/@+ besides placeholders, not U+0000'],
    ['.schema-gen-manifest.json/{{name}}', '2:54 at /files/t/path: the path ".schema-gen-manifest.json/{{name}}" would leave the output folder or write its bookkeeping'],
  ])('refuses the path %j, naming the manifest and line', (path, expected) =>
    withSeed(async (dir) => {
      await writeTemplateSet(join(dir, 'tpl'), undefined, { 't.mustache': 'x\n' });
      await writeFile(join(dir, 'tpl', 'templates.json'), `{ "files": {\n  "t": { "template": "t.mustache", "each": "schema", "path": ${JSON.stringify(path)} }\n} }\n`);
      expectFailure(await runCliCaptured(['--templates', 'tpl'], dir), dir, `error in tpl/templates.json:${expected}`);
    }),
  );

  it('refuses two templates writing one path, naming both', () =>
    withSeed(async (dir) => {
      await writeTemplateSet(
        join(dir, 'tpl'),
        { extends: 'default', files: { docs: { template: 'docs.mustache', each: 'schema', path: 'types/{{camel name}}.d.ts' } } },
        { 'docs.mustache': '{{schema.name}}\n' },
      );
      expectFailure(
        await runCliCaptured(['--templates', 'tpl'], dir),
        dir,
        `error in tpl/templates.json:7:7 at /files/docs/path: entry "type" (${relativeDefaultManifest(dir)}:8, for AdminInitiateAuthResponse) and entry "docs" (for AdminInitiateAuthResponse) both write "types/adminInitiateAuthResponse.d.ts", and 9 more paths alike`,
      );
    }));

  it('refuses a file at bundle.js with --bundle', () =>
    withSeed(async (dir) => {
      await writeTemplateSet(join(dir, 'tpl'), { extends: 'default', files: { mine: { template: 'm.mustache', each: 'run', path: 'bundle.js' } } }, { 'm.mustache': '// mine\n' });
      expectFailure(await runCliCaptured(['--templates', 'tpl', '--bundle'], dir), dir, 'error in tpl/templates.json:7:7 at /files/mine/path: --bundle and entry "mine" both write "bundle.js"');
      // Types only: no validators, so no bundle, and the path is free.
      expect((await runCliCaptured(['-q', '--templates', 'tpl', '--bundle', '--types-only'], dir)).code).toBe(0);
      expect(readFileSync(join(dir, 'generated', 'bundle.js'), 'utf8')).toBe('// mine\n');
    }));

  it('names the line of an ES-module template that fails, and of a helper given what it refuses', () =>
    withSeed(async (dir) => {
      await writeTemplateSet(
        join(dir, 'tpl'),
        { extends: 'default', files: { js: { template: 'js.mjs', each: 'schema', path: 'js/{{name}}.ts' } } },
        { 'js.mjs': 'export default (view, h) => {\n  const { schema } = view;\n  return schema.doc.descripton.trim();\n};\n' },
      );
      expectFailure(
        await runCliCaptured(['--templates', 'tpl'], dir),
        dir,
        'error in tpl/js.mjs:3:21: the template failed: unknown variable "view.schema.doc.descripton" (view.schema.doc has comment, lines, description, summary',
      );
      // Each version in a file of its own: jest (unlike Node) reads a module's text once per test file.
      await writeTemplateSet(
        join(dir, 'tpl'),
        { extends: 'default', files: { js: { template: 'js2.mjs', each: 'schema', path: 'js/{{name}}.ts' } } },
        { 'js2.mjs': 'export default (view, h) => {\n  return h.identifier(`not ${"an"} id`);\n};\n' },
      );
      expectFailure(
        await runCliCaptured(['--templates', 'tpl'], dir),
        dir,
        'error in tpl/js2.mjs:2:12: the template failed: identifier: refusing to write "not an id" as an identifier in generated code',
      );
      await writeTemplateSet(join(dir, 'tpl'), { extends: 'default', files: { js: { template: 'js3.mjs', each: 'schema', path: 'js/{{name}}.ts' } } }, { 'js3.mjs': 'export default () => 42;\n' });
      expectFailure(await runCliCaptured(['--templates', 'tpl'], dir), dir, 'error in tpl/js3.mjs: the template failed: the template must return a string, not number');
      await writeTemplateSet(
        join(dir, 'tpl'),
        { extends: 'default', files: { js: { template: 'js4.mjs', each: 'schema', path: 'js/{{name}}.ts' } } },
        { 'js4.mjs': 'export default (view) => { view.schema.name = "x"; return ""; };\n' },
      );
      expectFailure(await runCliCaptured(['--templates', 'tpl'], dir), dir, 'error in tpl/js4.mjs:1:45: the template failed: the view is read-only (view.schema)');
      await writeFile(join(dir, 'tpl', 'docs.mustache'), 'one\n{{#schema}}{{#identifier}}{{sourceFile}}{{/identifier}}{{/schema}}\n');
      await writeFile(join(dir, 'tpl', 'templates.json'), JSON.stringify({ extends: 'default', files: { docs: { template: 'docs.mustache', each: 'schema', path: 'docs/{{name}}.md' } } }));
      expectFailure(
        await runCliCaptured(['--templates', 'tpl'], dir),
        dir,
        'error in tpl/docs.mustache:2:12: the template failed: identifier: refusing to write "schemas/admin-initiate-auth-response.json" as an identifier in generated code (and 9 more files failed there)',
      );
    }));

  it('compiles validators only when a template it writes uses them', () =>
    withTempDir(async (dir) => {
      // A validator for an empty enum would reject everything: an error, but only for runs that compile validators.
      await writeSchemas(dir, { 'never.json': { title: 'Never', enum: [] } });
      const withValidators = await runCliCaptured([], dir);
      expect(withValidators.code).toBe(2);
      expect(withValidators.stderr).toContain('empty');
      await writeTemplateSet(join(dir, 'tpl'), { files: { d: { template: 'd.mustache', each: 'schema', path: '{{name}}.d.ts' } } }, { 'd.mustache': '{{{schema.declaration}}}' });
      const typesAlone = await runCliCaptured(['--json', '--templates', 'tpl'], dir);
      expect(typesAlone.code).toBe(0);
      const report = JSON.parse(typesAlone.stdout) as { written: string[] };
      expect(report.written).toEqual(['.schema-gen-manifest.json', 'Never.d.ts']);
      expect(await readFile(join(dir, 'generated', 'Never.d.ts'), 'utf8')).toBe('export type Never = never;\n');
    }));

  it('refuses --bundle when the set writes no index.js', () =>
    withSeed(async (dir) => {
      await writeTemplateSet(join(dir, 'tpl'), { extends: 'default', files: { index: null } });
      expectFailure(await runCliCaptured(['--templates', 'tpl', '--bundle'], dir), dir, 'error in tpl: --bundle bundles index.js, which this template set does not write');
    }));
});

function relativeDefaultManifest(dir: string): string {
  return relative(dir, join(REPO_ROOT, 'templates', 'templates.json'));
}
