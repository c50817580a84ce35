import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { generate, type GenerateOptions } from '../../src/index.js';
import { yamlTextsParsedSoFar } from '../../src/load/parse-document.js';
import { readTree } from '../helpers/read-tree.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { targetCache } from '../helpers/target-cache.js';

const COMPONENTS = [
  'openapi: 3.0.3',
  "info: { title: Pools, version: '1' }",
  'paths: {}',
  'components:',
  '  schemas:',
  '    ChallengeNameType:',
  '      type: string',
  '      enum: [SMS_MFA, PASSWORD_VERIFIER]',
  '      description: <p>The challenge name.</p>',
  '',
].join('\n');

const RESPONSE = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'InitiateAuthResponse',
  description: 'The response.',
  type: 'object',
  properties: { ChallengeName: { $ref: '#/components/schemas/ChallengeNameType' } },
};

/** A project in the corpus's style: one JSON schema, its sibling types in an OpenAPI YAML document; node_modules/ holds the tool cache. */
async function project(dir: string): Promise<{ run: (extra?: GenerateOptions) => Promise<{ status: string; parsed: number }>; cacheFile: string }> {
  await mkdir(join(dir, 'schemas'));
  await mkdir(join(dir, 'node_modules'));
  await writeFile(join(dir, 'schemas', 'initiate-auth-response.json'), JSON.stringify(RESPONSE, null, 2));
  await writeFile(join(dir, 'pools.yaml'), COMPONENTS);
  return {
    cacheFile: targetCache(dir, 'yaml-parses.bin'),
    run: async (extra = {}) => {
      const before = yamlTextsParsedSoFar();
      const report = await generate({ cwd: dir, components: ['pools.yaml'], ...extra });
      if (report.status === 'failed') throw new Error(report.diagnostics.map((d) => d.message).join('\n'));
      return { status: report.status, parsed: yamlTextsParsedSoFar() - before };
    },
  };
}

async function expectSameAsUncached(dir: string, run: (extra?: GenerateOptions) => Promise<unknown>): Promise<void> {
  await run({ outDir: 'uncached', cache: false });
  expect(await readTree(join(dir, 'uncached'))).toEqual(await readTree(join(dir, 'generated')));
}

describe('YAML parses kept in the local cache', () => {
  it('a run after an edit elsewhere parses no YAML again; an edited YAML document is parsed; the output is a run without cache’s', () =>
    withTempDir(async (dir) => {
      const { run, cacheFile } = await project(dir);
      expect(await run()).toEqual({ status: 'written', parsed: 1 });
      await writeFile(join(dir, 'schemas', 'initiate-auth-response.json'), JSON.stringify({ ...RESPONSE, description: 'Edited.' }, null, 2));
      const written = (await stat(cacheFile)).mtimeMs;
      expect(await run()).toEqual({ status: 'written', parsed: 0 });
      // Nothing new was parsed: the file stays as it was.
      expect((await stat(cacheFile)).mtimeMs).toBe(written);
      await expectSameAsUncached(dir, run);

      await writeFile(join(dir, 'pools.yaml'), COMPONENTS.replace('The challenge name.', 'The name of the challenge.'));
      expect(await run()).toEqual({ status: 'written', parsed: 1 });
      expect(await readFile(join(dir, 'generated', 'types', 'ChallengeNameType.d.ts'), 'utf8')).toContain('The name of the challenge.');
      await expectSameAsUncached(dir, run);
    }));

  it('what the cache holds is what the run reads (so a recalled parse is really used)', () =>
    withTempDir(async (dir) => {
      const { run, cacheFile } = await project(dir);
      await run();
      // Swap the stored value for another under the same key: the next run must show it.
      const saved = deserialize(await readFile(cacheFile)) as { tool: string; entries: [string, Uint8Array][] };
      const [key, bytes] = saved.entries[0]!;
      const value = deserialize(bytes) as { components: { schemas: { ChallengeNameType: { description: string } } } };
      value.components.schemas.ChallengeNameType.description = '<p>Swapped in the cache.</p>';
      await writeFile(cacheFile, serialize({ tool: saved.tool, entries: [[key, serialize(value)]] }));
      await writeFile(join(dir, 'schemas', 'initiate-auth-response.json'), JSON.stringify({ ...RESPONSE, description: 'Edited.' }, null, 2));
      expect((await run()).parsed).toBe(0);
      expect(await readFile(join(dir, 'generated', 'types', 'ChallengeNameType.d.ts'), 'utf8')).toContain('Swapped in the cache.');
    }));

  it('a damaged file or another build’s is no cache; --check never writes it; --no-cache neither reads nor writes it', () =>
    withTempDir(async (dir) => {
      const { run, cacheFile } = await project(dir);
      await run();
      await writeFile(cacheFile, 'not what we write');
      await writeFile(join(dir, 'schemas', 'initiate-auth-response.json'), JSON.stringify({ ...RESPONSE, description: 'One.' }, null, 2));
      expect(await run()).toEqual({ status: 'written', parsed: 1 });
      await expectSameAsUncached(dir, run);

      const saved = deserialize(await readFile(cacheFile)) as { tool: string; entries: unknown };
      await writeFile(cacheFile, serialize({ ...saved, tool: 'another build' }));
      await writeFile(join(dir, 'schemas', 'initiate-auth-response.json'), JSON.stringify({ ...RESPONSE, description: 'Two.' }, null, 2));
      const foreign = await readFile(cacheFile);
      expect(await run({ check: true })).toEqual({ status: 'stale', parsed: 1 });
      expect(await readFile(cacheFile)).toEqual(foreign);
      expect(await run({ cache: false })).toEqual({ status: 'written', parsed: 1 });
      expect(await readFile(cacheFile)).toEqual(foreign);
      // A run of this build replaces another build's file.
      await writeFile(join(dir, 'schemas', 'initiate-auth-response.json'), JSON.stringify({ ...RESPONSE, description: 'Three.' }, null, 2));
      expect(await run()).toEqual({ status: 'written', parsed: 1 });
      expect((deserialize(await readFile(cacheFile)) as { tool: string }).tool).toBe(saved.tool);
    }));
});
