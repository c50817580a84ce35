// What every tool has to do before anything else: list the input folders and read and
// parse every schema file (JSON) and components document (YAML, with js-yaml, the parser
// schema-gen's load stage uses). Shared by the I/O floor children.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

const SCHEMA_FILE = /\.(json|ya?ml)$/i;

/** Every file named by `paths`: a folder stands for the schema files directly in it. */
export function inputFiles(paths) {
  return paths.flatMap((path) =>
    statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => SCHEMA_FILE.test(name))
          .sort()
          .map((name) => join(path, name))
      : [path],
  );
}

/** Read and parse every input; returns how many bytes were read (so nothing is optimised away). */
export function readAndParse(paths) {
  let bytes = 0;
  let nodes = 0;
  for (const file of inputFiles(paths)) {
    const text = readFileSync(file, 'utf8');
    bytes += text.length;
    const value = /\.ya?ml$/i.test(file) ? yaml.load(text) : JSON.parse(text);
    nodes += value && typeof value === 'object' ? Object.keys(value).length : 1;
  }
  return { bytes, nodes };
}
