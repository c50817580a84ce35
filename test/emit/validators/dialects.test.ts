import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { newAjvFor } from '../../../src/ajv/dialects.js';
import { generate } from '../../../src/index.js';
import { loadDocuments } from '../../../src/load/index.js';
import { buildTypeModel } from '../../../src/model/index.js';
import { resolveDocuments } from '../../../src/resolve/index.js';
import { SHARED } from '../../helpers/paths.js';
import { generateAndImport } from '../../helpers/generate-and-import.js';
import { runTimeValidators } from '../../helpers/run-time-ajv.js';
import { withTempDir } from '../../helpers/temp-dir.js';

/**
 * Schemas of each dialect, in the style of public catalogues, with instances and the
 * verdict the dialect's specification gives each. Our generated modules (ES modules and
 * CommonJS, in plain Node) must give that verdict and the same error instancePaths as
 * ajv compiling the same schemas at run time with the class of their dialect, configured
 * as our validators are (test/helpers/run-time-ajv.ts).
 */
interface Check {
  type: string;
  data: unknown;
  valid: boolean;
  /** A known ajv bug that gives the other verdict (our modules are ajv's code: they share it). */
  ajvBug?: string;
}

const D4 = 'http://json-schema.org/draft-04/schema#';
const D6 = 'http://json-schema.org/draft-06/schema#';
const D7 = 'http://json-schema.org/draft-07/schema#';
const D2019 = 'https://json-schema.org/draft/2019-09/schema';
const D2020 = 'https://json-schema.org/draft/2020-12/schema';

/** File (under schemas/) → its text. */
const FILES: Record<string, string> = {
  'd04/reading.json': JSON.stringify({
    $schema: D4,
    id: 'https://example.com/d04/reading.json',
    title: 'Reading04',
    type: 'object',
    required: ['value'],
    properties: {
      value: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 100, exclusiveMaximum: true },
      unit: { $ref: '#/definitions/unit', maxLength: 1 },
      scale: { $ref: '#scale' },
      fixed: { const: 'only from draft-06 on' },
    },
    definitions: { unit: { enum: ['C', 'F', 'Kelvin'] }, scale: { id: '#scale', type: 'integer', minimum: 1 } },
  }),
  'd06/tagged.json': JSON.stringify({
    $schema: D6,
    $id: 'https://example.com/d06/tagged.json',
    title: 'Tagged06',
    type: 'object',
    properties: {
      kind: { const: 'tagged' },
      tags: { type: 'array', contains: { const: 'main' }, items: { type: 'string' } },
      count: { type: 'integer', exclusiveMinimum: 0 },
      conditional: { if: { type: 'string' }, then: { maxLength: 0 } },
    },
    propertyNames: { pattern: '^[a-z]+$' },
  }),
  'd07/config.json': JSON.stringify({
    $schema: D7,
    $id: 'https://example.com/d07/config.json',
    title: 'Config07',
    type: 'object',
    properties: {
      point: { type: 'array', items: [{ type: 'number' }, { type: 'number' }], additionalItems: false },
      rest: { type: 'array', items: [{ type: 'string' }], additionalItems: { type: 'integer' } },
      name: { $ref: '#name', maxLength: 3 },
      mode: { $ref: '#/definitions/mode', type: 'number' },
      plugin: {
        type: 'object',
        if: { properties: { kind: { const: 'local' } }, required: ['kind'] },
        then: { required: ['path'] },
        else: { required: ['url'] },
      },
    },
    dependencies: { point: ['name'], rest: { properties: { mode: { const: 'list' } } } },
    definitions: { name: { $id: '#name', type: 'string', minLength: 1 }, mode: { enum: ['list', 'single'] } },
  }),
  'd2019/tree.json': JSON.stringify({
    $schema: D2019,
    $id: 'https://example.com/d2019/tree.json',
    title: 'Tree2019',
    $recursiveAnchor: true,
    type: 'object',
    properties: { data: true, children: { type: 'array', items: { $recursiveRef: '#' } } },
  }),
  'd2019/strict-tree.json': JSON.stringify({
    $schema: D2019,
    $id: 'https://example.com/d2019/strict-tree.json',
    title: 'StrictTree2019',
    $recursiveAnchor: true,
    $ref: 'tree.json',
    unevaluatedProperties: false,
  }),
  'd2019/order.json': JSON.stringify({
    $schema: D2019,
    title: 'Order2019',
    type: 'object',
    properties: {
      id: { type: 'string' },
      card: { type: 'string' },
      lines: { type: 'array', items: [{ const: 'header' }], additionalItems: { type: 'string' } },
    },
    dependentRequired: { card: ['billing'] },
    dependentSchemas: { id: { properties: { billing: { type: 'string' } } } },
    unevaluatedProperties: false,
  }),
  'oas30/pets.yaml': [
    'openapi: 3.0.3',
    "info: { title: Pets, version: '1' }",
    'paths: {}',
    'components:',
    '  schemas:',
    '    Pet30:',
    '      type: object',
    '      required: [name, kind]',
    '      discriminator:',
    '        propertyName: kind',
    "        mapping: { dog: '#/components/schemas/Dog30' }",
    '      properties:',
    '        name: { type: string, nullable: true, example: Tom }',
    '        kind: { type: string }',
    '        age: { type: integer, minimum: 0, exclusiveMinimum: true, maximum: 30, exclusiveMaximum: false }',
    '        nick: { nullable: true, x-note: without type nullable says nothing }',
    '    Dog30:',
    '      oneOf:',
    "        - $ref: '#/components/schemas/Pet30'",
    '        - type: string',
    '          nullable: true',
    '',
  ].join('\n'),
  'oas31/shapes.yaml': [
    'openapi: 3.1.0',
    "info: { title: Shapes, version: '1' }",
    'paths: {}',
    'components:',
    '  schemas:',
    '    Shape31:',
    '      type: object',
    '      required: [kind]',
    '      discriminator: { propertyName: kind }',
    '      properties:',
    '        kind: { type: string }',
    "        label: { type: [string, 'null'], examples: [box] }",
    '        size: { type: number, exclusiveMinimum: 0 }',
    '        corners: { type: array, prefixItems: [{ type: number }, { type: number }], items: false }',
    '',
  ].join('\n'),
  'mixed/catalog.json': JSON.stringify({
    $schema: D2020,
    title: 'Catalog',
    type: 'object',
    properties: {
      entry: { $ref: 'legacy.json#/definitions/entry', required: ['id'] },
      pair: { $ref: 'legacy.json#/properties/pair' },
      items: { type: 'array', items: { type: 'string' } },
    },
  }),
  'mixed/legacy.json': JSON.stringify({
    $schema: D7,
    title: 'Legacy',
    type: 'object',
    properties: {
      pair: { type: 'array', items: [{ type: 'string' }, { type: 'integer' }], additionalItems: false },
      catalog: { $ref: 'catalog.json', type: 'string' },
    },
    definitions: {
      entry: { type: 'object', properties: { id: { type: 'integer' }, tags: { type: 'array', items: [{ const: 'first' }] } } },
    },
  }),
};

const CHECKS: Check[] = [
  // draft-04: boolean exclusive bounds, `id` fragments, $ref ignores its siblings, no `const`.
  { type: 'Reading04', data: { value: 50 }, valid: true },
  { type: 'Reading04', data: { value: 0 }, valid: false },
  { type: 'Reading04', data: { value: 100 }, valid: false },
  { type: 'Reading04', data: { value: 1, unit: 'Kelvin' }, valid: true },
  { type: 'Reading04', data: { value: 1, unit: 'K' }, valid: false },
  { type: 'Reading04', data: { value: 1, scale: 2 }, valid: true },
  { type: 'Reading04', data: { value: 1, scale: 0 }, valid: false },
  { type: 'Reading04', data: { value: 1, fixed: 'anything' }, valid: true },
  // draft-06: const, contains, propertyNames, numeric exclusive bounds; `if` is not a keyword yet.
  { type: 'Tagged06', data: { kind: 'tagged', tags: ['main', 'x'] }, valid: true },
  { type: 'Tagged06', data: { kind: 'other' }, valid: false },
  { type: 'Tagged06', data: { tags: ['x'] }, valid: false },
  { type: 'Tagged06', data: { count: 0 }, valid: false },
  { type: 'Tagged06', data: { count: 1, conditional: 'not empty' }, valid: true },
  { type: 'Tagged06', data: { Upper: 1 }, valid: false },
  // draft-07: tuples with additionalItems, both forms of dependencies, if/then/else, $ref ignores its siblings.
  { type: 'Config07', data: { point: [1, 2], name: 'abc' }, valid: true },
  { type: 'Config07', data: { point: [1, 2, 3], name: 'abc' }, valid: false },
  { type: 'Config07', data: { point: [1, 'a'], name: 'abc' }, valid: false },
  { type: 'Config07', data: { point: [1, 2] }, valid: false },
  { type: 'Config07', data: { rest: ['a', 1, 2], mode: 'list' }, valid: true },
  { type: 'Config07', data: { rest: ['a', 'b'] }, valid: false },
  { type: 'Config07', data: { rest: ['a'], mode: 'single' }, valid: false },
  { type: 'Config07', data: { name: 'longer than three' }, valid: true },
  { type: 'Config07', data: { name: '' }, valid: false },
  { type: 'Config07', data: { mode: 'list' }, valid: true },
  { type: 'Config07', data: { mode: 5 }, valid: false },
  { type: 'Config07', data: { plugin: { kind: 'local', path: '/' } }, valid: true },
  { type: 'Config07', data: { plugin: { kind: 'local', url: 'x' } }, valid: false },
  { type: 'Config07', data: { plugin: { url: 'x' } }, valid: true },
  { type: 'Config07', data: { plugin: {} }, valid: false },
  // 2019-09: $recursiveRef follows the outermost $recursiveAnchor; unevaluated*, dependentRequired/Schemas; tuple items.
  { type: 'StrictTree2019', data: { data: 1, children: [{ data: 2 }] }, valid: true },
  { type: 'StrictTree2019', data: { data: 1, children: [{ data: 2, extra: 1 }] }, valid: false },
  { type: 'StrictTree2019', data: { data: 1, extra: 1 }, valid: false },
  { type: 'Tree2019', data: { data: 1, children: [{ extra: 1 }] }, valid: true },
  { type: 'Order2019', data: { id: '1', billing: 'x' }, valid: true },
  { type: 'Order2019', data: { card: 'c' }, valid: false },
  { type: 'Order2019', data: { card: 'c', billing: 'b' }, valid: false },
  { type: 'Order2019', data: { id: '1', card: 'c', billing: 'b' }, valid: true },
  { type: 'Order2019', data: { lines: ['header', 'a'] }, valid: true, ajvBug: 'ajv#2483: a dependentSchemas entry whose property is absent drops what properties evaluated' },
  { type: 'Order2019', data: { id: '1', lines: ['header', 'a'] }, valid: true },
  { type: 'Order2019', data: { lines: ['header', 1] }, valid: false },
  { type: 'Order2019', data: { lines: ['body'] }, valid: false },
  { type: 'Order2019', data: { other: 1 }, valid: false },
  // OpenAPI 3.0: nullable (with type only), boolean exclusive bounds, discriminator as an annotation.
  { type: 'Pet30', data: { name: null, kind: 'cat' }, valid: true },
  { type: 'Pet30', data: { name: 'Tom', kind: 'cat', age: 0 }, valid: false },
  { type: 'Pet30', data: { name: 'Tom', kind: 'cat', age: 30 }, valid: true },
  { type: 'Pet30', data: { name: 'Tom', kind: 'cat', age: 31 }, valid: false },
  { type: 'Pet30', data: { name: 1, kind: 'x' }, valid: false },
  { type: 'Pet30', data: { name: 'a', kind: 'b', nick: null }, valid: true },
  { type: 'Dog30', data: null, valid: true },
  { type: 'Dog30', data: 'rex', valid: true },
  { type: 'Dog30', data: { name: 'a', kind: 'dog' }, valid: true },
  { type: 'Dog30', data: 5, valid: false },
  // OpenAPI 3.1: draft 2020-12 (type lists, prefixItems, numeric exclusive bounds).
  { type: 'Shape31', data: { kind: 'box', label: null, size: 1, corners: [1, 2] }, valid: true },
  { type: 'Shape31', data: { kind: 'box', size: 0 }, valid: false },
  { type: 'Shape31', data: { kind: 'box', corners: [1, 2, 3] }, valid: false },
  { type: 'Shape31', data: {}, valid: false },
  // Refs across dialects: each schema by its own dialect's rules.
  { type: 'Catalog', data: { pair: ['a', 1] }, valid: true },
  { type: 'Catalog', data: { pair: ['a', 'b'] }, valid: false },
  { type: 'Catalog', data: { pair: ['a', 1, 2] }, valid: false },
  { type: 'Catalog', data: { entry: { id: 1, tags: ['first', 'anything'] } }, valid: true },
  { type: 'Catalog', data: { entry: { id: 1, tags: ['second'] } }, valid: false },
  { type: 'Catalog', data: { entry: {} }, valid: false },
  { type: 'Legacy', data: { catalog: { items: ['a'] } }, valid: true },
  { type: 'Legacy', data: { catalog: { items: [1] } }, valid: false },
  { type: 'Legacy', data: { pair: ['a', 1] }, valid: true },
];

/** JSON-Schema-Test-Suite draft7/ref.json, read unchanged, with the draft named. */
const SUITE_REF = join(SHARED, 'corpus', 'json-schema-test-suite', 'tests', 'draft7', 'ref.json');
const suiteRef = existsSync(SUITE_REF);
if (!suiteRef) console.warn(`\n*** dialects test: the suite case "ref overrides any sibling keywords" SKIPPED: ${SUITE_REF} is absent ***\n`);
const itSuite = suiteRef ? it : it.skip;

interface Outcome {
  valid: boolean;
  paths: string[];
}

function outcome(valid: boolean, errors: { instancePath: string }[] | null | undefined): Outcome {
  return { valid, paths: [...new Set((errors ?? []).map((e) => e.instancePath))].sort() };
}

async function writeSchemas(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, 'schemas', name)), { recursive: true });
    await writeFile(join(dir, 'schemas', name), text);
  }
}

/** What ajv at run time says, each schema compiled by its dialect's class. */
async function ajvOutcomes(dir: string, checks: Check[]): Promise<Outcome[]> {
  const loaded = await loadDocuments({ inputs: ['schemas'], components: [], cwd: dir });
  const graph = resolveDocuments(loaded.documents, { roots: loaded.roots, allowRemote: false, mappedPrefixes: [] });
  const model = buildTypeModel(graph, { additionalProperties: 'none', renames: {} });
  const validatorOf = runTimeValidators(graph, model, { allErrors: true, formats: 'assert' });
  return checks.map(({ type, data }) => {
    const named = model.types.find((t) => t.name === type);
    if (!named) throw new Error(`test setup: no type ${type}`);
    const validate = validatorOf(named);
    return outcome(validate(structuredClone(data)) as boolean, validate.errors);
  });
}

/** What our generated modules say, run by a plain Node process. */
function ourOutcomes(dir: string, out: string, format: 'esm' | 'cjs', checks: Check[]): Outcome[] {
  const script = `
    const load = ${format === 'esm' ? '(p) => import(p)' : '(p) => Promise.resolve(require(p))'};
    const result = [];
    for (const { type, data } of ${JSON.stringify(checks)}) {
      const validate = (await load(${JSON.stringify(out)} + '/validators/' + type + '.js'))['validate' + type];
      const valid = validate(data);
      result.push({ valid, paths: [...new Set((validate.errors ?? []).map((e) => e.instancePath))].sort() });
    }
    console.log(JSON.stringify(result));`;
  const args = format === 'esm' ? ['--input-type=module', '-e', script] : ['-e', `(async () => { ${script} })();`];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8' })) as Outcome[];
}

describe('validators per dialect', () => {
  it('give each dialect’s verdicts, as ajv’s class of that dialect does at run time (ES modules and CommonJS)', () =>
    withTempDir(async (dir) => {
      await writeSchemas(dir, FILES);
      for (const module of ['esm', 'cjs'] as const) {
        const report = await generate({ cwd: dir, outDir: module, module, cache: false });
        // The keywords the dialects do not have, and those beside a $ref up to draft-07, are said to be ignored (and are).
        expect(report.diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}#${d.pointer}`)).toEqual([
          'warning unknown-keyword schemas/d04/reading.json#/properties/fixed/const',
          'warning unknown-keyword schemas/d06/tagged.json#/properties/conditional/if',
          'warning unknown-keyword schemas/d06/tagged.json#/properties/conditional/then',
          'warning ignored-beside-ref schemas/d04/reading.json#/properties/unit',
          'warning ignored-beside-ref schemas/d07/config.json#/properties/name',
          'warning ignored-beside-ref schemas/d07/config.json#/properties/mode',
          'warning ignored-beside-ref schemas/mixed/legacy.json#/properties/catalog',
        ]);
      }
      const expected = await ajvOutcomes(dir, CHECKS);
      // ajv's verdicts are the dialects' own, but where a known ajv bug says otherwise.
      const verdict = (c: Check, valid: boolean) => `${c.type} ${JSON.stringify(c.data)}: ${valid}`;
      expect(expected.map((o, i) => verdict(CHECKS[i]!, o.valid))).toEqual(CHECKS.map((c) => verdict(c, c.ajvBug ? !c.valid : c.valid)));
      expect(ourOutcomes(dir, join(dir, 'esm'), 'esm', CHECKS)).toEqual(expected);
      expect(ourOutcomes(dir, join(dir, 'cjs'), 'cjs', CHECKS)).toEqual(expected);
    }));

  it('a module never holds code of another dialect: refs across dialects call the other validator', () =>
    withTempDir(async (dir) => {
      await writeSchemas(dir, { 'catalog.json': FILES['mixed/catalog.json']!, 'legacy.json': FILES['mixed/legacy.json']! });
      const report = await generate({ cwd: dir, cache: false });
      expect(report.diagnostics.map((d) => `${d.code} ${d.pointer}`)).toEqual(['ignored-beside-ref /properties/catalog']);
      const catalog = readFileSync(join(dir, 'generated', 'validators', 'Catalog.js'), 'utf8');
      const legacy = readFileSync(join(dir, 'generated', 'validators', 'Legacy.js'), 'utf8');
      // The draft-07 tuple is the Pair and Entry validators' (draft-07) business, called by name.
      expect(catalog).toMatch(/import \{ validateEntry \} from '\.\/Entry\.js';/);
      expect(catalog).toMatch(/import \{ validatePair \} from '\.\/Pair\.js';/);
      expect(catalog).not.toContain('additionalItems');
      expect(legacy).toMatch(/import \{ validateCatalog \} from '\.\/Catalog\.js';/);
      // `type: string` beside the draft-07 $ref is ignored: no type check of the catalog property in Legacy.
      expect(legacy).not.toContain('/properties/catalog/type');
    }));

  it('an embedded resource of another dialect gets a validator of its own, which the outer one calls', () =>
    withTempDir(async (dir) => {
      const modern = { $id: 'https://example.com/modern.json', $schema: D2020, type: 'array', prefixItems: [{ type: 'string' }], items: false };
      const { index } = await generateAndImport(dir, { 'legacy.json': { $schema: D7, title: 'Legacy', type: 'object', properties: { modern } } }, { cache: false });
      // 2020-12 inside draft-07: prefixItems applies and `items: false` closes the tuple.
      expect([index.validateLegacy!({ modern: ['a'] }), index.validateLegacy!({ modern: ['a', 'b'] }), index.validateLegacy!({ modern: [1] })]).toEqual([true, false, false]);
      expect(readFileSync(join(dir, 'generated', 'validators', 'Legacy.js'), 'utf8')).not.toContain('prefixItems');
    }));

  it('a dialect nested in itself through another (draft-07 in 2020-12 in draft-07) is an error at the inner schema, not a wrong validator', () =>
    withTempDir(async (dir) => {
      const inner = { $id: 'https://example.com/inner.json', $schema: D7, type: 'array', items: [{ type: 'string' }] };
      const mid = { $id: 'https://example.com/mid.json', $schema: D2020, type: 'object', properties: { inner } };
      await writeSchemas(dir, { 'outer.json': JSON.stringify({ $schema: D7, title: 'Outer', type: 'object', properties: { mid } }) });
      const report = await generate({ cwd: dir, cache: false });
      expect(report.diagnostics.map((d) => `${d.severity} ${d.code} ${d.pointer}`)).toEqual(['error validator-dialect-nesting /properties/mid/properties/inner']);
    }));

  it('unevaluated* over a ref to another dialect is an error at the ref: the validator could not see what the target evaluated', () =>
    withTempDir(async (dir) => {
      await writeSchemas(dir, {
        'strict.json': JSON.stringify({ $schema: D2020, title: 'Strict', $ref: 'legacy.json', unevaluatedProperties: false }),
        'legacy.json': JSON.stringify({ $schema: D7, title: 'Legacy', type: 'object', properties: { a: { type: 'string' } } }),
      });
      const report = await generate({ cwd: dir, cache: false });
      expect(report.status).toBe('failed');
      expect(report.diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}#${d.pointer}`)).toEqual(['error cross-dialect-native-ref schemas/strict.json#']);
      expect(report.diagnostics[0]!.message).toContain('read as draft-07');
    }));

  it('formats: "assert" checks the formats ajv-formats knows in every dialect (unknown ones are annotations); "annotate" checks none', () =>
    withTempDir(async (dir) => {
      const schemas = {
        'd04.json': { $schema: D4, title: 'When04', type: 'string', format: 'date-time' },
        'd07.json': { $schema: D7, title: 'Id07', type: 'string', format: 'uuid' },
        'd2019.json': { $schema: D2019, title: 'Span2019', type: 'string', format: 'duration' },
        'oas30.yaml':
          'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths: {}\ncomponents:\n  schemas:\n    Count30: { type: integer, format: int32 }\n    Color30: { type: string, format: x-color }\n',
      };
      const checks: [string, unknown, unknown][] = [
        ['When04', '2024-01-01T00:00:00Z', 'yesterday'],
        ['Id07', '123e4567-e89b-12d3-a456-426614174000', 'not-a-uuid'],
        ['Span2019', 'P1D', 'one day'],
        ['Count30', 5, 2 ** 31],
      ];
      for (const formats of ['assert', 'annotate'] as const) {
        const out = join(dir, formats);
        await mkdir(join(out, 'schemas'), { recursive: true });
        for (const [name, schema] of Object.entries(schemas)) await writeFile(join(out, 'schemas', name), typeof schema === 'string' ? schema : JSON.stringify(schema));
        const report = await generate({ cwd: out, formats, cache: false });
        expect(report.status).toBe('written');
        const verdicts = ourOutcomes(out, join(out, 'generated'), 'esm', [
          ...checks.flatMap(([type, good, bad]) => [
            { type, data: good, valid: true },
            { type, data: bad, valid: false },
          ]),
          { type: 'Color30', data: 'anything', valid: true },
        ]);
        expect(verdicts.map((o) => o.valid)).toEqual(formats === 'assert' ? [true, false, true, false, true, false, true, false, true] : new Array(9).fill(true));
      }
    }));

  it('keywords of other dialects, which the resolve stage says are ignored, are ignored by the validators too', () =>
    withTempDir(async (dir) => {
      const { report, index } = await generateAndImport(
        dir,
        {
          'old-id.json': { $schema: D2020, title: 'OldId', id: 'old-style', type: 'string' },
          'early.json': { $schema: D2019, title: 'Early', type: 'object', properties: { x: { $dynamicRef: '#nowhere', type: 'string' } } },
        },
        { cache: false },
      );
      expect(report.diagnostics.map((d) => `${d.code} ${d.pointer}`)).toEqual(['unknown-keyword /properties/x/$dynamicRef', 'unknown-keyword /id']);
      expect([index.validateOldId!('s'), index.validateEarly!({ x: 's' }), index.validateEarly!({ x: 1 })]).toEqual([true, true, false]);
    }));

  it('OpenAPI discriminator stays an annotation: ajv’s discriminator option refuses valid OpenAPI schemas', () => {
    const ajv = newAjvFor('openapi-3.0', { discriminator: true, strict: false });
    // A mapping (most OpenAPI documents have one), and a base schema its subtypes extend with allOf.
    expect(() => ajv.compile({ type: 'object', required: ['kind'], discriminator: { propertyName: 'kind', mapping: { dog: '#/x' } }, oneOf: [{ properties: { kind: { const: 'dog' } } }] })).toThrow(
      'discriminator: mapping is not supported',
    );
    expect(() => ajv.compile({ type: 'object', required: ['kind'], discriminator: { propertyName: 'kind' }, properties: { kind: { type: 'string' } } })).toThrow(
      'discriminator: requires oneOf keyword',
    );
  });

  itSuite('draft-07: "ref overrides any sibling keywords" (JSON-Schema-Test-Suite draft7/ref.json)', () =>
    withTempDir(async (dir) => {
      const groups = JSON.parse(readFileSync(SUITE_REF, 'utf8')) as { description: string; schema: object; tests: { data: unknown; valid: boolean }[] }[];
      const group = groups.find((g) => g.description === 'ref overrides any sibling keywords');
      if (!group) throw new Error('test setup: the suite has no group "ref overrides any sibling keywords"');
      await writeSchemas(dir, { 'ref.json': JSON.stringify({ title: 'RefOverrides', ...group.schema }) });
      const report = await generate({ cwd: dir, cache: false, defaultDialect: 'draft-07' });
      expect(report.status).toBe('written');
      const checks = group.tests.map((t) => ({ type: 'RefOverrides', data: t.data, valid: t.valid }));
      expect(ourOutcomes(dir, join(dir, 'generated'), 'esm', checks).map((o) => o.valid)).toEqual(group.tests.map((t) => t.valid));
      // The same schema read as 2020-12 applies maxItems beside $ref: the dialect decides.
      const as2020 = await generate({ cwd: dir, cache: false, outDir: 'as2020' });
      expect(as2020.status).toBe('written');
      expect(ourOutcomes(dir, join(dir, 'as2020'), 'esm', checks).map((o) => o.valid)).toEqual([true, false, false]);
    }),
  );
});
