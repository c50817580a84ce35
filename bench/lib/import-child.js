// One import in a fresh process (spawned by bench/layouts.js):
//   node import-child.js <import | require> <file> <example.json> <first | all>
// `first`: import the file and validate the AdminInitiateAuthResponse example once;
// `all`: import it and call every validator it exports once (on the same data). Prints
// one JSON line: { inProcessMs, valid, validators }.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const [load, file, examplePath, what] = process.argv.slice(2);
const example = JSON.parse(readFileSync(examplePath, 'utf8'));
const start = performance.now();
const loaded = load === 'require' ? createRequire(import.meta.url)(file) : await import(pathToFileURL(file).href);
let valid = null;
let validators = 1;
if (what === 'all') {
  const names = Object.keys(loaded).filter((name) => name.startsWith('validate'));
  for (const name of names) loaded[name](example);
  validators = names.length;
}
valid = loaded.validateAdminInitiateAuthResponse(example);
const end = performance.now();
console.log(JSON.stringify({ inProcessMs: end - start, valid, validators }));
