import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { generate, type Report } from '../../src/index.js';
import { withTempDir } from '../helpers/temp-dir.js';

/** Write `files` as JSON under `dir` and generate `schemas/` → `out/`. */
async function gen(dir: string, files: Record<string, unknown>): Promise<Report> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), JSON.stringify(content, null, 2));
  }
  return generate({ cwd: dir, inputs: ['schemas'], outDir: 'out' });
}

const cycleErrors = (report: Report) => report.diagnostics.filter((d) => d.code === 'ref-cycle');

describe('ref cycles with no data in between (issue 9)', () => {
  it.each([
    [
      '$defs a → b → a',
      { 'schemas/cycle.json': { $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } }, $ref: '#/$defs/a' } },
      'schemas/cycle.json',
      '/$defs/a/$ref',
      '#/$defs/a → #/$defs/b → #/$defs/a',
    ],
    ['{"$ref": "#"}', { 'schemas/self.json': { $ref: '#' } }, 'schemas/self.json', '/$ref', '# → #'],
    ['a pointer to itself', { 'schemas/loop.json': { type: 'object', $defs: { me: { $ref: '#/$defs/me' } } } }, 'schemas/loop.json', '/$defs/me/$ref', '#/$defs/me → #/$defs/me'],
    ['two files, nothing in between', { 'schemas/a.json': { $ref: 'b.json' }, 'schemas/b.json': { $ref: 'a.json' } }, 'schemas/a.json', '/$ref', '# → schemas/b.json# → #'],
    ['through allOf and anyOf', { 'schemas/tangle.json': { anyOf: [{ type: 'string' }, { allOf: [{ $ref: '#' }] }] } }, 'schemas/tangle.json', '/anyOf/1/allOf/0/$ref', '#'],
    [
      '2020-12: the same anyOf beside a $ref applies, and loops',
      { 'schemas/d20.json': { $ref: '#/$defs/s', $defs: { s: { type: 'string' } }, anyOf: [{ $ref: '#' }] } },
      'schemas/d20.json',
      '/anyOf/0/$ref',
      '#',
    ],
    [
      'draft-07 dependencies (a schema applies in place)',
      { 'schemas/dep.json': { $schema: 'http://json-schema.org/draft-07/schema#', dependencies: { a: { $ref: '#' } } } },
      'schemas/dep.json',
      '/dependencies/a/$ref',
      '#',
    ],
  ])('%s: exit 2 at the $ref, naming the cycle, nothing written', (_name, files, file, pointer, path) =>
    withTempDir(async (dir) => {
      const report = await gen(dir, files);
      expect(report.status).toBe('failed');
      const errors = cycleErrors(report);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ severity: 'error', file, pointer });
      expect(errors[0]!.line).toBeGreaterThan(0);
      expect(errors[0]!.message).toContain(path);
      expect(await readdir(dir)).not.toContain('out');
    }),
  );

  it.each([
    ['a tree: recursion through properties', { 'schemas/node.json': { type: 'object', properties: { children: { type: 'array', items: { $ref: '#' } } } } }],
    ['a linked list through a $defs entry', { 'schemas/list.json': { $ref: '#/$defs/cell', $defs: { cell: { type: 'object', properties: { next: { $ref: '#/$defs/cell' } } } } } }],
    ['the same schema twice at one place (not a loop)', { 'schemas/twice.json': { $defs: { int: { type: 'integer' } }, allOf: [{ $ref: '#/$defs/int' }, { $ref: '#/$defs/int' }] } }],
    ['mutual recursion through items', { 'schemas/a.json': { type: 'array', items: { $ref: 'b.json' } }, 'schemas/b.json': { anyOf: [{ type: 'null' }, { $ref: 'a.json' }] } }],
    [
      'draft-07 dependencies lead somewhere else: no loop',
      {
        'schemas/dep.json': { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', dependencies: { a: { $ref: '#/definitions/x' }, b: ['a'] }, definitions: { x: { type: 'object' } } },
      },
    ],
  ])('%s is no cycle', (_name, files) =>
    withTempDir(async (dir) => {
      const report = await gen(dir, files);
      expect(cycleErrors(report)).toEqual([]);
      expect(report.status).toBe('written');
    }),
  );
});
