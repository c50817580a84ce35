// Writes a synthetic corpus (see synthetic-corpus.js) into a folder, to try schema-gen on
// it by hand or to test the generator; prints its facts as JSON.
//   node bench/lib/write-synthetic-corpus.js <folder> [copies]                 json-schema/, openapi/, plain/
//   node bench/lib/write-synthetic-corpus.js <folder> --defs <n> [--unknown-keyword] [--embedded]    catalogue.json
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { singleFileSchema, syntheticCorpus } from './synthetic-corpus.js';

const [folder, ...rest] = process.argv.slice(2);
if (!folder) {
  console.error('usage: node bench/lib/write-synthetic-corpus.js <folder> [copies] | --defs <n> [--unknown-keyword] [--embedded]');
  process.exit(2);
}
const write = (path, text) => {
  mkdirSync(dirname(join(folder, path)), { recursive: true });
  writeFileSync(join(folder, path), text);
};
if (rest[0] === '--defs') {
  const { text, defs, probe } = singleFileSchema({ defs: Number(rest[1]), unknownKeyword: rest.includes('--unknown-keyword'), embedded: rest.includes('--embedded') });
  write('catalogue.json', text);
  console.log(JSON.stringify({ file: 'catalogue.json', defs, probe }));
} else {
  const { files, ...facts } = syntheticCorpus({ copies: Number(rest[0] ?? 1) });
  for (const [path, text] of files) write(path, text);
  console.log(JSON.stringify(facts));
}
