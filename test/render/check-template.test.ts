import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkMustache, type MustacheCheck } from '../../src/render/check-template.js';
import { describeView } from '../../src/render/view/description.js';
import { REPO_ROOT } from '../helpers/paths.js';

const entries = { schema: ['type', 'validator'], run: ['index', 'errors'], runtimeHelper: ['runtime-helper'] };
const partials = new Map([['banner', { text: '// from {{source}}\n', file: 'banner.mustache' }]]);
const check = (text: string, over: Partial<MustacheCheck> = {}, view = 'SchemaFileView') =>
  checkMustache({ text, file: 'tpl/t.mustache' }, { view: describeView(view), scope: { entries, validators: false }, partials, code: true, ...over });

describe('checking a mustache template against the view', () => {
  it('passes every default template, with the view its entry gets', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'templates.json'), 'utf8')) as {
      files: Record<string, { template: string; each: string; validators?: boolean; path: string }>;
    };
    const names = { schema: [] as string[], run: [] as string[], runtimeHelper: [] as string[] };
    for (const [name, entry] of Object.entries(manifest.files)) names[entry.each as 'schema'].push(name);
    const roots = { schema: 'SchemaFileView', run: 'RunFileView', runtimeHelper: 'HelperFileView' } as const;
    const banner = new Map([['banner', { text: readFileSync(join(REPO_ROOT, 'templates', 'banner.mustache'), 'utf8'), file: 'banner.mustache' }]]);
    for (const entry of Object.values(manifest.files)) {
      const text = readFileSync(join(REPO_ROOT, 'templates', entry.template), 'utf8');
      const found = checkMustache(
        { text, file: entry.template },
        { view: describeView(roots[entry.each as 'schema']), scope: { entries: names, validators: entry.validators ?? false }, partials: banner, code: true },
      );
      expect([entry.template, found]).toEqual([entry.template, []]);
    }
  });

  it('names an unknown variable with its line and column, and what was meant', () => {
    const found = check('{{> banner}}\n{{#schema}}\nexport type {{nmae}} = 1;\n{{/schema}}\n');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', code: 'unknown-template-variable', message: 'unknown variable "nmae"', file: 'tpl/t.mustache', line: 3, column: 13 })]);
    expect(found[0]!.hint).toContain('did you mean "name"?');
  });

  it('looks names up as mustache does: the innermost section first, then outwards', () => {
    // Inside {{#imports}}, `name` is the import's; `source` is found at the root.
    expect(check('{{#schema}}{{#imports}}{{name}} {{source}} {{validatorName}}{{/imports}}{{/schema}}')).toEqual([]);
    // A dotted name resolves whole: `doc.nope` is not found in any context.
    expect(check('{{#schema}}{{doc.nope}}{{/schema}}')[0]).toMatchObject({ message: 'unknown variable "doc.nope"' });
    expect(check('{{#schema}}{{doc.nope}}{{/schema}}')[0]!.hint).toContain('"doc" has comment, lines, description');
  });

  it('knows the entries of the set by name in files, modules and links', () => {
    expect(check('{{schema.modules.validator}} {{run.files.errors}} {{#run.runtimeHelpers}}{{/run.runtimeHelpers}}', { scope: { entries, validators: true } })).toEqual([]);
    expect(check('{{schema.modules.validators}}')[0]).toMatchObject({ message: 'unknown variable "schema.modules.validators"' });
    expect(check('{{schema.modules.validators}}')[0]!.hint).toContain('did you mean "validator"?');
  });

  it('shows validator fields only to entries with "validators": true', () => {
    const found = check('{{#schema.validator}}{{code}}{{/schema.validator}}');
    expect(found[0]).toMatchObject({ message: 'unknown section "schema.validator"', line: 1, column: 1 });
    expect(found[0]!.hint).toBe('"validator" is in the view only of entries with "validators": true');
    expect(check('{{#schema.validator}}{{{code}}}{{/schema.validator}}', { scope: { entries, validators: true } })).toEqual([]);
  });

  it('refuses a list or an object as a variable, and a helper as a variable', () => {
    expect(check('{{schema.imports}}')[0]!.message).toContain('"schema.imports" is a list');
    expect(check('{{schema.doc}}')[0]!.message).toContain('"schema.doc" is an object');
    expect(check('{{kebab}}')[0]!.message).toBe('"kebab" is a helper: use it as a section, {{#kebab}}…{{/kebab}}');
    expect(check('{{#schema}}{{#kebab}}{{name}}{{/kebab}}{{/schema}}')).toEqual([]);
  });

  it('checks partials where they are used, and names an unknown one', () => {
    expect(check('{{#schema}}{{> banner}}{{/schema}}')).toEqual([]);
    expect(check('{{> footer}}')[0]).toMatchObject({ message: 'unknown partial "footer"', line: 1 });
    const bad = new Map([['banner', { text: '// {{sorce}}\n', file: 'tpl/banner.mustache' }]]);
    expect(check('x\n{{> banner}}', { partials: bad })[0]).toMatchObject({ message: 'unknown variable "sorce"', file: 'tpl/banner.mustache', line: 1 });
  });

  it('reports a syntax error at the tag that opens the unclosed section', () => {
    expect(check('line\n  {{#schema}}\nnever closed\n')[0]).toMatchObject({ code: 'bad-template', message: 'invalid template: Unclosed section "schema"', line: 2, column: 3 });
  });

  it('warns about schema text written into code unescaped, but not inside an escaping helper or in other files', () => {
    const raw = check('{{#schema}}// {{doc.description}}{{/schema}}');
    expect(raw).toEqual([expect.objectContaining({ severity: 'warning', code: 'raw-schema-text', message: '"doc.description" is schema text, written into code as it is' })]);
    expect(check('{{#schema}}/* {{#commentText}}{{doc.description}}{{/commentText}} */{{/schema}}')).toEqual([]);
    expect(check('{{#schema}}{{doc.description}}{{/schema}}', { code: false })).toEqual([]);
  });

  it('checks the other views too', () => {
    expect(check('{{#run.schemas}}{{name}}{{/run.schemas}}{{file.path}}', {}, 'RunFileView')).toEqual([]);
    expect(check('{{schema.name}}', {}, 'RunFileView')[0]!.message).toBe('unknown variable "schema.name"');
    expect(check('{{{helper.code}}} {{helper.modules.runtime-helper}}', {}, 'HelperFileView')).toEqual([]);
  });
});
