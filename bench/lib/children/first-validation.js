// Import one generated module and validate one value, in a fresh process: what a program
// that validates pays before its first answer. Everything is imported after the clock starts.
//   node first-validation.js <module file> <export name> [instance .json, default {}]
// Prints one JSON line: { inProcessMs, valid }.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const [file, exportName, instanceFile] = process.argv.slice(2);
const instance = instanceFile ? JSON.parse(readFileSync(instanceFile, 'utf8')) : {};
const start = performance.now();
const validate = (await import(pathToFileURL(file).href))[exportName];
if (typeof validate !== 'function') throw new Error(`${file} exports no function ${exportName}`);
const valid = validate(instance);
console.log(JSON.stringify({ inProcessMs: performance.now() - start, valid }));
