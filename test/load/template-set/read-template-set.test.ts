import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTemplateSet } from '../../../src/load/template-set/index.js';
import { MANIFEST_SCHEMA_FILE } from '../../../src/load/template-set/manifest.js';
import { REPO_ROOT } from '../../helpers/paths.js';
import { writeTemplateSet } from '../../helpers/template-set.js';
import { withTempDir } from '../../helpers/temp-dir.js';

const read = async (dir: string) => readTemplateSet(join(dir, 'tpl'), dir);
const names = (set: Awaited<ReturnType<typeof readTemplateSet>>['set']) => set?.entries.map((e) => e.name);

describe('reading a template set', () => {
  it('checks manifests against the schema the package ships as schema-gen/templates.schema.json', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { files: string[] };
    expect(manifest.files).toContain('templates');
    const resolved = execFileSync(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('schema-gen/templates.schema.json'))"], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(fileURLToPath(resolved.trim())).toBe(MANIFEST_SCHEMA_FILE);
    expect((JSON.parse(readFileSync(MANIFEST_SCHEMA_FILE, 'utf8')) as { properties: object }).properties).toHaveProperty('files');
  });

  it('is the default set without a folder, each template with its engine and manifest place', async () => {
    const { set, diagnostics } = await readTemplateSet(undefined, process.cwd());
    expect(diagnostics).toEqual([]);
    expect(names(set)).toEqual(['type', 'validator', 'validator-types', 'index-types', 'index', 'errors', 'errors-types', 'runtime-helper', 'package']);
    expect(set!.entries.every((e) => e.template.engine === 'mustache')).toBe(true);
    expect([...set!.partials.keys()]).toEqual(['banner']);
  });

  it('replaces default templates by files of the same name in a folder without a manifest', () =>
    withTempDir(async (dir) => {
      await writeTemplateSet(join(dir, 'tpl'), undefined, { 'banner.mustache': '// ours\n', 'type.d.ts.mustache': '{{> banner}}\n' });
      const { set, diagnostics } = await read(dir);
      expect(diagnostics).toEqual([]);
      expect(set!.partials.get('banner')!.file).toBe('tpl/banner.mustache');
      expect(set!.entries.find((e) => e.name === 'type')!.template.file).toBe('tpl/type.d.ts.mustache');
      expect(set!.entries.find((e) => e.name === 'index')!.template.file).toMatch(/templates\/index\.js\.mustache$/);
    }));

  it('changes default entries field by field, drops them with null and adds new ones when it extends the defaults', () =>
    withTempDir(async (dir) => {
      await writeTemplateSet(
        join(dir, 'tpl'),
        { extends: 'default', files: { type: { path: 'types/{{kebab name}}.d.ts' }, index: null, docs: { template: 'docs.mjs', each: 'run', path: 'docs.md' } } },
        { 'docs.mjs': 'export default () => "# docs";\n' },
      );
      const { set, diagnostics } = await read(dir);
      expect(diagnostics).toEqual([]);
      expect(names(set)).not.toContain('index');
      expect(set!.entries.find((e) => e.name === 'type')).toMatchObject({ path: 'types/{{kebab name}}.d.ts', each: 'schema', template: { name: 'type.d.ts.mustache' } });
      const docs = set!.entries.find((e) => e.name === 'docs')!;
      expect(docs.template.engine).toBe('module');
      expect(docs.template.render!({}, {})).toBe('# docs');
    }));

  it('stands alone without "extends": only its own entries, only its own folder', () =>
    withTempDir(async (dir) => {
      await writeTemplateSet(join(dir, 'tpl'), { files: { all: { template: 'type.d.ts.mustache', each: 'run', path: 'all.d.ts' } } });
      const { diagnostics } = await read(dir);
      expect(diagnostics).toEqual([
        expect.objectContaining({
          code: 'template-not-found',
          message: 'the template "type.d.ts.mustache" does not exist in tpl',
          file: 'tpl/templates.json',
          pointer: '/files/all/template',
          line: 4,
          column: 7,
        }),
      ]);
    }));

  it('names each manifest problem with its line and column', () =>
    withTempDir(async (dir) => {
      const manifest = {
        extend: 'default',
        files: {
          a: { template: 'a.txt', each: 'schema', path: 'a/{{name}}' },
          b: { template: 'b.mustache', each: 'file', path: 'b' },
          'c d': { template: '../c.mustache', each: 'run', path: 'c', validator: true },
          e: 3,
          f: { each: 'run', path: 'f' },
        },
      };
      await writeTemplateSet(join(dir, 'tpl'), manifest);
      const { diagnostics } = await read(dir);
      const shown = diagnostics.map((d) => `${d.line}:${d.column} ${d.pointer} ${d.message}`);
      expect(shown).toEqual([
        '2:3 /extend unknown field "extend"',
        expect.stringMatching(/^5:7 \/files\/a\/template must name a \.mustache, \.mjs or \.js file inside the set's folder/),
        '11:7 /files/b/each must be one of "schema", "run", "runtimeHelper"',
        '14:5 /files/c d the name "c d" may hold only letters, digits and "-", starting with a letter',
        expect.stringMatching(/^15:7 \/files\/c d\/template must name/),
        '18:7 /files/c d/validator unknown field "validator"',
        '20:5 /files/e must be an object or null',
      ]);
      expect(diagnostics.every((d) => d.file === 'tpl/templates.json' && d.code === 'bad-template-manifest')).toBe(true);
      expect(diagnostics[0]!.hint).toContain('known fields here: $schema, description, extends, partials, files');
    }));

  it('requires template, each and path of a new entry', () =>
    withTempDir(async (dir) => {
      await writeTemplateSet(join(dir, 'tpl'), { extends: 'default', files: { f: { each: 'run', path: 'f' } } });
      const { diagnostics } = await read(dir);
      expect(diagnostics).toEqual([expect.objectContaining({ message: 'the entry "f" has no "template"', line: 4, column: 5 })]);
    }));

  it('reports a template module that does not parse with its line, and one without a default function', () =>
    withTempDir(async (dir) => {
      await writeTemplateSet(
        join(dir, 'tpl'),
        { files: { a: { template: 'a.mjs', each: 'run', path: 'a' }, b: { template: 'b.mjs', each: 'run', path: 'b' }, c: { template: 'c.mjs', each: 'run', path: 'c' } } },
        { 'a.mjs': 'export default (view) => {\n  return view.x +;\n};\n', 'b.mjs': 'export const x = 1;\n', 'c.mjs': 'const a = 1;\nthrow new Error("at import");\n' },
      );
      const { diagnostics } = await read(dir);
      expect(diagnostics).toEqual([
        expect.objectContaining({ code: 'bad-template', file: 'tpl/a.mjs', line: 2, column: 18, message: 'invalid template module: Unexpected token' }),
        expect.objectContaining({ code: 'bad-template', file: 'tpl/b.mjs', message: 'a template module must export a function by default: export default (view, helpers) => string' }),
        expect.objectContaining({ code: 'bad-template', file: 'tpl/c.mjs', line: 2, message: 'the template module failed to load: at import' }),
      ]);
    }));

  it('refuses runtime templates by their old names, and warns about a template file nothing uses', () =>
    withTempDir(async (dir) => {
      await writeTemplateSet(join(dir, 'tpl'), undefined, { 'runtime/errors.js': 'export {};\n' });
      expect((await read(dir)).diagnostics).toEqual([expect.objectContaining({ code: 'template-renamed', file: 'tpl/runtime/errors.js' })]);
      await writeTemplateSet(join(dir, 'tpl2'), undefined, { 'banner.mustach': 'x', 'typ.d.ts.mustache': 'x' });
      const { set, diagnostics } = await readTemplateSet(join(dir, 'tpl2'), dir);
      expect(set).toBeDefined();
      expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'unused-template', file: 'tpl2/typ.d.ts.mustache' })]);
    }));
});
