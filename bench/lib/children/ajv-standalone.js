// ajv's own way to precompile: compile every schema (and every `$defs` entry, as schema-gen
// makes a validator of each) with the options schema-gen compiles with, and write ajv's
// standaloneCode of all of them as one ES module.
//   node ajv-standalone.js <folder of schemas with file refs | one schema file> <output .js file>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { createAjv, standaloneCode } from '../ajv.js';
import { inputFiles } from './inputs.js';

const [source, outFile] = process.argv.slice(2);
const schemas = inputFiles([source])
  .filter((file) => file.endsWith('.json'))
  .map((file) => {
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    schema.$id ??= basename(file); // file refs (`./sibling.json`) resolve against it
    return schema;
  });
const ajv = createAjv(schemas, { code: { source: true, esm: true } });
const exported = {};
for (const schema of schemas) {
  exported[`exported_${Object.keys(exported).length}`] = schema.$id;
  for (const key of Object.keys(schema.$defs ?? {})) exported[`exported_${Object.keys(exported).length}`] = `${schema.$id}#/$defs/${encodeURIComponent(key)}`;
}
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, standaloneCode(ajv, exported));
