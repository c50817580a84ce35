// The corpora the reference benchmark runs on, each laid out in a temporary folder as a
// user's project would be: `project/` holds the inputs (and `node_modules/`, where
// schema-gen keeps its validator cache), `plain` the same schemas for tools that only
// follow file refs, `cold/` is an empty working folder without `node_modules` (so no cache).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CORPUS, EXAMPLES_DIR, OPENAPI, SCHEMA_DIR, rewriteCorpus } from './corpus.js';
import { singleFileSchema, syntheticCorpus } from './synthetic-corpus.js';

export const REAL_CORPUS_PRESENT = existsSync(SCHEMA_DIR) && Object.values(OPENAPI).every((f) => existsSync(f));

function layout(root, key) {
  const dir = join(root, key);
  const project = join(dir, 'project');
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  mkdirSync(join(dir, 'cold'), { recursive: true });
  return { dir, project };
}

function writeFiles(folder, files) {
  for (const [path, text] of files) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
}

/** Two edits of one schema file: one description changed, alternately to A and to B. */
export function editVersions(text) {
  const schema = JSON.parse(text);
  let holder = schema;
  const find = (node, depth) => {
    if (!node || typeof node !== 'object') return false;
    if (depth > 0 && !Array.isArray(node) && typeof node.description === 'string') {
      holder = node;
      return true;
    }
    return Object.values(node).some((child) => find(child, depth + 1));
  };
  find(schema, 0);
  const original = holder.description;
  return ['A', 'B'].map((version) => {
    holder.description = `${original} (edited: ${version})`;
    return `${JSON.stringify(schema, null, 2)}\n`;
  });
}

const sizeOf = (paths) => paths.reduce((n, p) => n + readFileSync(p).length, 0);
const filesIn = (folder) =>
  readdirSync(folder)
    .sort()
    .map((f) => join(folder, f));

/** The Amazon Cognito profile, copied (so that one file can be edited): 531 files + 2 OpenAPI documents. */
export function realCorpus(root) {
  const { dir, project } = layout(root, 'cognito');
  cpSync(SCHEMA_DIR, join(project, 'json-schema'), { recursive: true });
  const components = Object.values(OPENAPI).map((file) => {
    const copy = join(project, 'openapi', file.split('/').pop());
    cpSync(file, copy);
    return copy;
  });
  const plain = join(dir, 'plain');
  writeFiles(
    plain,
    rewriteCorpus({ refTo: (file) => `./${file}` }).docs.map((d) => [d.file, `${JSON.stringify(d.json, null, 2)}\n`]),
  );
  const inputs = [join(project, 'json-schema')];
  const editFile = join(project, 'json-schema', 'user-pools-admin-initiate-auth-response-schema.json');
  return {
    key: 'cognito',
    label: 'Cognito corpus (real), 1×',
    dir,
    project,
    inputs,
    components,
    plain,
    edit: { file: editFile, versions: editVersions(readFileSync(editFile, 'utf8')) },
    probe: { name: 'AdminInitiateAuthResponse', instance: join(EXAMPLES_DIR, 'user-pools-admin-initiate-auth-response-example.json') },
    facts: { files: readdirSync(inputs[0]).length, components: components.length, bytes: sizeOf([...filesIn(inputs[0]), ...components]), source: CORPUS },
  };
}

/** The synthetic Cognito-style corpus, `copies` times (renamed copies). */
export function syntheticCorpusIn(root, copies) {
  const { dir, project } = layout(root, `synthetic-${copies}x`);
  const corpus = syntheticCorpus({ copies });
  writeFiles(
    project,
    [...corpus.files].filter(([path]) => !path.startsWith('plain/')),
  );
  writeFiles(
    dir,
    [...corpus.files].filter(([path]) => path.startsWith('plain/')),
  );
  const inputs = [join(project, 'json-schema')];
  const components = filesIn(join(project, 'openapi'));
  const editFile = join(project, corpus.edit.file);
  return {
    key: `synthetic-${copies}x`,
    label: `synthetic corpus ${copies}×`,
    copies,
    dir,
    project,
    inputs,
    components,
    plain: join(dir, 'plain'),
    edit: { file: editFile, versions: editVersions(readFileSync(editFile, 'utf8')) },
    probe: { name: corpus.probe.name },
    facts: { files: corpus.inputCount, components: components.length, bytes: sizeOf([...filesIn(inputs[0]), ...components]), refs: corpus.refs },
  };
}

/** One big schema file (`$defs` in the corpus style), by size or by number of definitions. */
export function singleFileCorpus(root, key, label, options) {
  const { dir, project } = layout(root, key);
  const { text, defs, probe } = singleFileSchema(options);
  const file = join(project, 'catalogue.json');
  writeFileSync(file, text);
  const { $id: _id, ...plainSchema } = JSON.parse(text);
  const plain = join(dir, 'catalogue.json');
  writeFileSync(plain, `${JSON.stringify(plainSchema, null, 2)}\n`);
  return {
    key,
    label,
    dir,
    project,
    inputs: [file],
    components: [],
    plain,
    jsttOptions: ['--unreachableDefinitions'], // one file: every definition declared, as schema-gen does
    edit: { file, versions: editVersions(text) },
    probe,
    facts: { files: 1, components: 0, bytes: text.length, defs, warnings: options.unknownKeyword ? defs : 0 },
  };
}
