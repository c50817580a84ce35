// A synthetic corpus in the style of the Amazon Cognito profile, so that the benchmark
// can scale it (1×, 5×, 10×) and run where the real corpus is absent. Per copy: two
// families of draft 2020-12 schema files (`user-pools-…` ~432, `identity-pools-…` ~98),
// one per file, titled, whose properties are `allOf: [{ $ref: '#/components/schemas/X' },
// { description }]` with HTML descriptions; strings with patterns and lengths, enums,
// arrays, maps, integers, booleans; a few titles present in both families (the family
// rule decides); and per family an OpenAPI 3.0 document whose `components.schemas` holds
// every schema of the family plus a few names that only it defines (passed with
// `--components`). Copy k (k ≥ 2) is the same structure with every name suffixed `Copy<k>`,
// so copies never clash and each is self-consistent. Deterministic: same options, same bytes.
//
// The same generator makes one big file (`$defs`, refs `#/$defs/X`), optionally with an
// unknown keyword in every definition (one warning each).
import yaml from 'js-yaml';

/** Families and their share of one copy (Cognito: 432 user-pools + 98 identity-pools files). */
const FAMILIES = [
  { prefix: 'user-pools-', service: 'AWSSyntheticUserPoolsService', schemas: 432, componentOnly: 2 },
  { prefix: 'identity-pools-', service: 'AWSSyntheticIdentityService', schemas: 98, componentOnly: 1 },
];
/** Titles that exist in both families of a copy (Cognito has 8 such). */
const SHARED_TITLES = ['DateType', 'QueryLimit', 'PaginationKey', 'TagKeysType'];
/** Kinds in Cognito's proportions (of 531 files: 309 objects, 89 strings, 41 enums, …). */
const KINDS = [
  ['object', 0.58],
  ['string', 0.17],
  ['enum', 0.08],
  ['array', 0.1],
  ['map', 0.025],
  ['integer', 0.025],
  ['boolean', 0.02],
];
const WORDS = (
  'Account Admin Alias Analytics App Attribute Auth Auto Challenge Client Code Compromised Config Confirm Custom Delivery Device Domain ' +
  'Email Event Feedback Group Hash Identity Import Job Key Lambda Limit Link Login Mfa Name Notify Origin Password Pool Provider Policy ' +
  'Record Recovery Resource Risk Role Scope Secret Server Session Sign Sms Software Status Tag Template Token Trigger Unused User Value ' +
  'Verification Verify Web Workflow Zone'
).split(' ');
const FILLER = (
  'the a of to for and that this is in when with your you can an be are must user pool value returned request response configured ' +
  'specified attribute which only if not use set each by on or as from call'
).split(' ');
const PATTERNS = [
  '[\\w+=/,.@-]+',
  '[\\S]+',
  '^[0-9]{6}$',
  '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+',
  'arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?',
  '[\\w-]+_[0-9a-zA-Z]+',
  '^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$',
];

/** mulberry32: a small seeded PRNG, so that every run builds the same corpus. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const kebab = (name) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();

/**
 * The shape of one copy, names without suffix: `{ families: [{ prefix, service, schemas:
 * [{ name, kind, body(refOf) }], componentOnly: [...] }] }`. Bodies are functions of how
 * a ref to a name is spelt, so one shape serves every copy and every ref style.
 */
function shapeOfCopy(seed) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const used = new Set(SHARED_TITLES);
  const freshName = (suffixes) => {
    for (;;) {
      const words = 2 + Math.floor(rnd() * 2);
      let name = '';
      for (let i = 0; i < words; i++) name += pick(WORDS);
      name += pick(suffixes);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  const families = FAMILIES.map((family) => {
    const schemas = [];
    for (const name of SHARED_TITLES) schemas.push(leafSchema(rnd, pick, name, name === 'DateType' ? 'date' : 'string'));
    // Leaves first, so that refs only point backwards: a DAG, like most of the corpus.
    const kinds = [];
    for (const [kind, share] of KINDS) for (let i = 0; i < Math.round(share * family.schemas); i++) kinds.push(kind);
    kinds.length = Math.min(kinds.length, family.schemas - SHARED_TITLES.length);
    const leaves = kinds.filter((k) => ['string', 'enum', 'integer', 'boolean'].includes(k));
    const composites = kinds.filter((k) => !leaves.includes(k));
    for (const kind of leaves) schemas.push(leafSchema(rnd, pick, freshName(kind === 'enum' ? ['Type', 'Enum', 'StatusType'] : ['Type', 'String', 'Value']), kind));
    const componentOnly = [];
    for (let i = 0; i < family.componentOnly; i++) componentOnly.push(leafSchema(rnd, pick, freshName(['ErrorCode', 'ErrorTypes', 'ConfigurationKind']), 'enum'));
    for (const kind of composites) {
      const earlier = schemas.slice();
      const target = () => (rnd() < 0.02 && componentOnly.length > 0 ? pick(componentOnly).name : rnd() < 0.6 ? pick(earlier.slice(0, leaves.length + SHARED_TITLES.length)).name : pick(earlier).name);
      if (kind === 'array') {
        const items = target();
        const name = freshName(['ListType', 'List', 'sListType']);
        const bounds = rnd() < 0.3 ? { minItems: 0, maxItems: 1 + Math.floor(rnd() * 100) } : {};
        schemas.push({ name, kind, body: (refOf) => ({ type: 'array', items: { $ref: refOf(items) }, ...bounds }) });
      } else if (kind === 'map') {
        const values = target();
        const name = freshName(['MapType', 'sType', 'Map']);
        schemas.push({ name, kind, body: (refOf) => ({ type: 'object', additionalProperties: { $ref: refOf(values) } }) });
      } else {
        const name = freshName(['Request', 'Response', 'Type', 'ConfigType']);
        const count = Math.min(33, 1 + Math.floor(-Math.log(1 - rnd()) * 2));
        const properties = [];
        const names = new Set();
        while (properties.length < count) {
          const prop = pick(WORDS) + pick(WORDS);
          if (names.has(prop)) continue;
          names.add(prop);
          const inline = rnd() < 0.03;
          properties.push({ prop, ref: inline ? undefined : target(), description: description(rnd, pick, lengthOfDescription(rnd)) });
        }
        const required = properties.filter(() => rnd() < 0.3).map((p) => p.prop);
        schemas.push({
          name,
          kind,
          body: (refOf) => ({
            type: 'object',
            ...(required.length > 0 ? { required } : {}),
            properties: Object.fromEntries(
              properties.map(({ prop, ref, description: text }) => [prop, ref === undefined ? { type: 'string', description: text } : { allOf: [{ $ref: refOf(ref) }, { description: text }] }]),
            ),
          }),
        });
      }
    }
    return { ...family, schemas, componentOnly };
  });
  return { families };
}

function leafSchema(rnd, pick, name, kind) {
  if (kind === 'date') return { name, kind, body: () => ({ type: 'string', format: 'date-time' }) };
  if (kind === 'enum') {
    const values = [];
    const count = 2 + Math.floor(rnd() * 8);
    while (values.length < count) {
      const value = `${pick(WORDS)}_${pick(WORDS)}`.toUpperCase();
      if (!values.includes(value)) values.push(value);
    }
    return { name, kind, body: () => ({ type: 'string', enum: values }) };
  }
  if (kind === 'integer') {
    const maximum = 1 + Math.floor(rnd() * 100000);
    return { name, kind, body: () => ({ type: 'integer', minimum: 0, maximum }) };
  }
  if (kind === 'boolean') return { name, kind, body: () => ({ type: 'boolean' }) };
  const withPattern = rnd() < 0.6;
  const pattern = pick(PATTERNS);
  const minLength = Math.floor(rnd() * 3);
  const maxLength = [128, 256, 2048, 131072][Math.floor(rnd() * 4)];
  return { name, kind, body: () => ({ type: 'string', ...(withPattern ? { pattern } : {}), minLength, maxLength }) };
}

/** Cognito's property descriptions: median ~67 characters, mean ~210, a few of several KB. */
function lengthOfDescription(rnd) {
  const u = rnd();
  return u < 0.5 ? 40 + rnd() * 60 : u < 0.8 ? 120 + rnd() * 200 : u < 0.95 ? 400 + rnd() * 400 : 1000 + rnd() * 2500;
}

/** HTML as the corpus writes it: `<p>`, `<code>`, and in long ones `<ul><li>` and `<a href>`. */
function description(rnd, pick, length) {
  const sentence = () => {
    const words = [];
    for (let i = 0, n = 6 + Math.floor(rnd() * 12); i < n; i++) {
      const r = rnd();
      words.push(r < 0.08 ? `<code>${pick(WORDS)}${pick(WORDS)}</code>` : r < 0.1 ? `<code>${pick(WORDS).toUpperCase()}_${pick(WORDS).toUpperCase()}</code>` : pick(FILLER));
    }
    return words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
  };
  let text = '';
  while (text.length < length) {
    const r = rnd();
    if (length > 600 && r < 0.2) text += ` <ul> <li> <p>${sentence()}</p> </li> <li> <p>${sentence()}</p> </li> </ul>`;
    else if (length > 300 && r < 0.3) text += ` <p>For more information, see <a href="https://docs.example.com/${kebab(pick(WORDS) + pick(WORDS))}.html">${pick(WORDS)} ${pick(WORDS)}</a>.</p>`;
    else text += ` <p>${sentence()}</p>`;
  }
  return length < 120 ? text.trim().replace(/^<p>|<\/p>$/g, '') : text.trim();
}

const SCHEMA_2020 = 'https://json-schema.org/draft/2020-12/schema';
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
const suffixOf = (copy) => (copy === 1 ? '' : `Copy${copy}`);

/**
 * The files of a synthetic corpus of `copies` copies, as `Map<relative path, text>`:
 *   json-schema/<family><name>-schema.json   schema-gen's inputs (refs `#/components/schemas/X`)
 *   openapi/<family>openapi[-copy<k>].yml     one components document per family and copy
 *   plain/<file>.json                         the same schemas for tools that follow only
 *     file refs (json-schema-to-typescript, ajv): refs `./<sibling file>`, no `$id`, and the
 *     names only the OpenAPI documents define as extra files `<family>openapi-<name>-schema.json`
 * and facts about it: counts, one schema to edit and one to import (its type name).
 */
export function syntheticCorpus({ copies = 1, seed = 2020 } = {}) {
  const shape = shapeOfCopy(seed);
  const files = new Map();
  let refs = 0;
  for (let copy = 1; copy <= copies; copy++) {
    const suffix = suffixOf(copy);
    for (const family of shape.families) {
      const fileOf = (name) => `${family.prefix}${kebab(name + suffix)}-schema.json`;
      const onlyInComponents = new Set(family.componentOnly.map((s) => s.name));
      const plainFileOf = (name) => (onlyInComponents.has(name) ? `${family.prefix}openapi-${kebab(name + suffix)}-schema.json` : fileOf(name));
      const componentRef = (name) => {
        refs++;
        return `#/components/schemas/${name}${suffix}`;
      };
      const plainRef = (name) => `./${plainFileOf(name)}`;
      for (const schema of family.schemas) {
        const title = schema.name + suffix;
        const head = { $schema: SCHEMA_2020, $id: `https://schemas.example.com/synthetic/json-schema/${fileOf(schema.name)}`, title, description: `${title} schema from Synthetic API` };
        files.set(`json-schema/${fileOf(schema.name)}`, json({ ...head, ...schema.body(componentRef) }));
        const { $id: _id, ...plainHead } = head;
        files.set(`plain/${plainFileOf(schema.name)}`, json({ ...plainHead, ...schema.body(plainRef) }));
      }
      for (const schema of family.componentOnly) {
        files.set(`plain/${plainFileOf(schema.name)}`, json({ $schema: SCHEMA_2020, title: schema.name + suffix, ...schema.body(plainRef) }));
      }
      const components = Object.fromEntries([...family.schemas, ...family.componentOnly].map((s) => [s.name + suffix, s.body((name) => `#/components/schemas/${name}${suffix}`)]));
      files.set(`openapi/${family.prefix}openapi${copy === 1 ? '' : `-copy${copy}`}.yml`, openapiDocument(family, suffix, components));
    }
  }
  const [userPools] = shape.families;
  const objects = userPools.schemas.filter((s) => s.kind === 'object');
  const edited = objects[Math.floor(objects.length / 2)]; // mid-graph: other objects refer to it
  const probe = objects[objects.length - 1];
  const inputs = [...files.keys()].filter((f) => f.startsWith('json-schema/'));
  return {
    files,
    inputCount: inputs.length,
    componentCount: copies * shape.families.length,
    refs,
    edit: { file: `json-schema/${userPools.prefix}${kebab(edited.name)}-schema.json` },
    probe: { name: probe.name },
  };
}

function openapiDocument(family, suffix, components) {
  const operations = Object.keys(components)
    .filter((name) => name.endsWith(`Request${suffix}`))
    .map((name) => name.slice(0, -`Request${suffix}`.length));
  const rnd = random(family.schemas.length);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const errors = ['InvalidParameterException', 'NotAuthorizedException', 'ResourceNotFoundException', 'TooManyRequestsException', 'InternalErrorException'];
  const paths = {};
  for (const op of operations) {
    const response = components[`${op}Response${suffix}`] ? `${op}Response${suffix}` : undefined;
    paths[`/#X-Amz-Target=${family.service}${suffix}.${op}`] = {
      post: {
        operationId: `${op}${suffix}`,
        description: description(rnd, pick, 600 + rnd() * 1800),
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${op}Request${suffix}` } } } },
        responses: {
          200: {
            description: 'Success',
            content: response
              ? { 'application/json': { schema: { $ref: `#/components/schemas/${response}` }, examples: { [`${op}200Example`]: { summary: `Default ${op} 200 response`, value: {} } } } }
              : {},
          },
          ...Object.fromEntries(
            errors.map((error, i) => [
              480 + i,
              {
                description: error,
                content: { 'application/json': { examples: { [`${op}${480 + i}Example`]: { summary: `Default ${op} ${480 + i} response`, 'x-microcks-default': true, value: 'example' } } } },
              },
            ]),
          ),
        },
      },
    };
  }
  return yaml.dump(
    {
      openapi: '3.0.0',
      info: { version: '2016-04-18', title: `Synthetic ${family.prefix.slice(0, -1)}${suffix}`, description: '<p>A synthetic API in the style of Amazon Cognito.</p>' },
      paths,
      components: { schemas: components },
    },
    { lineWidth: 200, noRefs: true },
  );
}

/**
 * One big schema file: a titled root whose properties refer to some of its `$defs`, and
 * `$defs` in the corpus style (refs `#/$defs/X`) until the file has at least `defs`
 * definitions or `bytes` characters. With `unknownKeyword`, every definition carries one
 * keyword no dialect defines (`internalNote`), so a run warns once per definition.
 */
export function singleFileSchema({ defs = Infinity, bytes = Infinity, unknownKeyword = false, embedded = false, seed = 1500 } = {}) {
  // `embedded`: each definition is a resource of its own (`$id`), and refs name it by that URI.
  const uriOf = (key) => `https://schemas.example.com/synthetic/resources/${key}`;
  const refTo = (key) => (embedded ? uriOf(key) : `#/$defs/${key}`);
  const $defs = {};
  let size = 0;
  const full = () => Object.keys($defs).length >= defs || size >= bytes;
  for (let copy = 1; !full(); copy++) {
    const shape = shapeOfCopy(seed);
    for (const family of shape.families) {
      const names = new Set([...family.schemas, ...family.componentOnly].map((s) => s.name));
      const prefix = `${family.prefix.replace(/-pools-$/, '')}${copy === 1 ? '' : copy}`; // distinct keys per family and copy
      const keyOf = (name) => `${prefix[0].toUpperCase()}${prefix.slice(1)}${name}`;
      const refOf = (name) => {
        if (!names.has(name)) throw new Error(`no definition ${name}`);
        return refTo(keyOf(name));
      };
      // In this order every definition refers only to earlier ones, so any prefix of it is whole.
      for (const schema of [...family.componentOnly, ...family.schemas]) {
        if (full()) break;
        const key = keyOf(schema.name);
        const body = {
          ...(embedded ? { $id: uriOf(key) } : {}),
          description: `${schema.name} schema from Synthetic API`,
          ...schema.body(refOf),
          ...(unknownKeyword ? { internalNote: `reviewed for ${key}` } : {}),
        };
        $defs[key] = body;
        size += JSON.stringify(body, null, 2).length + key.length + 8;
      }
    }
  }
  const missing = new Set();
  JSON.stringify($defs, (k, v) => {
    if (k === '$ref' && !Object.hasOwn($defs, v.slice(v.lastIndexOf('/') + 1))) missing.add(v);
    return v;
  });
  if (missing.size > 0) throw new Error(`singleFileSchema: ${missing.size} refs to definitions cut off (first: ${[...missing][0]})`);
  const keys = Object.keys($defs);
  const properties = Object.fromEntries(keys.slice(-8).map((key) => [key, { $ref: refTo(key) }]));
  const root = {
    $schema: SCHEMA_2020,
    $id: 'https://schemas.example.com/synthetic/catalogue.json',
    title: 'SyntheticCatalogue',
    description: 'One big file in the corpus style.',
    type: 'object',
    properties,
    $defs,
  };
  return { text: json(root), defs: keys.length, probe: { name: keys[keys.length - 1] } };
}
