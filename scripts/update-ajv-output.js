// Rewrites test/fixtures/ajv-output/<case>/output/ from <case>/input/: ajv's raw
// standalone output for each named schema (<Type>.js), before any of our steps, and the
// settings our transformation gets for it (<Type>.settings.json). The step tests run on
// these files; test/emit/validators/ajv-output-fixtures.test.ts fails when the pinned
// ajv no longer writes them. After an ajv upgrade: run this (after `npm run build`),
// review the diff, and adapt the steps in src/emit/validators/steps/.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { settingsJson, standaloneOutputs } from '../dist/emit/validators/standalone-outputs.js';
import { loadDocuments } from '../dist/load/index.js';
import { buildTypeModel } from '../dist/model/index.js';
import { resolveDocuments } from '../dist/resolve/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'ajv-output');
for (const name of readdirSync(root).sort()) {
  const dir = join(root, name);
  if (!existsSync(join(dir, 'input'))) continue;
  const optionsFile = join(dir, 'options.json');
  const options = { allErrors: true, formats: 'assert', ...(existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {}) };
  const loaded = await loadDocuments({ inputs: ['input'], components: [], cwd: dir });
  const graph = resolveDocuments(loaded.documents, { roots: loaded.roots, allowRemote: false, mappedPrefixes: [] });
  const model = buildTypeModel(graph, { additionalProperties: 'none', renames: {} });
  const problems = [...loaded.diagnostics, ...graph.diagnostics, ...model.diagnostics].filter((d) => d.severity === 'error');
  if (problems.length > 0) throw new Error(`${name}: ${JSON.stringify(problems, null, 2)}`);
  const out = join(dir, 'output');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  for (const { type, code, settings } of standaloneOutputs(graph, model, options)) {
    writeFileSync(join(out, `${type.name}.js`), code);
    writeFileSync(join(out, `${type.name}.settings.json`), settingsJson(settings, code));
  }
  console.log(`${name}: ${readdirSync(out).length / 2} outputs`);
}
