import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate, type Report } from '../../src/index.js';
import { generateAndImport } from '../helpers/generate-and-import.js';
import { recordNetworkAttempts } from '../helpers/no-network.js';
import { withTempDir } from '../helpers/temp-dir.js';

const DRAFT_04 = 'http://json-schema.org/draft-04/schema#';
const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
const DRAFT_2020 = 'https://json-schema.org/draft/2020-12/schema';

/** Issue 10's "tried as a new user would" items, on small catalogue-style schemas. */
describe('schemas of the older drafts, as catalogues write them', () => {
  it('draft-07 tuple items with additionalItems: a tuple type and a tuple validator', () =>
    withTempDir(async (dir) => {
      const { index, report } = await generateAndImport(dir, {
        'coordinates.json': { $schema: DRAFT_07, title: 'Coordinates', type: 'array', items: [{ type: 'number' }, { type: 'number' }], additionalItems: false },
      });
      expect(report.diagnostics).toEqual([]);
      expect(await readFile(join(dir, 'generated', 'types', 'Coordinates.d.ts'), 'utf8')).toContain('export type Coordinates = [item0?: number, item1?: number];');
      expect([index.validateCoordinates!([1, 2]), index.validateCoordinates!([1, 2, 3]), index.validateCoordinates!([1, 'a'])]).toEqual([true, false, false]);
    }));

  it('draft-04 id and boolean exclusiveMaximum; a draft-07 "$id": "#anchor" that a $ref names', () =>
    withTempDir(async (dir) => {
      const { index, report } = await generateAndImport(dir, {
        'percent.json': { $schema: DRAFT_04, id: 'https://example.com/percent.json', title: 'Percent', type: 'number', minimum: 0, maximum: 100, exclusiveMaximum: true },
        'job.json': { $schema: DRAFT_07, title: 'Job', type: 'object', properties: { retries: { $ref: '#count' } }, definitions: { count: { $id: '#count', type: 'integer', minimum: 0 } } },
      });
      expect(report.diagnostics).toEqual([]);
      expect([index.validatePercent!(99.5), index.validatePercent!(100)]).toEqual([true, false]);
      expect([index.validateJob!({ retries: 3 }), index.validateJob!({ retries: -1 })]).toEqual([true, false]);
    }));

  it('a draft-07 schema that refers to the draft-07 meta-schema (schemas that embed schemas): served from memory, no network', () =>
    withTempDir(async (dir) => {
      let result: { report: Report; index: Record<string, (d: unknown) => boolean> } | undefined;
      const attempts = await recordNetworkAttempts(async () => {
        result = await generateAndImport(dir, {
          'rule.json': { $schema: DRAFT_07, title: 'Rule', type: 'object', properties: { schema: { $ref: 'http://json-schema.org/draft-07/schema#' } } },
        });
      });
      expect(attempts).toEqual([]);
      expect(result!.report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect([result!.index.validateRule!({ schema: { type: 'string' } }), result!.index.validateRule!({ schema: { type: 12 } })]).toEqual([true, false]);
    }));

  it('an unknown $schema is a warning at its line, and the document is read in the default dialect', () =>
    withTempDir(async (dir) => {
      const { index, report } = await generateAndImport(dir, {
        'thing.json': { $schema: 'https://example.com/my-dialect', title: 'Thing', type: 'object', properties: { n: { type: 'integer' } } },
      });
      expect(report.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'unknown-dialect', file: 'schemas/thing.json', pointer: '/$schema', line: 2 })]);
      expect(report.diagnostics[0]!.message).toContain('read as draft 2020-12');
      expect(index.validateThing!({ n: 1.5 })).toBe(false);
    }));

  it('a 2020-12 keyword in a draft-07 schema is named as such, not as a typo', () =>
    withTempDir(async (dir) => {
      const { report } = await generateAndImport(dir, {
        'pair.json': { $schema: DRAFT_07, title: 'Pair', type: 'array', prefixItems: [{ type: 'string' }] },
      });
      expect(report.diagnostics).toEqual([expect.objectContaining({ code: 'unknown-keyword', pointer: '/prefixItems' })]);
      expect(report.diagnostics[0]!.hint).toContain('"prefixItems" belongs to draft 2020-12');
      expect(report.diagnostics[0]!.hint).toContain('read as draft-07');
    }));

  it('an embedded resource of another dialect is checked against its own meta-schema, and the schema around it against its own', () =>
    withTempDir(async (dir) => {
      // A draft-07 tuple and a draft-04 boolean bound: mistakes in 2020-12, valid where they are.
      const envelope = {
        $schema: DRAFT_2020,
        title: 'Envelope',
        type: 'object',
        properties: {
          pair: { $id: 'https://example.com/pair', $schema: DRAFT_07, type: 'array', items: [{ type: 'string' }, { type: 'integer' }], additionalItems: false },
          level: { id: 'https://example.com/level', $schema: DRAFT_04, type: 'number', minimum: 0, exclusiveMinimum: true },
        },
      };
      const { index, report } = await generateAndImport(dir, { 'envelope.json': envelope });
      expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect([index.validateEnvelope!({ pair: ['a', 1] }), index.validateEnvelope!({ pair: ['a', 1, 2] }), index.validateEnvelope!({ level: 0 })]).toEqual([true, false, false]);
    }));

  it('a mistake inside an embedded resource, one inside a resource inside it, and one around them are each reported at their place', () =>
    withTempDir(async (dir) => {
      // 2020-12 around draft-07 around draft-04: each level's mistake is one only in its own dialect's eyes.
      const broken = {
        $schema: DRAFT_2020,
        title: 'Broken',
        type: 'object',
        minProperties: 'one',
        properties: {
          legacy: {
            $id: 'https://example.com/legacy',
            $schema: DRAFT_07,
            type: 'object',
            required: 'name',
            properties: {
              name: { type: 'string' },
              older: { id: 'https://example.com/older', $schema: DRAFT_04, type: 'number', minimum: 0, exclusiveMinimum: 5 },
              fine: { id: 'https://example.com/fine', $schema: DRAFT_04, type: 'number', minimum: 0, exclusiveMinimum: true },
            },
          },
        },
      };
      await mkdir(join(dir, 'schemas'));
      await writeFile(join(dir, 'schemas', 'broken.json'), JSON.stringify(broken, null, 2));
      const report = await generate({ cwd: dir, cache: false });
      expect(report.status).toBe('failed');
      expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.pointer])).toEqual([
        ['invalid-schema', '/minProperties'],
        ['invalid-schema', '/properties/legacy/required'],
        ['invalid-schema', '/properties/legacy/properties/older/exclusiveMinimum'],
      ]);
    }));
});
