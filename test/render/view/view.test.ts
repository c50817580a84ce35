import { readFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from '../../../src/ajv/modules.js';
import { buildOutput } from '../../../src/index.js';
import { VIEW_SCHEMA_FILE } from '../../../src/render/view/description.js';
import { FIXTURES } from '../../helpers/paths.js';
import { writeSchemas, writeTemplateSet } from '../../helpers/template-set.js';
import { withTempDir } from '../../helpers/temp-dir.js';

// Each template writes its whole view as JSON: what templates really get, checked against
// the view's JSON Schema (closed objects, required fields), the one description of the view.
const dumpViews = {
  files: {
    'schema-view': { template: 'dump.mjs', each: 'schema', path: 'schema/{{name}}.json', validators: true },
    'run-view': { template: 'dump.mjs', each: 'run', path: 'run.json', validators: true },
    'helper-view': { template: 'dump.mjs', each: 'runtimeHelper', path: 'helper/{{name}}.json', validators: true },
    'plain-view': { template: 'dump.mjs', each: 'schema', path: 'plain/{{name}}.json' },
  },
};
const dump = 'export default (view) => JSON.stringify(view, null, 1);\n';

// Every kind of shape, and docs with constraints, members and tags; no schema refers to itself (JSON has no cycles).
const shapes = {
  'shapes.json': {
    title: 'Shapes',
    description: '<p>All the <code>shapes</code>.</p><p>Second paragraph.</p>',
    type: 'object',
    properties: {
      tuple: { type: 'array', prefixItems: [{ type: 'string', minLength: 1, pattern: '^a' }, { const: 3 }], items: { type: 'boolean' } },
      choice: { enum: ['a', 'b'], enumDescriptions: ['first', 'second'] },
      both: { allOf: [{ $ref: 'part.json' }, { type: 'object', properties: { extra: { type: 'number', maximum: 9 } } }] },
      toString: { type: 'string' },
      custom: { tsType: 'Date' },
      nested: { type: 'object', properties: { deep: { type: ['string', 'null'], readOnly: true } }, additionalProperties: { type: 'integer' } },
      old: { type: 'string', deprecated: true, default: 'x', examples: ['y'] },
    },
    required: ['tuple'],
  },
  'part.json': { title: 'Part', type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, dependentRequired: { id: ['extra'] } },
};

describe('the view templates get', () => {
  it.each([
    ['the seed schema and its siblings', async (dir: string) => cp(join(FIXTURES, 'admin-initiate-auth-response', 'input'), join(dir, 'schemas'), { recursive: true })],
    ['every kind of type shape', (dir: string) => writeSchemas(dir, shapes)],
  ])('matches view.schema.json for %s', (_, writeInput) =>
    withTempDir(async (dir) => {
      await writeInput(dir);
      await writeTemplateSet(join(dir, 'tpl'), dumpViews, { 'dump.mjs': dump });
      const built = await buildOutput({ cwd: dir, templatesDir: 'tpl', cache: false });
      expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      ajv.addSchema(JSON.parse(readFileSync(VIEW_SCHEMA_FILE, 'utf8')) as object, 'view');
      const checks = { schema: 'SchemaFileView', run: 'RunFileView', helper: 'HelperFileView', plain: 'SchemaFileView' } as const;
      const seen = new Set<string>();
      for (const file of built.files.filter((f) => f.path.endsWith('.json') && !f.path.startsWith('package'))) {
        const kind = file.path.split(/[/.]/)[0] as keyof typeof checks;
        const validate = ajv.getSchema(`view#/$defs/${checks[kind]}`)!;
        const view = JSON.parse(file.content) as { schema?: { validator?: unknown } };
        expect([file.path, validate(view) ? [] : validate.errors]).toEqual([file.path, []]);
        // Validator fields are there exactly for entries that say "validators": true.
        if (kind === 'schema') expect(view.schema?.validator).toBeDefined();
        if (kind === 'plain') expect(view.schema?.validator).toBeUndefined();
        seen.add(kind);
      }
      expect([...seen].sort()).toEqual(['helper', 'plain', 'run', 'schema']);
    }),
  );

  it('gives the type as data and as ready text', () =>
    withTempDir(async (dir) => {
      await writeSchemas(dir, shapes);
      await writeTemplateSet(join(dir, 'tpl'), { files: { one: { template: 'dump.mjs', each: 'schema', path: '{{name}}.json' } } }, { 'dump.mjs': dump });
      const built = await buildOutput({ cwd: dir, templatesDir: 'tpl', typesOnly: true });
      const view = JSON.parse(built.files.find((f) => f.path === 'Shapes.json')!.content);
      const { schema } = view;
      expect(schema.doc.description).toBe('All the `shapes`.\n\nSecond paragraph.');
      expect(schema.doc.summary).toBe('All the `shapes`.');
      const byName = Object.fromEntries(schema.type.properties.map((p: { name: string }) => [p.name, p]));
      expect(byName.tuple).toMatchObject({
        key: 'tuple',
        required: true,
        type: { kind: 'tuple', text: '[item0?: string, item1?: 3, ...rest: boolean[]]', rest: { kind: 'keyword', name: 'boolean' } },
      });
      expect(byName.tuple.type.elements[0]).toMatchObject({ optional: true, type: { kind: 'keyword', name: 'string', is: { keyword: true, tuple: false } } });
      expect(byName.choice.type).toMatchObject({
        kind: 'union',
        enum: true,
        text: '"a" | "b"',
        members: [
          { kind: 'literal', value: 'a', text: '"a"' },
          { kind: 'literal', value: 'b' },
        ],
      });
      expect(byName.choice.doc.members).toEqual([
        { value: '"a"', name: null, description: 'first' },
        { value: '"b"', name: null, description: 'second' },
      ]);
      expect(byName.both.type).toMatchObject({ kind: 'intersection', members: [{ kind: 'ref', name: 'Part', text: 'Part' }, { kind: 'object' }] });
      expect(byName['toString' as string].type).toMatchObject({ kind: 'union', members: [{ kind: 'keyword' }, { kind: 'inherited', name: 'toString', text: 'Object["toString"]' }] });
      expect(byName.custom.type).toEqual({ kind: 'verbatim', is: expect.objectContaining({ verbatim: true }), text: 'Date' });
      // Nested text is laid out for its place: the property's type at its indentation.
      expect(byName.nested.type.text).toBe('{\n    /**\n     * @readonly\n     */\n    deep?: string | null;\n    [key: string]: number | string | null | undefined;\n  }');
      expect(byName.nested.type.index.text).toBe('number | string | null | undefined');
      expect(byName.nested.type.properties[0]).toMatchObject({ name: 'deep', readonly: true, required: false });
      expect(byName.old.doc).toMatchObject({
        deprecated: true,
        tags: [
          { name: 'default', value: '"x"' },
          { name: 'example', value: '"y"' },
          { name: 'deprecated', value: '' },
        ],
      });
      expect(byName.tuple.doc.constraints).toEqual({});
      expect(byName.tuple.type.elements[0].type.text).toBe('string');
      expect(schema.declaration.startsWith('/**\n * All the `shapes`.')).toBe(true);
      expect(schema.imports.map((i: { name: string }) => i.name)).toEqual(['Part']);
      expect(schema.imports[0].modules.one).toBe('./Part.json');
      const part = JSON.parse(built.files.find((f) => f.path === 'Part.json')!.content).schema;
      expect(part.doc.constraints).toEqual({ dependentRequired: { id: ['extra'] } });
      expect(part.type.properties[0].doc.constraints).toEqual({ format: 'uuid' });
    }));

  it('reads, in an ES-module template, an optional field the value lacks as undefined, and a field the view cannot have as an error', () =>
    withTempDir(async (dir) => {
      await writeSchemas(dir, { 'short.json': { title: 'Short', type: 'string', maxLength: 3 }, 'free.json': { title: 'Free', type: 'string' } });
      const readMaxLength = 'export default ({ schema }) => `${schema.name}: ${typeof schema.doc.constraints.maxLength} ${schema.doc.constraints.maxLength}`;\n';
      await writeTemplateSet(join(dir, 'tpl'), { files: { one: { template: 'read.mjs', each: 'schema', path: '{{name}}.txt' } } }, { 'read.mjs': readMaxLength });
      const built = await buildOutput({ cwd: dir, templatesDir: 'tpl', typesOnly: true });
      expect(built.diagnostics).toEqual([]);
      expect(built.files.map((f) => f.content)).toEqual(['Free: undefined undefined\n', 'Short: number 3\n']);

      // Another set (jest keeps a module by its path, whatever the query that tells versions apart).
      await writeTemplateSet(
        join(dir, 'misspelt'),
        { files: { one: { template: 'read.mjs', each: 'schema', path: '{{name}}.txt' } } },
        { 'read.mjs': readMaxLength.replaceAll('maxLength', 'maxLenght') },
      );
      const misspelt = await buildOutput({ cwd: dir, templatesDir: 'misspelt', typesOnly: true });
      expect(misspelt.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('unknown variable "view.schema.doc.constraints.maxLenght"')]);
    }));
});
