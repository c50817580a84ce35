import fc from 'fast-check';
import { jsonCopy, jsonNumber, jsonValue, objectOf, type Json } from './json.js';
import type { SchemaFile, SchemaSet } from './schemas.js';

/**
 * Data for a schema: built to be valid where the schema says enough to do so cheaply
 * (types, const/enum, properties/required, prefixItems/items, bounds, known formats,
 * refs, the applicators), then mutated now and then, so that both sides of the
 * differential test see valid data, data one step from valid, and junk.
 */
export interface InstanceStrings {
  key: fc.Arbitrary<string>;
  string: fc.Arbitrary<string>;
}

/** One instance for one file of the set (by index): what both validators are run on. */
export interface Instance {
  file: number;
  data: Json;
}

export function instancesFor(set: SchemaSet, strings: InstanceStrings, maxCount: number): fc.Arbitrary<Instance[]> {
  const one = fc.nat({ max: set.files.length - 1 }).chain((file) =>
    fc.tuple(validValue(set.files[file]!.schema, { set, file: set.files[file]! }, strings, 0), fc.array(mutation(strings), { maxLength: 2 })).map(([data, mutations]) => ({ file, data: mutate(data, mutations) })),
  );
  return fc.array(one, { minLength: 1, maxLength: maxCount });
}

interface Where {
  set: SchemaSet;
  file: SchemaFile;
}

const anyJson = (s: InstanceStrings) => jsonValue(s.string, s.key, 2);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function validValue(schema: unknown, where: Where, s: InstanceStrings, depth: number): fc.Arbitrary<Json> {
  if (!isObject(schema) || depth > 5) return anyJson(s);
  if ('const' in schema) return fc.constant(schema.const as Json);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...(schema.enum as Json[]));
  const ways: fc.Arbitrary<Json>[] = [];
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(schema.$ref, where);
    if (target) ways.push(validValue(target.schema, target.where, s, depth + 1));
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const members = schema[key];
    if (Array.isArray(members) && members.length > 0) ways.push(fc.oneof(...members.map((m) => validValue(m, where, s, depth + 1))));
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    ways.push(fc.tuple(...schema.allOf.map((m) => validValue(m, where, s, depth + 1))).map((values) => (values.every(isObject) ? objectOf(values.flatMap((v) => Object.entries(v as object))) : values[0]!) as Json));
  }
  ways.push(fc.constantFrom(...typesOf(schema)).chain((type) => valueOfType(type, schema, where, s, depth)));
  return fc.oneof(...ways);
}

function typesOf(schema: Record<string, unknown>): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type) && schema.type.length > 0) return schema.type as string[];
  const says = (keys: string[]) => keys.some((k) => k in schema);
  if (says(['properties', 'required', 'additionalProperties', 'patternProperties', 'propertyNames', 'dependentRequired'])) return ['object'];
  if (says(['items', 'prefixItems', 'contains', 'minItems'])) return ['array'];
  if (says(['minLength', 'maxLength', 'pattern', 'format'])) return ['string'];
  if (says(['minimum', 'maximum', 'multipleOf', 'exclusiveMinimum', 'exclusiveMaximum'])) return ['number'];
  return ['string', 'number', 'integer', 'boolean', 'null', 'object', 'array'];
}

function valueOfType(type: string, schema: Record<string, unknown>, where: Where, s: InstanceStrings, depth: number): fc.Arbitrary<Json> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number':
      return numberFor(schema, type === 'integer');
    case 'string':
      return stringFor(schema, s);
    case 'array':
      return arrayFor(schema, where, s, depth);
    case 'object':
      return objectFor(schema, where, s, depth);
    default:
      return anyJson(s);
  }
}

function numberFor(schema: Record<string, unknown>, integer: boolean): fc.Arbitrary<number> {
  const num = (k: string) => (typeof schema[k] === 'number' ? (schema[k] as number) : undefined);
  const low = Math.max(num('minimum') ?? -Infinity, (num('exclusiveMinimum') ?? -Infinity) + 1);
  const high = Math.min(num('maximum') ?? Infinity, (num('exclusiveMaximum') ?? Infinity) - 1);
  const step = num('multipleOf');
  const from = Number.isFinite(low) ? Math.ceil(low) : -5;
  const to = Number.isFinite(high) ? Math.floor(high) : from + 10;
  const base = to >= from ? fc.integer({ min: from, max: to }) : fc.integer({ min: -5, max: 10 });
  if (step !== undefined) return base.map((n) => (integer && !Number.isInteger(step) ? n : Math.round(n / step) * step));
  return integer ? base : fc.oneof(base, jsonNumber);
}

const FORMAT_SAMPLES: Record<string, string> = {
  date: '2024-02-29', time: '12:34:56Z', 'date-time': '2024-02-29T12:34:56Z', duration: 'P1DT2H', uri: 'https://example.com/a?b#c',
  'uri-reference': '../a#b', 'uri-template': '/a/{b}', url: 'https://example.com/', email: 'a@example.com', hostname: 'example.com',
  ipv4: '192.168.0.1', ipv6: '::1', regex: '^a+$', uuid: '123e4567-e89b-12d3-a456-426614174000', 'json-pointer': '/a/b',
  'relative-json-pointer': '1/a', byte: 'aGk=', password: 'secret', binary: 'bytes',
};

/** A string each of the valid patterns of strings.ts accepts. */
const PATTERN_SAMPLES: Record<string, string> = {
  '^[a-z]+$': 'abc', '^$': '', '.*': 'anything', '\\*/': '*/', '/\\*': '/*', '</script>': '</script>', '\\$\\{x\\}': '${x}', '`': '`',
  "'": "'", '"': '"', '\\\\': '\\', '\\u2028': '\u2028', '[\\u0000-\\u001f]': '\x1b', '^\\p{L}+$': 'Ωé', '(?<name>x)': 'x', '^(?:a|b)$': 'a',
  '[^*/]': 'x', '\\d{2,3}': '42', 'a{0,5}': 'aa', '^__proto__$': '__proto__', '^constructor$': 'constructor', '\\x1b': '\x1b',
  '^\\$': '$ref', '^x-': 'x-a',
};

function stringFor(schema: Record<string, unknown>, s: InstanceStrings): fc.Arbitrary<string> {
  const samples: string[] = [];
  if (typeof schema.format === 'string' && schema.format in FORMAT_SAMPLES) samples.push(FORMAT_SAMPLES[schema.format]!);
  if (typeof schema.pattern === 'string' && schema.pattern in PATTERN_SAMPLES) samples.push(PATTERN_SAMPLES[schema.pattern]!);
  const base = samples.length > 0 ? fc.constantFrom(...samples) : s.string;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  return base.map((text) => {
    const chars = [...text];
    while (chars.length < min) chars.push('a');
    return chars.slice(0, Math.max(min, Math.min(max, chars.length))).join('');
  });
}

function arrayFor(schema: Record<string, unknown>, where: Where, s: InstanceStrings, depth: number): fc.Arbitrary<Json> {
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
  const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : 4;
  const rest = schema.items === false ? fc.constant([]) : fc.array(schema.items === undefined ? anyJson(s) : validValue(schema.items, where, s, depth + 1), { maxLength: 3 });
  return fc.tuple(fc.tuple(...prefix.map((p) => validValue(p, where, s, depth + 1))), rest, fc.array(anyJson(s), { maxLength: 2 })).map(([head, tail, padding]) => {
    const items: Json[] = [...head, ...tail];
    while (items.length < minItems && padding.length > 0) items.push(padding.pop()!);
    return items.slice(0, Math.max(minItems, maxItems));
  });
}

function objectFor(schema: Record<string, unknown>, where: Where, s: InstanceStrings, depth: number): fc.Arbitrary<Json> {
  const properties = isObject(schema.properties) ? Object.entries(schema.properties) : [];
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const propertyNames = isObject(schema.propertyNames) && Array.isArray(schema.propertyNames.enum) ? (schema.propertyNames.enum as string[]) : undefined;
  const extraKey = propertyNames && propertyNames.length > 0 ? fc.constantFrom(...propertyNames) : s.key;
  const extras = schema.additionalProperties === false ? fc.constant([]) : fc.array(fc.tuple(extraKey, schema.additionalProperties === undefined ? anyJson(s) : validValue(schema.additionalProperties, where, s, depth + 1)), { maxLength: 2 });
  const known = fc.tuple(...properties.map(([key, sub]) => fc.option(validValue(sub, where, s, depth + 1), { freq: 2 }).map((value) => [key, value] as const)));
  const requiredValues = fc.tuple(...required.map((key) => anyJson(s).map((value) => [key, value] as const)));
  return fc.tuple(extras, requiredValues, known).map(([extra, req, props]) => {
    const entries = new Map<string, Json>([...extra, ...req]);
    // A required property with a schema gets a value built for it; optional ones only now and then.
    for (const [key, value] of props) if (value !== null || required.includes(key)) entries.set(key, value);
    return objectOf(entries);
  });
}

function resolveRef(ref: string, where: Where): { schema: unknown; where: Where } | undefined {
  const hash = ref.indexOf('#');
  const filePart = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  let file = where.file;
  if (filePart !== '') {
    const name = safeDecode(filePart);
    const found = where.set.files.find((f) => f.name === name);
    if (!found) return undefined;
    file = found;
  }
  const components = /^\/components\/schemas\/(.*)$/.exec(fragment);
  if (components) {
    const name = safeDecode(components[1]!);
    const found = where.set.files.find((f) => (isObject(f.schema) && f.schema.title === name) || f.name.replace(/\.(json|yaml)$/, '') === name);
    return found ? { schema: found.schema, where: { set: where.set, file: found } } : undefined;
  }
  let node: unknown = file.schema;
  for (const token of fragment.split('/').slice(1)) {
    const key = safeDecode(token).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = node[key];
  }
  return { schema: node, where: { set: where.set, file } };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

interface Mutation {
  at: number;
  op: 'replace' | 'delete' | 'add' | 'flip';
  key: string;
  value: Json;
}

const mutation = (s: InstanceStrings): fc.Arbitrary<Mutation> =>
  fc.record({ at: fc.nat(), op: fc.constantFrom('replace', 'delete', 'add', 'flip') as fc.Arbitrary<Mutation['op']>, key: s.key, value: anyJson(s) });

/** Apply each mutation to one node (chosen by `at` among all nodes, in document order) of a copy of `data`. */
export function mutate(data: Json, mutations: Mutation[]): Json {
  let root = jsonCopy(data);
  for (const m of mutations) {
    const nodes: { value: Json; parent?: Json; key?: string | number }[] = [];
    const visit = (value: Json, parent?: Json, key?: string | number) => {
      nodes.push({ value, parent, key });
      if (Array.isArray(value)) value.forEach((v, i) => visit(v, value, i));
      else if (isObject(value)) for (const [k, v] of Object.entries(value)) visit(v as Json, value, k);
    };
    visit(root);
    const node = nodes[m.at % nodes.length]!;
    const replacement = m.op === 'replace' ? m.value : m.op === 'flip' ? flipped(node.value) : undefined;
    const setAt = (value: Json) => {
      if (node.parent === undefined) root = value;
      else if (Array.isArray(node.parent)) node.parent[node.key as number] = value;
      else Object.defineProperty(node.parent, node.key as string, { value, enumerable: true, writable: true, configurable: true });
    };
    if (replacement !== undefined) setAt(replacement);
    else if (m.op === 'delete' && node.parent !== undefined) {
      if (Array.isArray(node.parent)) node.parent.splice(node.key as number, 1);
      else delete (node.parent as Record<string, Json>)[node.key as string];
    } else if (m.op === 'add') {
      if (Array.isArray(node.value)) node.value.push(m.value);
      else if (isObject(node.value)) Object.defineProperty(node.value, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      else setAt(objectOf([[m.key, node.value]]));
    }
  }
  return root;
}

/** The same data as another JSON type: where type checks earn their keep. */
function flipped(value: Json): Json {
  if (value === null) return 0;
  if (typeof value === 'boolean') return value ? 'true' : null;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return objectOf(value.map((v, i) => [String(i), v] as const).concat([['length', value.length]]));
  return Object.values(value);
}
