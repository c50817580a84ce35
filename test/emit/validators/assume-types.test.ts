import { generateAndImport } from '../../helpers/generate-and-import.js';
import { withTempDir } from '../../helpers/temp-dir.js';

const untyped = { title: 'Settings', properties: { name: { type: 'string' } }, required: ['name'] };
const list = { title: 'Numbers', items: { type: 'integer' } };

describe('schemas whose keywords imply a kind, without "type" (issue 9)', () => {
  it('by default the validator accepts every other kind, as ajv does, the type says so, and a warning at the schema says how to narrow it', () =>
    withTempDir(async (dir) => {
      const { index, report } = await generateAndImport(dir, { 'settings.json': untyped, 'numbers.json': list });
      for (const value of [12, 's', null, true, []]) expect(index.validateSettings!(value)).toBe(true);
      expect(index.validateSettings!({})).toBe(false);
      expect(index.validateNumbers!({ 0: 'x', length: 1 })).toBe(true);
      const warnings = report.diagnostics.filter((d) => d.code === 'implied-type');
      expect(warnings.map((w) => [w.file, w.pointer, w.line])).toEqual([
        ['schemas/numbers.json', '', 1],
        ['schemas/settings.json', '', 1],
      ]);
      expect(warnings[1]!.message).toContain('object keywords without "type": this schema also accepts strings, numbers, booleans, null and arrays');
      expect(warnings[1]!.hint).toContain('add "type": "object"');
    }));

  it('with assumeTypes the validator checks the implied kind, matching the type, and nothing is warned', () =>
    withTempDir(async (dir) => {
      const { index, report } = await generateAndImport(dir, { 'settings.json': untyped, 'numbers.json': list }, { assumeTypes: true });
      for (const value of [12, 's', null, true, []]) expect(index.validateSettings!(value)).toBe(false);
      expect(index.validateSettings!({ name: 'x' })).toBe(true);
      expect(index.validateNumbers!({ 0: 'x', length: 1 })).toBe(false);
      expect(index.validateNumbers!([1, 2])).toBe(true);
      expect(report.diagnostics).toEqual([]);
    }));

  it('no warning where a sibling already narrows the kind', () =>
    withTempDir(async (dir) => {
      const { report } = await generateAndImport(dir, {
        'either.json': { title: 'Either', type: 'object', anyOf: [{ required: ['a'] }, { required: ['b'] }] },
        'base.json': { title: 'Base', type: 'object' },
        'extended.json': { title: 'Extended', $ref: 'base.json', properties: { more: { type: 'string' } } },
      });
      expect(report.diagnostics).toEqual([]);
    }));
});
