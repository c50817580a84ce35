import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCliCaptured } from '../helpers/cli.js';
import { withTempDir } from '../helpers/temp-dir.js';

// Documents whose text holds no `pattern` (and no escape) are not walked for patterns: a key spelled with escapes must still be checked.
describe('patterns that compile neither with nor without the u flag', () => {
  it('are refused at their place, written plainly or with escapes (JSON \\u, YAML \\x), types-only too', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      await writeFile(join(dir, 'schemas', 'plain.json'), '{\n  "type": "string",\n  "pattern": "(["\n}\n');
      await writeFile(join(dir, 'schemas', 'escaped.json'), '{"properties": {"a": {"p\\u0061ttern": "(["}}}');
      await writeFile(join(dir, 'schemas', 'escaped-names.json'), '{"p\\u0061tternProperties": {"([": {"type": "integer"}}}');
      await writeFile(join(dir, 'schemas', 'escaped.yaml'), 'properties:\n  a:\n    "\\x70attern": "(["\n');
      await writeFile(join(dir, 'schemas', 'fine.json'), '{"type": "string", "description": "no such key here"}');
      const run = await runCliCaptured(['--types-only'], dir);
      expect(run.code).toBe(2);
      const places = [...run.stderr.matchAll(/error in (\S+) at (\S+): invalid schema/g)].map((m) => `${m[1]} ${m[2]}`).sort();
      expect(places).toEqual([
        'schemas/escaped-names.json:1:29 /patternProperties/([',
        'schemas/escaped.json:1:23 /properties/a/pattern',
        'schemas/escaped.yaml:3:5 /properties/a/pattern',
        'schemas/plain.json:3:3 /pattern',
      ]);
      expect(await readdir(dir)).toEqual(['schemas']);
    }));
});
