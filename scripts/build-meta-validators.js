// Precompiles each draft's meta-schema validator (ajv's standalone code, with exactly the
// options of the meta-schema check) into dist/meta-schema-validators/<draft>.cjs, so a run
// checks a document without compiling a meta-schema first (~50 ms for 2020-12). Runs after
// tsc: the options, the drafts and the folder come from the compiled sources, so they
// cannot differ from what the check uses. ajv's CommonJS output is written as ajv writes
// it (nothing in it needs changing); record.json says which ajv wrote it, with which
// options, and a run uses the modules only where that matches its own (src/ajv/meta-validators.ts).
import { parse } from 'acorn';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { newAjvFor } from '../dist/ajv/dialects.js';
import { compiledMetaValidator, expectedRecord, META_CHECK_OPTIONS, PRECOMPILED_FOLDER, precompiledMetaValidators, RECORD_FILE } from '../dist/ajv/meta-validators.js';
import { standaloneCode } from '../dist/ajv/modules.js';
import { DRAFTS, META_SCHEMA_URIS } from '../dist/schema/dialect.js';

/** The only modules the code may load: ajv's run-time helpers, found from dist/ as ajv itself is. */
const ALLOWED_REQUIRE = /^ajv\/dist\/runtime\/[a-z0-9]+$/;

const record = expectedRecord();
await rm(PRECOMPILED_FOLDER, { recursive: true, force: true });
await mkdir(PRECOMPILED_FOLDER, { recursive: true });
for (const draft of DRAFTS) {
  // `code.source` keeps the code ajv generates (and runs) anyway: it changes nothing in it.
  const ajv = newAjvFor(draft, { ...META_CHECK_OPTIONS, code: { source: true } });
  const validate = ajv.getSchema(META_SCHEMA_URIS[draft]);
  if (!validate) throw new Error(`ajv holds no meta-schema ${META_SCHEMA_URIS[draft]}`);
  const code = standaloneCode(ajv, validate);
  for (const name of requiredModules(code)) {
    if (!ALLOWED_REQUIRE.test(name)) throw new Error(`the ${draft} meta-schema validator requires ${JSON.stringify(name)}: only ajv's run-time helpers are expected`);
  }
  await writeFile(join(PRECOMPILED_FOLDER, record.modules[draft]), code);
}
await writeFile(join(PRECOMPILED_FOLDER, RECORD_FILE), `${JSON.stringify(record)}\n`);

// A smoke check of what was written (the tests compare them with the run-time compile at length).
const load = precompiledMetaValidators(PRECOMPILED_FOLDER);
if (!load) throw new Error(`${PRECOMPILED_FOLDER} was just written, yet its record does not match this build`);
for (const draft of DRAFTS) {
  const [precompiled, compiled] = [load(draft), compiledMetaValidator(draft)];
  for (const schema of [{}, { type: 5, required: 'a' }]) {
    const verdicts = [precompiled(schema), compiled(schema)];
    if (verdicts[0] !== verdicts[1] || JSON.stringify(precompiled.errors) !== JSON.stringify(compiled.errors)) {
      throw new Error(`the precompiled ${draft} meta-schema validator disagrees with ajv's run-time compile on ${JSON.stringify(schema)}`);
    }
  }
}

/** Every `require("…")` of the code, found in its syntax tree (a string that merely looks like one is not code). */
function requiredModules(code) {
  const found = [];
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require') {
      const [argument] = node.arguments;
      if (node.arguments.length !== 1 || argument.type !== 'Literal' || typeof argument.value !== 'string') throw new Error('ajv wrote a require() of something other than a string literal');
      found.push(argument.value);
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'type') visit(value);
  };
  visit(parse(code, { ecmaVersion: 'latest', sourceType: 'script' }));
  return found;
}
