import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate } from '../../src/index.js';
import { loadDocuments } from '../../src/load/index.js';
import { buildTypeModel } from '../../src/model/index.js';
import { resolveDocuments } from '../../src/resolve/index.js';
import { CORPUS_SCHEMAS, describeCorpus, IDENTITY_POOLS_OPENAPI, USER_POOLS_OPENAPI } from '../helpers/corpus.js';
import { CORPUS } from '../helpers/paths.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { runTimeValidators } from '../helpers/run-time-ajv.js';

const components = [USER_POOLS_OPENAPI, IDENTITY_POOLS_OPENAPI];
type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };

/** Each example file with the type name of the schema file it belongs to. */
async function examplesWithTypes(): Promise<{ example: string; typeName: string; validate: (data: unknown) => unknown; data: unknown }[]> {
  const loaded = await loadDocuments({ inputs: [CORPUS_SCHEMAS], components, cwd: process.cwd() });
  const graph = resolveDocuments(loaded.documents, { roots: loaded.roots, allowRemote: false, mappedPrefixes: [] });
  const model = buildTypeModel(graph, { additionalProperties: 'none', renames: {} });
  const validatorOf = runTimeValidators(graph, model, { allErrors: true, formats: 'assert' });
  const examplesDir = join(CORPUS, 'examples');
  return readdirSync(examplesDir)
    .sort()
    .flatMap((example) => {
      const schemaPath = join(CORPUS_SCHEMAS, example.replace(/-example\.json$/, '-schema.json'));
      const type = model.types.find((t) => t.location.doc.absolutePath === schemaPath && t.location.pointer === '');
      if (!existsSync(schemaPath) || !type) return [];
      const data = JSON.parse(readFileSync(join(examplesDir, example), 'utf8')) as unknown;
      return [{ example, typeName: type.name, validate: validatorOf(type), data }];
    });
}

describeCorpus('generated validators on the Cognito corpus', () => {
  it('give the same verdict as ajv at run time on every example, from index.js and from their own modules, as ES modules and as CommonJS in plain Node', () =>
    withTempDir(async (dir) => {
      const esm = join(dir, 'esm');
      const cjs = join(dir, 'cjs');
      expect((await generate({ inputs: [CORPUS_SCHEMAS], components, outDir: esm })).status).toBe('written');
      expect((await generate({ inputs: [CORPUS_SCHEMAS], components, outDir: cjs, module: 'cjs' })).status).toBe('written');
      const examples = await examplesWithTypes();
      expect(examples.length).toBeGreaterThan(500);

      const expected: Record<string, boolean> = {};
      const ours: Record<string, boolean> = {};
      const index = (await import(pathToFileURL(join(esm, 'index.js')).href)) as Record<string, Validate>;
      for (const { example, typeName, validate, data } of examples) {
        expected[example] = validate(structuredClone(data)) as boolean;
        const module = (await import(pathToFileURL(join(esm, 'validators', `${typeName}.js`)).href)) as Record<string, Validate>;
        const [own, fromIndex] = [module[`validate${typeName}`]!, index[`validate${typeName}`]!];
        ours[example] = own(structuredClone(data));
        // index.js holds its own copy of each validator: the same verdict and the same errors.
        expect([fromIndex(structuredClone(data)), fromIndex.errors]).toEqual([ours[example], own.errors]);
      }
      expect(ours).toEqual(expected);
      // Placeholder data mostly fails, but not all of it: both verdicts occur.
      expect(new Set(Object.values(ours))).toEqual(new Set([true, false]));

      // The same verdicts from a plain Node process, for both module formats.
      const jobs = examples.map(({ example, typeName }) => [example, typeName, join(CORPUS, 'examples', example)]);
      for (const [format, out] of [
        ['esm', esm],
        ['cjs', cjs],
      ] as const) {
        const script = `
          const load = ${format === 'esm' ? '(p) => import(p)' : '(p) => Promise.resolve(require(p))'};
          const jobs = ${JSON.stringify(jobs)};
          const verdicts = {};
          const index = await load(${JSON.stringify(out)} + '/index.js');
          for (const [example, typeName, file] of jobs) {
            const m = await load(${JSON.stringify(out)} + '/validators/' + typeName + '.js');
            const data = () => JSON.parse(require('node:fs').readFileSync(file, 'utf8'));
            const own = m['validate' + typeName](data());
            verdicts[example] = index['validate' + typeName](data()) === own ? own : 'index.js disagrees';
          }
          console.log(JSON.stringify(verdicts));`;
        const wrapped = format === 'esm' ? `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); ${script}` : `(async () => { ${script} })();`;
        const args = format === 'esm' ? ['--input-type=module', '-e', wrapped] : ['-e', wrapped];
        const output = execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8', maxBuffer: 16 << 20 });
        expect(JSON.parse(output)).toEqual(expected);
      }
    }));

  it('explain the corpus example of AdminInitiateAuthResponse, naming /ChallengeParameters and the expected type', () =>
    withTempDir(async (dir) => {
      await generate({ inputs: [CORPUS_SCHEMAS], components, outDir: dir });
      const index = (await import(pathToFileURL(join(dir, 'index.js')).href)) as { validateAdminInitiateAuthResponse: Validate; formatErrors: (e: unknown) => string };
      const example = JSON.parse(readFileSync(join(CORPUS, 'examples', 'user-pools-admin-initiate-auth-response-example.json'), 'utf8'));
      expect(index.validateAdminInitiateAuthResponse(example)).toBe(false);
      const message = index.formatErrors(index.validateAdminInitiateAuthResponse.errors);
      expect(message).toMatch(/^\/ChallengeParameters: must be object \(schema .*user-pools-challenge-parameters-type-schema\.json#\/type\)$/m);
    }));
});
