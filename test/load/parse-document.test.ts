import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from '../../src/index.js';
import { parseDocumentText } from '../../src/load/parse-document.js';
import { runCliCaptured } from '../helpers/cli.js';
import { withTempDir } from '../helpers/temp-dir.js';

const TOKEN = 'SECRET-7f3a9-TOKEN';

/** The diagnostic of text that does not parse, as `line:column message`. */
function failure(text: string, format: 'json' | 'yaml'): string {
  const parsed = parseDocumentText(text, format, 'x');
  if (parsed.ok) throw new Error(`parsed: ${text}`);
  const d = parsed.diagnostic;
  return `${d.line}:${d.column} ${d.message}`;
}

describe('JSON syntax errors, in our own words', () => {
  it.each([
    ['{\n  "a": 1\n  "b": 2\n}', '3:3 invalid JSON: expected a comma or a closing brace, found a string'],
    ['{"a": 1,}', '1:9 invalid JSON: expected a property name in double quotes, found a closing brace'],
    ['[1, 2', '1:6 invalid JSON: expected a comma or a closing bracket, found the end of the file'],
    ['{"a" 1}', '1:6 invalid JSON: expected a colon after the property name, found a number'],
    ["{'a': 1}", '1:2 invalid JSON: expected a property name in double quotes or a closing brace, found text that is not JSON (a word without quotes, or a character JSON does not allow here)'],
    ['{"a": "x\n"}', '1:7 invalid JSON: found a string that is not closed on its line'],
    ['{"a": "\\q"}', '1:7 invalid JSON: found an escape sequence that JSON does not have'],
    ['{"a": 1} // note', '1:10 invalid JSON: found a comment (JSON has none)'],
    ['{"a": 1} {"b": 2}', '1:10 invalid JSON: expected the end of the file after the value, found an opening brace'],
    ['', '1:1 invalid JSON: expected a value, found the end of the file'],
    ['{"a": [1, ]}', '1:11 invalid JSON: expected a value, found a closing bracket'],
  ])('%j → %s', (text, expected) => {
    expect(failure(text, 'json')).toBe(expected);
  });

  it('quote nothing of the file: a file that is not JSON at all (an account list) says where and what, not what it holds', () => {
    const message = failure(`root:${TOKEN}:0:0:root:/root:/bin/bash\n`, 'json');
    expect(message).toBe('1:1 invalid JSON: expected a value, found text that is not JSON (a word without quotes, or a character JSON does not allow here)');
    expect(failure(`{"key": ${TOKEN}}`, 'json')).not.toContain(TOKEN);
    expect(failure(`{"${TOKEN}": "\u0001"}`, 'json')).not.toContain(TOKEN);
  });

  it('a syntax error 100,000 levels deep is explained without recursion', () => {
    expect(failure(`${'['.repeat(100_000)}}`, 'json')).toBe('1:100001 invalid JSON: expected a value or a closing bracket, found a closing brace');
  });
});

describe('YAML errors quote nothing of the file', () => {
  it.each([
    [`a: !<tag:${TOKEN}> x\n`, 'a tag (!name) that JSON has no type for'],
    [`a: !${TOKEN} x\n`, 'a tag (!name) that JSON has no type for'],
    [`a: *${TOKEN}\n`, 'an alias (*name) with no anchor (&name) before it'],
    [`a: !${TOKEN}!x y\n`, 'a tag handle that no %TAG directive declares'],
    [`a: b\n  ${TOKEN}: c\n`, 'invalid YAML: bad indentation of a mapping entry'],
  ])('%j', (text, expected) => {
    const message = failure(text, 'yaml');
    expect(message).toContain(expected);
    expect(message).not.toContain(TOKEN);
    expect(message).toMatch(/^\d+:\d+ /);
  });
});

describe('every broken file is reported, and the others still checked', () => {
  it('two syntax errors and an unresolved ref: all three in one run; refs into a broken file add nothing', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      await writeFile(join(dir, 'schemas', 'broken.json'), '{\n  "title": "Broken",\n  "type": "object"\n  "properties": {}\n}\n');
      await writeFile(join(dir, 'schemas', 'broken.yaml'), 'title: Also\ntype: [string\n');
      await writeFile(
        join(dir, 'schemas', 'user.json'),
        JSON.stringify({ title: 'User', type: 'object', properties: { a: { $ref: '#/components/schemas/Missing' }, b: { $ref: 'broken.json' }, c: { $ref: 'broken.yaml#/type' } } }, null, 2),
      );
      const run = await runCliCaptured(['schemas', '-o', 'out'], dir);
      expect(run.code).toBe(2);
      const reported = run.stderr.split('\n').filter((line) => line.startsWith('error in '));
      expect(reported).toEqual([
        'error in schemas/broken.json:4:3: invalid JSON: expected a comma or a closing brace, found a string',
        'error in schemas/broken.yaml:3:1: invalid YAML: unexpected end of the stream within a flow collection',
        'error in schemas/user.json:6:7 at /properties/a/$ref: "#/components/schemas/Missing": no input schema is titled "Missing", and no --components document defines it',
      ]);
      expect(run.stderr).toContain('hint: 2 files failed to load (see their errors) and may define it;');
      expect(run.stderr).toContain('schema-gen: 3 errors; nothing was written');
    }));

  it('a broken file among good ones still fails the run, with nothing written', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      await writeFile(join(dir, 'schemas', 'good.json'), '{"title": "Good", "type": "string"}');
      await writeFile(join(dir, 'schemas', 'bad.json'), '{"title": "Bad",}');
      const report = await generate({ cwd: dir, outDir: 'out' });
      expect(report.status).toBe('failed');
      expect(report.written).toEqual([]);
      expect(report.diagnostics.map((d) => d.code)).toEqual(['syntax-error']);
    }));
});
