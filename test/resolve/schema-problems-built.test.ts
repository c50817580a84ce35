import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCliChild } from '../helpers/child-cli.js';
import { runCliCaptured } from '../helpers/cli.js';
import { withTempDir } from '../helpers/temp-dir.js';

/** One broken schema per draft, each with several mistakes (and an OpenAPI document whose schemas include no schema at all). */
const BROKEN: Record<string, unknown> = {
  'draft-04.json': { $schema: 'http://json-schema.org/draft-04/schema#', type: 'object', exclusiveMinimum: 3, required: [], properties: { a: { type: 'strin' }, b: { enum: 5 } } },
  'draft-06.json': { $schema: 'http://json-schema.org/draft-06/schema#', type: 'object', exclusiveMinimum: true, properties: { a: { minLength: -1 }, b: { items: 5 } } },
  'draft-07.json': { $schema: 'http://json-schema.org/draft-07/schema#', if: 5, properties: { a: { required: 'a' }, b: { type: ['string', 'string'] } } },
  '2019-09.json': { $schema: 'https://json-schema.org/draft/2019-09/schema', $anchor: '1bad', properties: { a: { dependentRequired: { x: 5 } }, b: { $recursiveAnchor: 'yes' } } },
  '2020-12.json': { $schema: 'https://json-schema.org/draft/2020-12/schema', items: [{}], prefixItems: {}, properties: { a: { $dynamicAnchor: 5 }, b: { minContains: 'one' } } },
};
const COMPONENTS = [
  'openapi: 3.0.3',
  'info: {title: t, version: "1"}',
  'components:',
  '  schemas:',
  '    Nothing: null',
  '    Number: 5',
  '    Bad: {type: object, nullable: 5, required: x}',
  '',
].join('\n');

describe('the meta-schema check of the built CLI (precompiled validators)', () => {
  it('reports exactly what the check compiled at run time reports: messages, places, order', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      for (const [name, schema] of Object.entries(BROKEN)) await writeFile(join(dir, 'schemas', name), JSON.stringify(schema, null, 2));
      await writeFile(join(dir, 'api.yml'), COMPONENTS);
      const args = ['schemas', '--components', 'api.yml', '--no-cache'];
      const built = await runCliChild(args, dir);
      const inProcess = await runCliCaptured(args, dir);
      expect([built.code, inProcess.code]).toEqual([2, 2]);
      expect(built.stderr).toBe(inProcess.stderr);
      // Each file's mistakes are there (so equality says something).
      for (const name of [...Object.keys(BROKEN), 'api.yml']) expect(built.stderr).toContain(`error in ${name === 'api.yml' ? name : `schemas/${name}`}`);
      expect(built.stderr).toContain('at /components/schemas/Nothing: invalid schema: "Nothing" must be object');
    }));
});
