import { generateAndImport } from '../helpers/generate-and-import.js';
import { withTempDir } from '../helpers/temp-dir.js';

describe('"nullable" outside OpenAPI 3.0', () => {
  it('is honoured as ajv honours it, and the warning says so instead of calling it ignored', () =>
    withTempDir(async (dir) => {
      const { index, report } = await generateAndImport(dir, {
        'name.json': { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'Name', type: 'string', nullable: true },
      });
      expect(index.validateName!(null)).toBe(true);
      expect(index.validateName!('a')).toBe(true);
      expect(index.validateName!(1)).toBe(false);
      expect(report.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'openapi-keyword', file: 'schemas/name.json', pointer: '/nullable', line: 5 })]);
      expect(report.diagnostics[0]!.message).toContain('honoured');
      expect(report.diagnostics[0]!.hint).toContain('"type": ["string", "null"]');
    }));
});
