import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate } from '../../../src/index.js';
import { generateAndImport } from '../../helpers/generate-and-import.js';
import { withTempDir } from '../../helpers/temp-dir.js';

// Schemas whose meaning crosses a `$ref` (what the target evaluated, or the dynamic
// scope) are compiled with refs inlined; detecting them must not depend on how the
// document is written.
describe('schemas compiled with native refs', () => {
  it('unevaluatedProperties in any YAML spelling sees what a referenced schema evaluated', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      await writeFile(join(dir, 'schemas', 'cat.yaml'), 'title: Cat\ntype: object\nproperties:\n  name: {type: string}\n');
      await writeFile(join(dir, 'schemas', 'pets.yaml'), "title: Pets\nanyOf:\n  - 'unevaluatedProperties': false\n    $ref: cat.yaml\n");
      const report = await generate({ cwd: dir });
      expect(report.diagnostics).toEqual([]);
      const { validatePets } = (await import(pathToFileURL(join(dir, 'generated', 'index.js')).href)) as Record<string, (d: unknown) => boolean>;
      expect(validatePets!({ name: 'x' })).toBe(true);
      expect(validatePets!({ name: 'x', other: 1 })).toBe(false);
    }));

  it('a $dynamicAnchor in the referring schema extends the referenced one', () =>
    withTempDir(async (dir) => {
      const { index } = await generateAndImport(dir, {
        'tree.json': {
          $id: 'https://example.com/tree',
          title: 'Tree',
          $dynamicAnchor: 'node',
          type: 'object',
          properties: { data: true, children: { type: 'array', items: { $dynamicRef: '#node' } } },
        },
        'strict-tree.json': { $id: 'https://example.com/strict-tree', title: 'StrictTree', $dynamicAnchor: 'node', $ref: 'tree', required: ['data'] },
      });
      expect(index.validateStrictTree!({ data: 1, children: [{ data: 2 }] })).toBe(true);
      expect(index.validateStrictTree!({ data: 1, children: [{}] })).toBe(false);
      expect(index.validateTree!({ data: 1, children: [{}] })).toBe(true);
    }));

  it('refs to the draft 2020-12 meta-schema are served from ajv’s own copy, named by their URL', () =>
    withTempDir(async (dir) => {
      const { report, index } = await generateAndImport(dir, { 'definition.json': { title: 'Definition', $ref: 'https://json-schema.org/draft/2020-12/schema' } });
      expect(report.diagnostics).toEqual([]);
      expect(index.validateDefinition!({ type: 'string' })).toBe(true);
      expect(index.validateDefinition!({ type: 5 })).toBe(false);
      expect(index.validateDefinition!.errors?.[0]?.schemaPath).toBe('https://json-schema.org/draft/2020-12/meta/validation#/$defs/simpleTypes/enum');
    }));
});
