import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from '../../src/index.js';
import { patternMatchesKey } from '../../src/model/pattern-match.js';
import { withTempDir } from '../helpers/temp-dir.js';

describe('patternMatchesKey: decided without running the pattern', () => {
  it.each([
    ['^x-', 'x-trace', true],
    ['^x-', 'trace-x-', false],
    ['^id$', 'id', true],
    ['^id$', 'ids', false],
    ['Type$', 'DateType', true],
    ['Type$', 'Types', false],
    ['_id', 'user_id_x', true],
    ['_id', 'userid', false],
    ['^a\\.b$', 'a.b', true],
    ['^a\\.b$', 'axb', false],
    ['^price\\$$', 'price$', true],
    ['^price\\$', 'price$x', true],
    ['', 'anything', true],
  ])('%j and %j: %s', (pattern, key, expected) => {
    expect(patternMatchesKey(pattern, key)).toBe(expected);
  });

  it.each(['^(a+)+$', '^[a-z]+$', 'a.b', '^\\d+$', 'x*', '^(?:a|b)$', '^\\p{L}$', '(a)\\1', '^a{2}$'])('%j: undecided ("might match")', (pattern) => {
    expect(patternMatchesKey(pattern, 'aaaa')).toBeUndefined();
  });
});

describe('a propertyNames enum with patternProperties', () => {
  // Issue 8 item 7: run against these keys, `^(a+)+$` backtracked for 128 s at generation time.
  it('does not run a catastrophic pattern: the keys it might match take its type', async () => {
    await withTempDir(async (dir) => {
      const slow = `${'a'.repeat(40)}!`;
      await mkdir(join(dir, 'schemas'));
      await writeFile(
        join(dir, 'schemas', 'keys.json'),
        JSON.stringify({
          title: 'Keys',
          type: 'object',
          propertyNames: { enum: [slow, 'x-id', 'aaaa'] },
          patternProperties: { '^(a+)+$': { type: 'number' }, '^x-': { type: 'string' } },
          additionalProperties: { type: 'boolean' },
        }),
      );
      const report = await generate({ cwd: dir, typesOnly: true });
      expect(report.status).toBe('written');
      const type = await readFile(join(dir, 'generated', 'types', 'Keys.d.ts'), 'utf8');
      // Sound both ways: a key the pattern might match holds a number (it does) or, if it does not, a boolean.
      expect(type).toContain(`${JSON.stringify(slow)}?: number | boolean;`);
      expect(type).toContain('aaaa?: number | boolean;');
      // A plain-text pattern is decided: `x-id` matches `^x-` and not the other pattern's literal text.
      expect(type).toContain('"x-id"?: string;');
    });
  }, 5_000);
});
