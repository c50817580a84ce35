import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCliCaptured } from '../helpers/cli.js';
import { withTempDir } from '../helpers/temp-dir.js';

// Issue 8.1: the internal keyword that makes one validator call another was accepted in
// input, and its value was emitted as a function name (`eval(data.cmd)`).
describe('keys starting with x-schema-gen- in input', () => {
  it('are refused with exit 2 at the key’s line and column, and nothing is written', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      const schema = '{\n  "type": "object",\n  "properties": {\n    "cmd": {"type": "string", "x-schema-gen-validator": "eval"}\n  }\n}\n';
      await writeFile(join(dir, 'schemas', 'command.json'), schema);
      const run = await runCliCaptured([], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('error in schemas/command.json:4:31 at /properties/cmd/x-schema-gen-validator: "x-schema-gen-validator": keys starting with "x-schema-gen-" are reserved');
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(await readdir(dir)).toEqual(['schemas']);
    }));

  it('are refused wherever a $ref could make them a keyword, and allowed as names of properties and definitions', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      const schema = {
        type: 'object',
        properties: { 'x-schema-gen-validator': { type: 'string' } },
        $defs: { 'x-schema-gen-name': { type: 'number' } },
        'x-vendor': { nested: { 'x-schema-gen-a': 'eval' } },
        const: [{ 'x-schema-gen-b': 1 }],
      };
      await writeFile(join(dir, 'schemas', 'names.json'), JSON.stringify(schema, null, 2));
      const run = await runCliCaptured([], dir);
      expect(run.code).toBe(2);
      const places = [...run.stderr.matchAll(/ at (\/\S+): /g)].map((m) => m[1]);
      expect(places).toEqual(['/const/0/x-schema-gen-b', '/x-vendor/nested/x-schema-gen-a']);
    }));

  it('are refused when the text spells them with escapes (JSON \\u, YAML \\x)', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      await writeFile(join(dir, 'schemas', 'escaped.json'), '{"properties": {"a": {"x\\u002dschema-gen-validator": "eval"}}}');
      await writeFile(join(dir, 'schemas', 'escaped.yaml'), 'properties:\n  a:\n    "x\\x2dschema-gen-validator": eval\n');
      const run = await runCliCaptured([], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('error in schemas/escaped.json:1:23 at /properties/a/x-schema-gen-validator');
      expect(run.stderr).toContain('error in schemas/escaped.yaml:3:5 at /properties/a/x-schema-gen-validator');
    }));

  it('in an OpenAPI document: component names may use the prefix, schemas may not', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      const api = { openapi: '3.1.0', components: { schemas: { 'x-schema-gen-ok': { type: 'object', 'x-schema-gen-validator': 'Function' } } } };
      await writeFile(join(dir, 'schemas', 'api.json'), JSON.stringify(api, null, 2));
      const run = await runCliCaptured([], dir);
      expect(run.code).toBe(2);
      expect([...run.stderr.matchAll(/ at (\/\S+): /g)].map((m) => m[1])).toEqual(['/components/schemas/x-schema-gen-ok/x-schema-gen-validator']);
    }));
});
