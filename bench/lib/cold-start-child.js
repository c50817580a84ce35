// One cold start, in a fresh process (spawned by bench/validators.js):
//   node cold-start-child.js <mode> <outDir | ajv-schemas.json> <example.json>
// Everything the mode needs is imported after the clock starts. Prints one JSON line:
// { inProcessMs, sinceStartMs (includes Node's own start-up), valid }.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const [mode, source, examplePath] = process.argv.slice(2);
const example = examplePath ? JSON.parse(readFileSync(examplePath, 'utf8')) : undefined;
const start = performance.now();
let valid = null;

if (mode === 'ours-index') {
  // the generated index: all 534 validators
  const generated = await import(pathToFileURL(join(source, 'index.js')).href);
  valid = generated.validateAdminInitiateAuthResponse(example);
} else if (mode === 'ours-bundle') {
  // the --bundle output: all 534 validators in one module
  const generated = await import(pathToFileURL(join(source, 'bundle.js')).href);
  valid = generated.validateAdminInitiateAuthResponse(example);
} else if (mode === 'ours-one') {
  // only the module of the validator used (and the modules it imports)
  const generated = await import(pathToFileURL(join(source, 'validators/AdminInitiateAuthResponse.js')).href);
  valid = generated.validateAdminInitiateAuthResponse(example);
} else if (mode === 'ajv-all' || mode === 'ajv-one') {
  const { createAjv, ADMIN_INITIATE_AUTH_RESPONSE_ID } = await import('./ajv.js');
  const schemas = JSON.parse(readFileSync(source, 'utf8'));
  const ajv = createAjv(schemas);
  if (mode === 'ajv-all') for (const schema of schemas) ajv.getSchema(schema.$id); // compiles
  valid = ajv.getSchema(ADMIN_INITIATE_AUTH_RESPONSE_ID)(example);
} else if (mode !== 'baseline') {
  throw new Error(`unknown mode ${mode}`);
}

const end = performance.now();
console.log(JSON.stringify({ inProcessMs: end - start, sinceStartMs: end, valid }));
