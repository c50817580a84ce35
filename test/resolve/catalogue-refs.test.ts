import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from '../../src/index.js';
import { recordNetworkAttempts } from '../helpers/no-network.js';
import { withTempDir } from '../helpers/temp-dir.js';

/** A package.json-like schema in the style of public catalogues: its $id is a URL, its refs name siblings by URL or relative path. */
const catalogue = {
  'package.json': {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://json.example-catalogue.org/package.json',
    title: 'NpmPackage',
    type: 'object',
    properties: {
      eslintConfig: { $ref: 'https://json.example-catalogue.org/eslintrc.json' },
      prettier: { $ref: 'prettierrc.json#' },
    },
  },
  'eslintrc.json': {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://json.example-catalogue.org/eslintrc.json',
    title: 'Eslintrc',
    type: 'object',
    properties: { root: { type: 'boolean' } },
  },
  'prettierrc.json': {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://json.example-catalogue.org/prettierrc.json',
    title: 'Prettierrc',
    type: 'object',
    properties: { semi: { type: 'boolean' } },
  },
};

async function writeCatalogue(dir: string, files: Record<string, unknown>): Promise<void> {
  await mkdir(join(dir, 'schemas'));
  for (const [name, json] of Object.entries(files)) await writeFile(join(dir, 'schemas', name), JSON.stringify(json, null, 2));
}

describe('refs between files of a catalogue whose $ids are URLs (issue 10)', () => {
  it('one file named as input finds its siblings by the same step from its local path, offline', () =>
    withTempDir(async (dir) => {
      await writeCatalogue(dir, catalogue);
      let report: Awaited<ReturnType<typeof generate>> | undefined;
      const attempts = await recordNetworkAttempts(async () => {
        report = await generate({ cwd: dir, inputs: ['schemas/package.json'], typesOnly: true });
      });
      expect(attempts).toEqual([]);
      expect(report!.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect((await readdir(join(dir, 'generated', 'types'))).sort()).toEqual(['Eslintrc.d.ts', 'NpmPackage.d.ts', 'Prettierrc.d.ts']);
    }));

  it('a sibling that is not there is an error at the $ref naming the file it looked for, not a network fetch', () =>
    withTempDir(async (dir) => {
      const { 'prettierrc.json': _missing, ...rest } = catalogue;
      await writeCatalogue(dir, rest);
      const report = await generate({ cwd: dir, typesOnly: true });
      const errors = report.diagnostics.filter((d) => d.severity === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ code: 'unresolved-ref', file: 'schemas/package.json', pointer: '/properties/prettier/$ref' });
      expect(errors[0]!.message).toContain('no file prettierrc.json beside schemas/package.json');
    }));
});
