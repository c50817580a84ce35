import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from '../../../src/ajv/modules.js';
import { generate } from '../../../src/index.js';
import { generateAndImport } from '../../helpers/generate-and-import.js';
import { withTempDir } from '../../helpers/temp-dir.js';

/**
 * Patterns written for other regex engines: valid JavaScript regular expressions, but not
 * with the `u` flag that ajv (and we) compile patterns with. The two from AWS's API
 * definitions (AWS Config's stored-query ARN, whose `[a-zA-Z\d-_/]` puts a class escape
 * in a range, and CloudFormation Guard's `guard\-2\.x\.x`, an escaped `-` outside a
 * class): each is compiled without `u`, with one warning at its line.
 */
const QUERY_ARN = String.raw`^arn:aws[a-z\-]*:config:[a-z\-\d]+:\d+:stored-query/[a-zA-Z0-9-_]+/query-[a-zA-Z\d-_/]+$`;
const GUARD = String.raw`guard\-2\.x\.x`;
/** Invalid with `u` too: `.` then matches one UTF-16 code unit, as ajv without `u` does. */
const DASH_ANY = String.raw`^\-.$`;
/** Valid with `u`: `.` matches one code point, as before. */
const ANY = '^.$';

const SCHEMA = {
  title: 'StoredQuery',
  type: 'object',
  properties: {
    QueryArn: { type: 'string', pattern: QUERY_ARN },
    PolicyRuntime: { type: 'string', pattern: GUARD },
    Dashed: { type: 'string', pattern: DASH_ANY },
    Any: { type: 'string', pattern: ANY },
    // The ARN's first class on its own is valid with u (a `-` after a range is a literal): no warning.
    QueryName: { type: 'string', pattern: '^[a-zA-Z0-9-_]+$' },
  },
  patternProperties: { [String.raw`^x\-`]: { type: 'integer' } },
};

describe('patterns valid only without the u flag', () => {
  it('AWS patterns: the run succeeds with one warning at each, and the validators accept AWS values', () =>
    withTempDir(async (dir) => {
      const { report, index } = await generateAndImport(dir, { 'stored-query.json': SCHEMA }, { cache: false });
      expect(report.status).toBe('written');
      const warnings = report.diagnostics.map((d) => `${d.severity} ${d.code} ${d.pointer} line ${d.line}`);
      expect(warnings).toEqual([
        'warning pattern-not-unicode /patternProperties/^x\\- line 27',
        'warning pattern-not-unicode /properties/QueryArn/pattern line 7',
        'warning pattern-not-unicode /properties/PolicyRuntime/pattern line 11',
        'warning pattern-not-unicode /properties/Dashed/pattern line 15',
      ]);
      const lines = readFileSync(join(dir, 'schemas', 'stored-query.json'), 'utf8').split('\n');
      expect([lines[26], lines[6], lines[10], lines[14]].map((l) => l!.trim().split(':')[0])).toEqual(['"^x\\\\-"', '"pattern"', '"pattern"', '"pattern"']);
      const validate = index.validateStoredQuery!;
      expect(validate({ QueryArn: 'arn:aws:config:us-east-1:123456789012:stored-query/my_query-1/query-abc_1' })).toBe(true);
      expect(validate({ PolicyRuntime: 'guard-2.x.x' })).toBe(true);
      expect(validate({ QueryArn: 'arn:aws:config:us-east-1:123456789012:stored-query/my query/query-1' })).toBe(false);
      expect(validate({ PolicyRuntime: 'guard-3.x.x' })).toBe(false);
      expect(validate({ 'x-count': 'not an integer' })).toBe(false);
      expect(validate({ QueryName: 'my_query-1' })).toBe(true);
    }));

  it('each such pattern is run as ajv without u runs it; every other pattern keeps u', () =>
    withTempDir(async (dir) => {
      const { index } = await generateAndImport(dir, { 'stored-query.json': SCHEMA }, { cache: false });
      const options = { strict: false, allErrors: true } as const;
      const withoutU = new Ajv2020({ ...options, unicodeRegExp: false });
      const withU = new Ajv2020(options);
      const values = [
        'arn:aws:config:us-east-1:123456789012:stored-query/my_query-1/query-abc_1',
        'arn:aws-cn:config:cn-1:1:stored-query/a/query-a/b',
        'guard-2.x.x',
        'xguard-2a.x.x',
        '-😀',
        '-a',
        '😀',
        'a',
        '',
      ];
      const cases: [string, string, typeof withU][] = [
        ['QueryArn', QUERY_ARN, withoutU],
        ['PolicyRuntime', GUARD, withoutU],
        ['Dashed', DASH_ANY, withoutU],
        ['Any', ANY, withU],
      ];
      for (const [property, pattern, ajv] of cases) {
        const reference = ajv.compile({ type: 'string', pattern });
        const ours = values.map((value) => index.validateStoredQuery!({ [property]: value }));
        expect(ours).toEqual(values.map((value) => reference(value)));
      }
      // The cases tell the flags apart: one code point is one character with u, two code units without.
      expect(index.validateStoredQuery!({ Dashed: '-😀' })).toBe(false);
      expect(index.validateStoredQuery!({ Any: '😀' })).toBe(true);
    }));

  it('with unicodePatterns "require" each is an error at its line, and nothing is written', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      await writeFile(join(dir, 'schemas', 'runtime.json'), JSON.stringify({ title: 'Runtime', type: 'string', pattern: GUARD }, null, 2));
      const report = await generate({ cwd: dir, unicodePatterns: 'require' });
      expect(report.status).toBe('failed');
      expect(report.diagnostics.map((d) => `${d.severity} ${d.code} ${d.pointer} line ${d.line}`)).toEqual(['error pattern-not-unicode /pattern line 4']);
      expect(existsSync(join(dir, 'generated'))).toBe(false);
      // The same run with the default compiles it without u.
      expect((await generate({ cwd: dir })).status).toBe('written');
    }));

  it('a pattern invalid with and without u is an error either way', () =>
    withTempDir(async (dir) => {
      await expect(generateAndImport(dir, { 'broken.json': { title: 'Broken', type: 'string', pattern: '[a-z' } })).rejects.toThrow(/"code": "invalid-schema"[\s\S]*Unterminated character class/);
    }));
});
