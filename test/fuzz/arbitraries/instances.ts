import fc from 'fast-check';
import { jsonCopy, jsonValue, objectOf, type Json } from './json.js';
import type { SchemaFile, SchemaSet } from './schemas.js';

/**
 * Data for a schema: built to be valid where the schema says enough to do so cheaply
 * (types, const/enum, properties/required, prefixItems/items, bounds, known formats,
 * refs, the applicators), then mutated now and then, so that both sides of the
 * differential test see valid data, data one step from valid, and junk.
 *
 * The random part is a recipe drawn without looking at the schema (a stream of choices
 * and a few values), read against the schema afterwards: when fast-check shrinks a schema,
 * its data stays close to what it was, and shrinking the recipe simplifies the data.
 */
export interface InstanceStrings {
  key: fc.Arbitrary<string>;
  string: fc.Arbitrary<string>;
}

export interface InstanceRecipe {
  /** Which file of the set the data is for (modulo their number). */
  file: number;
  choices: number[];
  values: Json[];
  strings: string[];
  keys: string[];
  mutations: Mutation[];
}

/** One instance for one file of the set (by index): what both validators are run on. */
export interface Instance {
  file: number;
  data: Json;
}

export function instanceRecipe(s: InstanceStrings): fc.Arbitrary<InstanceRecipe> {
  return fc.record({
    file: fc.nat(),
    choices: fc.array(fc.nat(), { maxLength: 40 }),
    values: fc.array(jsonValue(s.string, s.key, 2), { maxLength: 4 }),
    strings: fc.array(s.string, { maxLength: 4 }),
    keys: fc.array(s.key, { maxLength: 3 }),
    mutations: fc.oneof(fc.constant<Mutation[]>([]), fc.array(mutation(s), { minLength: 1, maxLength: 3 })),
  });
}

export function instanceOf(set: SchemaSet, recipe: InstanceRecipe): Instance {
  const file = recipe.file % set.files.length;
  const data = validValue(set.files[file]!.schema, { set, file: set.files[file]! }, new Draw(recipe), 0);
  return { file, data: mutate(data, recipe.mutations) };
}

/** Reads a recipe: each call takes the next choice (0 once they run out, the simplest option). */
class Draw {
  private next = 0;
  constructor(private readonly recipe: InstanceRecipe) {}
  int(n: number): number {
    if (n <= 1) return 0;
    return (this.recipe.choices[this.next++] ?? 0) % n;
  }
  bool(): boolean {
    return this.int(2) === 1;
  }
  json(): Json {
    return jsonCopy(this.recipe.values[this.int(this.recipe.values.length + 1)] ?? null);
  }
  string(): string {
    return this.recipe.strings[this.int(this.recipe.strings.length + 1)] ?? '';
  }
  key(): string {
    return this.recipe.keys[this.int(this.recipe.keys.length + 1)] ?? 'a';
  }
}

interface Where {
  set: SchemaSet;
  file: SchemaFile;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function validValue(schema: unknown, where: Where, d: Draw, depth: number): Json {
  if (!isObject(schema) || depth > 5) return d.json();
  if ('const' in schema) return jsonCopy(schema.const as Json);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return jsonCopy(schema.enum[d.int(schema.enum.length)] as Json);
  const ways: (() => Json)[] = [];
  const types = typesOf(schema);
  ways.push(() => valueOfType(types[d.int(types.length)]!, schema, where, d, depth));
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(schema.$ref, where);
    if (target) ways.push(() => validValue(target.schema, target.where, d, depth + 1));
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const members = schema[key];
    if (Array.isArray(members) && members.length > 0) ways.push(() => validValue(members[d.int(members.length)], where, d, depth + 1));
  }
  const allOf = schema.allOf;
  if (Array.isArray(allOf) && allOf.length > 0) {
    ways.push(() => {
      const values = allOf.map((m) => validValue(m, where, d, depth + 1));
      return values.every(isObject) ? objectOf(values.flatMap((v) => Object.entries(v as object))) : values[0]!;
    });
  }
  return ways[d.int(ways.length)]!();
}

function typesOf(schema: Record<string, unknown>): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type) && schema.type.length > 0) return schema.type as string[];
  const says = (keys: string[]) => keys.some((k) => k in schema);
  if (says(['properties', 'required', 'additionalProperties', 'patternProperties', 'propertyNames', 'dependentRequired'])) return ['object'];
  if (says(['items', 'prefixItems', 'contains', 'minItems'])) return ['array'];
  if (says(['minLength', 'maxLength', 'pattern', 'format'])) return ['string'];
  if (says(['minimum', 'maximum', 'multipleOf', 'exclusiveMinimum', 'exclusiveMaximum'])) return ['number'];
  return ['object', 'array', 'string', 'number', 'integer', 'boolean', 'null'];
}

function valueOfType(type: string, schema: Record<string, unknown>, where: Where, d: Draw, depth: number): Json {
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return d.bool();
    case 'integer':
    case 'number':
      return numberFor(schema, type === 'integer', d);
    case 'string':
      return stringFor(schema, d);
    case 'array':
      return arrayFor(schema, where, d, depth);
    case 'object':
      return objectFor(schema, where, d, depth);
    default:
      return d.json();
  }
}

const ODD_NUMBERS = [0.5, -0.5, 1.5, 0.1, 1e21, -1e21, 2 ** 53, 2 ** 31, 1e-7];

function numberFor(schema: Record<string, unknown>, integer: boolean, d: Draw): number {
  const num = (k: string) => (typeof schema[k] === 'number' ? (schema[k] as number) : undefined);
  if (!integer && d.int(4) === 3) return ODD_NUMBERS[d.int(ODD_NUMBERS.length)]!;
  const low = Math.max(num('minimum') ?? -Infinity, (num('exclusiveMinimum') ?? -Infinity) + 1);
  const high = Math.min(num('maximum') ?? Infinity, (num('exclusiveMaximum') ?? Infinity) - 1);
  const from = Number.isFinite(low) ? Math.ceil(low) : Number.isFinite(high) ? Math.floor(high) - 10 : 0;
  const to = Number.isFinite(high) ? Math.floor(high) : from + 10;
  const n = to >= from ? from + d.int(Math.min(to - from, 1000) + 1) : from;
  const step = num('multipleOf');
  if (step === undefined || step <= 0 || (integer && !Number.isInteger(step))) return n;
  return Math.round(n / step) * step;
}

const FORMAT_SAMPLES: Record<string, string> = {
  date: '2024-02-29',
  time: '12:34:56Z',
  'date-time': '2024-02-29T12:34:56Z',
  duration: 'P1DT2H',
  uri: 'https://example.com/a?b#c',
  'uri-reference': '../a#b',
  'uri-template': '/a/{b}',
  url: 'https://example.com/',
  email: 'a@example.com',
  hostname: 'example.com',
  ipv4: '192.168.0.1',
  ipv6: '::1',
  regex: '^a+$',
  uuid: '123e4567-e89b-12d3-a456-426614174000',
  'json-pointer': '/a/b',
  'relative-json-pointer': '1/a',
  byte: 'aGk=',
  password: 'secret',
  binary: 'bytes',
};

/** A string each of the valid patterns of strings.ts accepts. */
const PATTERN_SAMPLES: Record<string, string> = {
  '^[a-z]+$': 'abc',
  '^$': '',
  '.*': 'anything',
  '\\*/': '*/',
  '/\\*': '/*',
  '</script>': '</script>',
  '\\$\\{x\\}': '${x}',
  '`': '`',
  "'": "'",
  '"': '"',
  '\\\\': '\\',
  '\\u2028': '\u2028',
  '[\\u0000-\\u001f]': '\x1b',
  '^\\p{L}+$': 'Ωé',
  '(?<name>x)': 'x',
  '^(?:a|b)$': 'a',
  '[^*/]': 'x',
  '\\d{2,3}': '42',
  'a{0,5}': 'aa',
  '^__proto__$': '__proto__',
  '^constructor$': 'constructor',
  '\\x1b': '\x1b',
  '^\\$': '$ref',
  '^x-': 'x-a',
};

function stringFor(schema: Record<string, unknown>, d: Draw): string {
  const samples: string[] = [];
  if (typeof schema.format === 'string' && Object.hasOwn(FORMAT_SAMPLES, schema.format)) samples.push(FORMAT_SAMPLES[schema.format]!);
  if (typeof schema.pattern === 'string' && Object.hasOwn(PATTERN_SAMPLES, schema.pattern)) samples.push(PATTERN_SAMPLES[schema.pattern]!);
  const text = samples.length > 0 && !d.bool() ? samples[d.int(samples.length)]! : d.string();
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  const chars = [...text];
  while (chars.length < min) chars.push('a');
  return chars.slice(0, Math.max(min, Math.min(max, chars.length))).join('');
}

function arrayFor(schema: Record<string, unknown>, where: Where, d: Draw, depth: number): Json {
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
  const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : 6;
  const items: Json[] = prefix.slice(0, Math.max(minItems, d.int(prefix.length + 1))).map((p) => validValue(p, where, d, depth + 1));
  if (schema.items !== false && items.length === prefix.length) {
    const more = d.int(4);
    for (let k = 0; k < more; k++) items.push(schema.items === undefined ? d.json() : validValue(schema.items, where, d, depth + 1));
  }
  while (items.length < minItems) items.push(schema.items === undefined || schema.items === false ? d.json() : validValue(schema.items, where, d, depth + 1));
  return items.slice(0, Math.max(minItems, maxItems));
}

function objectFor(schema: Record<string, unknown>, where: Where, d: Draw, depth: number): Json {
  const properties = isObject(schema.properties) ? Object.entries(schema.properties) : [];
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const propertyNames = isObject(schema.propertyNames) && Array.isArray(schema.propertyNames.enum) ? (schema.propertyNames.enum as string[]) : undefined;
  const entries = new Map<string, Json>();
  if (schema.additionalProperties !== false) {
    const extra = d.int(3);
    for (let k = 0; k < extra; k++) {
      const key = propertyNames && propertyNames.length > 0 ? String(propertyNames[d.int(propertyNames.length)]) : d.key();
      entries.set(key, schema.additionalProperties === undefined ? d.json() : validValue(schema.additionalProperties, where, d, depth + 1));
    }
  }
  for (const key of required) entries.set(key, d.json());
  // A required property with a schema gets a value built for it; optional ones now and then.
  for (const [key, sub] of properties) if (required.includes(key) || d.bool()) entries.set(key, validValue(sub, where, d, depth + 1));
  return objectOf(entries);
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
  fc.record({ at: fc.nat(), op: fc.constantFrom('replace', 'delete', 'add', 'flip') as fc.Arbitrary<Mutation['op']>, key: s.key, value: jsonValue(s.string, s.key, 2) });

/** Apply each mutation to one node (chosen by `at` among all nodes, in document order) of a copy of `data`. */
export function mutate(data: Json, mutations: Mutation[]): Json {
  let root = jsonCopy(data);
  for (const mutation of mutations) {
    // The recipe's values are fast-check's, reused on every read of the recipe: never put them in the data itself.
    const m = { ...mutation, value: jsonCopy(mutation.value) };
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
