import fc from 'fast-check';
import { objectOf, type Json } from './json.js';

/** Which strings go where: the hostile test and the differential test fill the same shapes differently. */
export interface SchemaStrings {
  /** Property names, `required` entries, `$defs` keys, `dependentRequired` names. */
  key: fc.Arbitrary<string>;
  /** Nested `title`, `description`, `$comment`, `contentMediaType`. */
  text: fc.Arbitrary<string>;
  /** `enum`, `const`, `default`, `examples`, `x-*` values. */
  value: fc.Arbitrary<Json>;
  pattern: fc.Arbitrary<string>;
  format: fc.Arbitrary<string>;
  /** What follows `x-` in extension keys. */
  extension: fc.Arbitrary<string>;
  /** Values of our internal keyword `x-schema-gen-validator` written into user schemas; absent: never written. */
  internalKeyword?: fc.Arbitrary<string>;
  /** `$ref` values written as they are (traversal, other hosts, files outside the inputs); absent: refs only point within the set. */
  rawRef?: fc.Arbitrary<string>;
  /** File stems (before `.json`) and root titles (`undefined`: no title). */
  fileStem: fc.Arbitrary<string>;
  rootTitle: fc.Arbitrary<string | undefined>;
  /** Also write some files as `.yaml` (their JSON text, which YAML reads the same). */
  yamlFiles: boolean;
}

/** A `$ref` before the files it may point at are known; `finalizeBatch` writes the URI. */
export class RefTo {
  constructor(
    readonly kind: 'root' | 'def' | 'sibling' | 'sibling-def',
    /** Which def or file, modulo how many there are. */
    readonly pick: number,
    /** How the URI is spelled: 0 percent-encoded, 1 corpus style (`#/components/schemas/X`) or raw, 2 as written. */
    readonly style: number,
  ) {}
}

/** A schema as drawn: JSON, except that `$ref` values are `RefTo`s. */
export type DraftSchema = boolean | { [key: string]: unknown };

export interface DraftFile {
  stem: string;
  extension: '.json' | '.yaml';
  title: string | undefined;
  root: DraftSchema;
  defs: [string, DraftSchema][];
}

/** One or a few files that refer to each other: the unit a counterexample is made of. */
export interface SchemaFile {
  name: string;
  schema: Json;
}
export interface SchemaSet {
  files: SchemaFile[];
}

const TYPES = ['string', 'number', 'integer', 'boolean', 'null', 'object', 'array'] as const;

type Entries = [string, unknown][];

/** Keywords of draft 2020-12 (validation, applicators, annotations), each as the entries it adds to a schema. */
function keywordEntries(s: SchemaStrings, sub: fc.Arbitrary<DraftSchema>): fc.Arbitrary<Entries> {
  const small = fc.integer({ min: 0, max: 4 });
  const entry = <T>(key: string, value: fc.Arbitrary<T>): fc.Arbitrary<Entries> => value.map((v) => [[key, v]]);
  const uniqueKeys = (max: number) => fc.uniqueArray(s.key, { maxLength: max });
  const options: fc.Arbitrary<Entries>[] = [
    entry('type', fc.oneof(fc.constantFrom(...TYPES), fc.uniqueArray(fc.constantFrom(...TYPES), { minLength: 1, maxLength: 3 }))),
    entry('enum', fc.array(s.value, { minLength: 1, maxLength: 4 })),
    entry('const', s.value),
    fc
      .record(
        {
          minimum: fc.integer({ min: -5, max: 5 }),
          maximum: fc.integer({ min: -5, max: 10 }),
          exclusiveMinimum: fc.integer({ min: -5, max: 5 }),
          exclusiveMaximum: fc.integer({ min: -5, max: 10 }),
          multipleOf: fc.constantFrom(1, 2, 0.5, 3, 0.01),
        },
        { requiredKeys: [] },
      )
      .map((r) => Object.entries(r)),
    fc.record({ minLength: small, maxLength: fc.integer({ min: 0, max: 12 }) }, { requiredKeys: [] }).map((r) => Object.entries(r)),
    entry('pattern', s.pattern),
    entry('format', s.format),
    fc.tuple(fc.uniqueArray(fc.tuple(s.key, sub), { maxLength: 4, selector: ([k]) => k }), fc.array(fc.nat(), { maxLength: 3 }), fc.option(s.key, { freq: 3 })).map(([props, picks, extra]) => {
      const required = new Set(picks.filter(() => props.length > 0).map((p) => props[p % props.length]![0]));
      if (extra !== null) required.add(extra);
      const entries: Entries = [['properties', objectOf(props)]];
      if (required.size > 0) entries.push(['required', [...required]]);
      return entries;
    }),
    entry('required', uniqueKeys(3)),
    entry('additionalProperties', sub),
    entry('patternProperties', fc.uniqueArray(fc.tuple(s.pattern, sub), { minLength: 1, maxLength: 2, selector: ([k]) => k }).map(objectOf)),
    entry(
      'propertyNames',
      fc.oneof(
        sub,
        s.pattern.map((pattern) => ({ pattern })),
        uniqueKeys(3).map((e) => ({ enum: e })),
        small.map((maxLength) => ({ maxLength })),
      ),
    ),
    fc.record({ minProperties: small, maxProperties: fc.integer({ min: 0, max: 6 }) }, { requiredKeys: [] }).map((r) => Object.entries(r)),
    entry('dependentRequired', fc.uniqueArray(fc.tuple(s.key, uniqueKeys(2)), { minLength: 1, maxLength: 2, selector: ([k]) => k }).map(objectOf)),
    entry('dependentSchemas', fc.uniqueArray(fc.tuple(s.key, sub), { minLength: 1, maxLength: 2, selector: ([k]) => k }).map(objectOf)),
    entry('items', sub),
    entry('prefixItems', fc.array(sub, { minLength: 1, maxLength: 3 })),
    fc.tuple(sub, fc.option(small), fc.option(small)).map(([contains, min, max]) => {
      const entries: Entries = [['contains', contains]];
      if (min !== null) entries.push(['minContains', min]);
      if (max !== null) entries.push(['maxContains', max]);
      return entries;
    }),
    fc.record({ minItems: small, maxItems: fc.integer({ min: 0, max: 6 }), uniqueItems: fc.boolean() }, { requiredKeys: [] }).map((r) => Object.entries(r)),
    entry('allOf', fc.array(sub, { minLength: 1, maxLength: 3 })),
    entry('anyOf', fc.array(sub, { minLength: 1, maxLength: 3 })),
    entry('oneOf', fc.array(sub, { minLength: 1, maxLength: 3 })),
    entry('not', sub),
    fc.tuple(sub, fc.option(sub), fc.option(sub)).map(([cond, then, otherwise]) => {
      const entries: Entries = [['if', cond]];
      if (then !== null) entries.push(['then', then]);
      if (otherwise !== null) entries.push(['else', otherwise]);
      return entries;
    }),
    entry('unevaluatedProperties', fc.oneof(fc.constant(false), sub)),
    entry('unevaluatedItems', fc.oneof(fc.constant(false), sub)),
    entry(
      '$ref',
      fc
        .tuple(fc.constantFrom('root', 'def', 'def', 'sibling', 'sibling', 'sibling-def') as fc.Arbitrary<RefTo['kind']>, fc.nat(), fc.nat(2))
        .map(([kind, pick, style]) => new RefTo(kind, pick, style)),
    ),
    // Annotations: they reach doc comments, not checks.
    entry('title', s.text),
    entry('description', s.text),
    entry('$comment', s.text),
    entry('default', s.value),
    entry('examples', fc.array(s.value, { maxLength: 2 })),
    fc.record({ deprecated: fc.boolean(), readOnly: fc.boolean(), writeOnly: fc.boolean() }, { requiredKeys: [] }).map((r) => Object.entries(r)),
    fc.tuple(s.text, fc.constantFrom('base64', '7bit', 'quoted-printable')).map(
      ([media, encoding]) =>
        [
          ['contentMediaType', media],
          ['contentEncoding', encoding],
        ] as Entries,
    ),
    fc.tuple(s.extension, s.value).map(([ext, value]) => [[`x-${ext}`, value]] as Entries),
  ];
  const weighted = options.map((arbitrary) => ({ weight: 6, arbitrary }));
  // Rare: a tool that (rightly) refuses it would otherwise refuse a third of all sets, and test little else.
  if (s.internalKeyword) weighted.push({ weight: 1, arbitrary: entry('x-schema-gen-validator', s.internalKeyword) });
  if (s.rawRef) weighted.push({ weight: 1, arbitrary: entry('$ref', s.rawRef) });
  return fc.oneof(...weighted);
}

/** Schemas (objects of a few keywords, or booleans), nested a few levels. */
export function schemaArbitrary(s: SchemaStrings, maxDepth = 3): fc.Arbitrary<DraftSchema> {
  const { schema } = fc.letrec<{ schema: DraftSchema }>((tie) => ({
    schema: fc.oneof(
      { maxDepth, depthIdentifier: 'schema', withCrossShrink: true },
      fc.oneof(
        fc.constant({}),
        fc.constantFrom(...TYPES).map((type) => ({ type })),
        fc.boolean(),
      ),
      fc.array(keywordEntries(s, tie('schema')), { minLength: 1, maxLength: 4 }).map((groups) => objectOf(groups.flat())),
    ),
  }));
  return schema;
}

/** A file: a root schema, maybe with `$defs` (under hostile or adversarial keys), a title. */
export function draftFileArbitrary(s: SchemaStrings): fc.Arbitrary<DraftFile> {
  const sub = schemaArbitrary(s);
  return fc.record({
    stem: s.fileStem,
    extension: (s.yamlFiles ? fc.constantFrom('.json', '.json', '.json', '.yaml') : fc.constant('.json')) as fc.Arbitrary<'.json' | '.yaml'>,
    title: s.rootTitle,
    root: fc.oneof({ weight: 1, arbitrary: fc.boolean() }, { weight: 9, arbitrary: fc.array(keywordEntries(s, sub), { minLength: 1, maxLength: 5 }).map((g) => objectOf(g.flat())) }),
    defs: fc.uniqueArray(fc.tuple(s.key, sub), { maxLength: 3, selector: ([k]) => k }),
  });
}

/** A batch: several independent sets of 1–3 files, written side by side as the inputs of one run. */
export function draftBatchArbitrary(s: SchemaStrings, maxSets: number): fc.Arbitrary<DraftFile[][]> {
  return fc.array(fc.array(draftFileArbitrary(s), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: maxSets });
}

export interface FinalizeOptions {
  /** Give file `j` of set `i` the title `S<i>F<j>` (unique, so corpus-style refs and type names never meet another set's). */
  indexedTitles: boolean;
}

/** File names made unique across the batch, `$defs` put in place, and every `RefTo` written as a URI. */
export function finalizeBatch(batch: DraftFile[][], options: FinalizeOptions): SchemaSet[] {
  const taken = new Set<string>();
  return batch.map((files, i) => {
    const named = files.map((file, j) => {
      let name = `${file.stem}${file.extension}`;
      if (taken.has(name.toLowerCase())) name = `s${i}-${j}-${name}`;
      taken.add(name.toLowerCase());
      const title = options.indexedTitles ? `S${i}F${j}` : file.title;
      return { ...file, name, title };
    });
    return {
      files: named.map((file) => {
        const uriOf = (ref: RefTo): string => refUri(ref, file, named);
        let schema: unknown = file.root;
        if (typeof schema === 'object' && schema !== null) {
          const entries: [string, unknown][] = Object.entries(schema);
          if (file.title !== undefined) entries.unshift(['title', file.title]);
          if (file.defs.length > 0) entries.push(['$defs', objectOf(file.defs)]);
          schema = objectOf(entries);
        }
        return { name: file.name, schema: writeRefs(schema, uriOf) as Json };
      }),
    };
  });
}

function refUri(ref: RefTo, from: DraftFile & { name: string }, files: (DraftFile & { name: string })[]): string {
  const defPointer = (file: DraftFile): string | undefined => {
    if (file.defs.length === 0 || typeof file.root !== 'object') return undefined;
    const key = file.defs[ref.pick % file.defs.length]![0];
    const token = key.replace(/~/g, '~0').replace(/\//g, '~1');
    return `#/$defs/${ref.style === 2 ? token : uriEncoded(token)}`;
  };
  const target = files[ref.pick % files.length]!;
  switch (ref.kind) {
    case 'root':
      return '#';
    case 'def':
      return defPointer(from) ?? '#';
    case 'sibling': {
      if (ref.style === 1) {
        // The corpus style: a components ref naming the sibling's title (or, without one, its file stem).
        const name = target.title ?? target.name.replace(/\.(json|yaml)$/, '');
        return `#/components/schemas/${uriEncoded(name.replace(/~/g, '~0').replace(/\//g, '~1'))}`;
      }
      return ref.style === 2 ? target.name : uriEncoded(target.name);
    }
    case 'sibling-def':
      return `${uriEncoded(target.name)}${defPointer(target) ?? ''}`;
  }
}

/** Percent-encoded; a lone surrogate has no UTF-8 to encode, so such text is written as it is (the tool must cope). */
function uriEncoded(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}

function writeRefs(value: unknown, uriOf: (ref: RefTo) => string): unknown {
  if (value instanceof RefTo) return uriOf(value);
  if (Array.isArray(value)) return value.map((v) => writeRefs(v, uriOf));
  if (value !== null && typeof value === 'object') return objectOf(Object.entries(value).map(([k, v]) => [k, writeRefs(v, uriOf)] as const));
  return value;
}
