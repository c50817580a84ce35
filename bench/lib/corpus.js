// The Amazon Cognito corpus as the benchmarks see it, and the ref rewriting the other
// tools need before they can read it: neither json-schema-to-typescript nor ajv knows
// that `#/components/schemas/X` means "the sibling file of my family titled X".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS = resolve(REPO, '../shared/corpus/amazon-cognito');
export const SCHEMA_DIR = join(CORPUS, 'json-schema');
export const EXAMPLES_DIR = join(CORPUS, 'examples');
export const OPENAPI = {
  'user-pools-': join(CORPUS, 'openapi/amazon-cognito-user-pools-openapi.yml'),
  'identity-pools-': join(CORPUS, 'openapi/amazon-cognito-identity-pools-openapi.yml'),
};
/** The CLI arguments that generate the whole corpus, relative to the repository. */
export const CLI_ARGS = ['../shared/corpus/amazon-cognito/json-schema', ...Object.values(OPENAPI).flatMap((f) => ['--components', f])];

/**
 * Exit 0 with a clear message when the corpus is not checked out next to the
 * repository; exit 1 when our code is not built.
 */
export function requireCorpus(bench) {
  if (!existsSync(join(REPO, 'dist/index.js'))) {
    console.error(`${bench}: ${join(REPO, 'dist')} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
  if (existsSync(SCHEMA_DIR) && Object.values(OPENAPI).every((f) => existsSync(f))) return;
  console.log(`${bench}: corpus not found at ${CORPUS} (expected ../shared/corpus next to the repository); skipped.`);
  process.exit(0);
}

export function familyOf(file) {
  return Object.keys(OPENAPI).find((prefix) => file.startsWith(prefix)) ?? '';
}

const kebab = (name) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
const COMPONENT_REF = /^#\/components\/schemas\/(.+)$/;

/** Every corpus schema file, parsed: `[{ file, json }]`, sorted by file name. */
export function readCorpus() {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, json: JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) }));
}

/**
 * Copies of the corpus that plain `$ref` resolution understands: every
 * `#/components/schemas/X` points at `refTo(file)` of the sibling titled X in the same
 * family. The names that only the OpenAPI documents define (ErrorCode,
 * PreventUserExistenceErrorTypes, RiskExceptionConfigurationType) become extra files,
 * `<family>openapi-<name>-schema.json`, holding the component with `title` = its name
 * and its own refs rewritten the same way. `$id` (a raw GitHub URL that would send
 * relative refs to the network) is replaced by `idOf(file, $id)`, or removed.
 */
export function rewriteCorpus({ refTo, idOf = () => undefined }) {
  const docs = readCorpus();
  const byTitle = new Map(docs.map((d) => [familyOf(d.file) + d.json.title, d.file]));
  const components = new Map(); // family + name → component schema
  const extra = [];
  const target = (family, name) => {
    const sibling = byTitle.get(family + name);
    if (sibling) return sibling;
    const file = `${family}openapi-${kebab(name)}-schema.json`;
    if (!extra.some((e) => e.file === file)) {
      const schema = openapiComponents(family)[name];
      if (!schema) throw new Error(`no sibling or OpenAPI component named ${name} in family ${family}`);
      extra.push({ file, json: { title: name, ...structuredClone(schema) } });
      components.set(family + name, file);
    }
    return file;
  };
  const rewrite = ({ file, json }) => {
    const family = familyOf(file);
    const copy = structuredClone(json);
    walk(copy, (node) => {
      const m = typeof node.$ref === 'string' && COMPONENT_REF.exec(node.$ref);
      if (m) node.$ref = refTo(target(family, decodeURIComponent(m[1])));
    });
    const id = idOf(file, json.$id);
    if (id === undefined) delete copy.$id;
    else copy.$id = id;
    return { file, json: copy };
  };
  const out = docs.map(rewrite);
  for (let i = 0; i < extra.length; i++) out.push(rewrite(extra[i])); // extras may add extras
  return { docs: out, openapiOnly: [...components.entries()].map(([k, file]) => ({ name: k, file })) };
}

const openapiCache = new Map();
function openapiComponents(family) {
  if (!openapiCache.has(family)) openapiCache.set(family, yaml.load(readFileSync(OPENAPI[family], 'utf8')).components.schemas);
  return openapiCache.get(family);
}

function walk(node, visit) {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node);
    Object.values(node).forEach((n) => walk(n, visit));
  }
}
