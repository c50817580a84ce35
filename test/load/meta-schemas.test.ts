import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { generate } from '../../src/index.js';
import { builtInMetaSchema, builtInMetaSchemaUri, isUnderMetaSchemaFolder, knownMetaSchemaUris } from '../../src/load/meta-schemas.js';
import { generateAndImport } from '../helpers/generate-and-import.js';
import { withTempDir } from '../helpers/temp-dir.js';

describe('the built-in meta-schema table', () => {
  it.each([
    ['https://json-schema.org/draft/2020-12/schema', 'https://json-schema.org/draft/2020-12/schema'],
    ['http://json-schema.org/draft/2020-12/schema.json', 'https://json-schema.org/draft/2020-12/schema'],
    ['https://json-schema.org/draft/2020-12/meta/core', 'https://json-schema.org/draft/2020-12/meta/core'],
    ['http://json-schema.org/draft-07/schema#', 'http://json-schema.org/draft-07/schema'],
    ['https://json-schema.org/draft-07/schema', 'http://json-schema.org/draft-07/schema'],
    ['http://json-schema.org/draft-06/schema.json', 'http://json-schema.org/draft-06/schema'],
    ['https://json-schema.org/draft/2019-09/meta/format', 'https://json-schema.org/draft/2019-09/meta/format'],
  ])('%s is %s', (spelling, canonical) => {
    expect(builtInMetaSchemaUri(spelling)).toBe(canonical);
  });

  it.each([
    'https://json-schema.org/draft/2020-12/..%2F..%2F..%2Fetc%2Fpasswd',
    'https://json-schema.org/draft/2020-12/meta/..%2F..%2Fschema',
    'https://json-schema.org/draft/2020-12/schema/extra',
    'https://evil.example/json-schema.org/draft/2020-12/schema',
  ])('%s names no meta-schema', (uri) => {
    expect(builtInMetaSchemaUri(uri)).toBeUndefined();
  });

  it('URLs in the meta-schema folders that the table does not hold are recognised (never fetched)', () => {
    expect(isUnderMetaSchemaFolder('https://json-schema.org/draft/2020-12/..%2F..%2Fsecret.json')).toBe(true);
    expect(isUnderMetaSchemaFolder('http://json-schema.org/draft-07/hyper-schema')).toBe(true);
    expect(isUnderMetaSchemaFolder('https://json-schema.org/learn/')).toBe(false);
    expect(isUnderMetaSchemaFolder('https://example.com/draft/2020-12/schema')).toBe(false);
  });

  it("every entry is the document ajv ships under that $id, copied (ajv's own stays untouched)", () => {
    const require = createRequire(import.meta.url);
    const ajvCopy = require('ajv/dist/refs/json-schema-2020-12/schema.json') as Record<string, unknown>;
    for (const uri of knownMetaSchemaUris()) {
      const document = builtInMetaSchema(uri)!;
      const json = document.json as { $id?: string; id?: string };
      // Draft-04 names itself with `id`.
      expect(String(json.$id ?? json.id).replace(/#$/, '')).toBe(uri);
      expect(JSON.parse(document.text)).toEqual(document.json);
    }
    const served = builtInMetaSchema('https://json-schema.org/draft/2020-12/schema')!.json as Record<string, unknown>;
    expect(served).toEqual(ajvCopy);
    expect(served).not.toBe(ajvCopy);
  });

  it('a --map-uri of a meta-schema folder answers what the table does not hold; the table keeps its own', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'vendor'));
      await writeFile(join(dir, 'vendor', 'hyper-schema.json'), JSON.stringify({ title: 'Hyper', type: 'object' }));
      await writeFile(join(dir, 'vendor', 'schema.json'), JSON.stringify({ title: 'NotTheRealOne', type: 'string' }));
      await mkdir(join(dir, 'schemas'));
      const a = { title: 'A', type: 'object', properties: { h: { $ref: 'http://json-schema.org/draft-07/hyper-schema' }, s: { $ref: 'http://json-schema.org/draft-07/schema#' } } };
      await writeFile(join(dir, 'schemas', 'a.json'), JSON.stringify(a));
      const report = await generate({ cwd: dir, typesOnly: true, uriMap: { 'http://json-schema.org/draft-07/': 'vendor' } });
      expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const types = await readdir(join(dir, 'generated', 'types'));
      expect(types).toContain('Hyper.d.ts');
      expect(types).not.toContain('NotTheRealOne.d.ts');
    }));

  it('the same meta-schema written several ways is one document in a run', () =>
    withTempDir(async (dir) => {
      const { report, index } = await generateAndImport(dir, {
        'a.json': {
          title: 'A',
          type: 'object',
          properties: { x: { $ref: 'https://json-schema.org/draft/2020-12/schema' }, y: { $ref: 'http://json-schema.org/draft/2020-12/schema.json#' } },
        },
      });
      expect(report.diagnostics).toEqual([]);
      expect(index.validateA!({ x: { type: 'string' }, y: { minLength: 1 } })).toBe(true);
      expect(index.validateA!({ y: { type: 5 } })).toBe(false);
    }));
});
