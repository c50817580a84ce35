import fc from 'fast-check';

/**
 * Small multi-document schema sets, described abstractly and rendered to JSON files, and
 * the edits a user makes between two runs. Made for the soundness property of the key
 * memo, where the edits that matter most change what a document's prepared copy says
 * *without* changing its text: a title change renames the type a ref calls (or makes a
 * corpus-style ref find another file), two files trading `$id`s make a file ref find the
 * other one, a `$schema` or `defaultDialect` change makes a ref cross dialects.
 */

/** Where a ref leads, as its text names it: a file (by `$id` or file name) and a place in it, or a title (corpus style). */
export type Target = { kind: 'root' | 'property' | 'definition' | 'anchor'; file: string; index: number } | { kind: 'title'; title: string };

/** A target as generated: an index into the set's documents, bound to a name when it enters the set. */
type TargetChoice = { kind: 'root' | 'property' | 'definition' | 'anchor' | 'title'; doc: number; index: number };

/**
 * A member (property or definition): a string schema (typed or not: `assumeTypes` adds
 * the type to the untyped), a ref, or an embedded resource (`$id` + `$schema`) read in
 * the other dialect than the document's.
 */
export type Member =
  | { kind: 'string'; typed: boolean; minLength: number; anchor: boolean; description?: string }
  | { kind: 'ref'; target: Target; wrap: 'plain' | 'described' | 'array' }
  | { kind: 'embedded'; minLength: number };

type MemberChoice = Exclude<Member, { kind: 'ref' }> | { kind: 'ref'; target: TargetChoice; wrap: 'plain' | 'described' | 'array' };

export type DialectChoice = '2020-12' | 'draft-07' | 'default';

export interface DocModel<M = Member> {
  /** The file is `d<file>.json`; stays with the document whatever else changes. */
  file: number;
  title: string;
  /** With ids, the `$id` is `<base><idName>.json`, and refs name files by it. */
  idName: string;
  /** `default`: no `$schema`, read in the run's default dialect. */
  dialect: DialectChoice;
  /** Whether the root says `type: object` (else `assumeTypes` adds it). */
  typed: boolean;
  description: string;
  /** `unevaluatedProperties: false`: in 2020-12 its types are compiled with native refs. */
  closed: boolean;
  minProperties?: number;
  properties: M[];
  definitions: M[];
}

export interface SetModel<M = Member> {
  withIds: boolean;
  /** The run's `defaultDialect`: what documents without `$schema` are read as. */
  defaultDialect: '2020-12' | 'draft-07';
  docs: DocModel<M>[];
}

export type Edit =
  | { kind: 'describe'; doc: number; text: string }
  | { kind: 'describe-member'; doc: number; index: number; text: string }
  | { kind: 'keyword'; doc: number; minProperties: number | undefined }
  | { kind: 'member-keyword'; doc: number; index: number; minLength: number }
  | { kind: 'retarget'; doc: number; index: number; target: TargetChoice }
  | { kind: 'rename-id'; doc: number; idName: string }
  | { kind: 'swap-ids'; doc: number; other: number }
  | { kind: 'toggle-anchor'; doc: number; index: number }
  | { kind: 'retitle'; doc: number; title: string }
  | { kind: 'swap-titles'; doc: number; other: number }
  | { kind: 'redialect'; doc: number; dialect: DialectChoice }
  | { kind: 'default-dialect' }
  | { kind: 'toggle-closed'; doc: number }
  | { kind: 'add-doc'; doc: DocModel<MemberChoice> }
  | { kind: 'remove-doc'; doc: number };

const TITLES = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'];
const text = fc.constantFrom('', 'A value.', '<p>HTML <code>x</code></p>', 'Edited.', 'Plus: more.');
const index = fc.nat({ max: 7 });

const target: fc.Arbitrary<TargetChoice> = fc.record({
  kind: fc.constantFrom('root' as const, 'property' as const, 'property' as const, 'definition' as const, 'anchor' as const, 'title' as const),
  doc: index,
  index,
});

const member: fc.Arbitrary<MemberChoice> = fc.oneof(
  {
    arbitrary: fc.record({ kind: fc.constant('string' as const), typed: fc.boolean(), minLength: fc.nat({ max: 3 }), anchor: fc.boolean(), description: fc.option(text, { nil: undefined }) }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('ref' as const), target, wrap: fc.constantFrom('plain' as const, 'described' as const, 'array' as const) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('embedded' as const), minLength: fc.nat({ max: 3 }) }), weight: 1 },
);
const dialect = fc.constantFrom<DialectChoice>('2020-12', 'draft-07', 'default');

function docArbitrary(file: number, title: fc.Arbitrary<string>): fc.Arbitrary<DocModel<MemberChoice>> {
  return fc.record({
    file: fc.constant(file),
    title,
    idName: fc.constant(`d${file}`),
    dialect,
    typed: fc.boolean(),
    description: text,
    closed: fc.boolean(),
    minProperties: fc.option(fc.nat({ max: 2 }), { nil: undefined }),
    properties: fc.array(member, { minLength: 1, maxLength: 3 }),
    definitions: fc.array(member, { maxLength: 2 }),
  });
}

export const schemaSet: fc.Arbitrary<SetModel> = fc
  .record({
    withIds: fc.constantFrom(true, true, false),
    defaultDialect: fc.constantFrom('2020-12' as const, 'draft-07' as const),
    // Titles start unique (a corpus-style ref to a title two files share is an error); edits may make them clash.
    docs: fc
      .tuple(fc.integer({ min: 2, max: 4 }), fc.nat({ max: TITLES.length - 1 }))
      .chain(([n, offset]) => fc.tuple(...Array.from({ length: n }, (_, i) => docArbitrary(i, fc.constant(TITLES[(i + offset) % TITLES.length]!))))),
  })
  .map((set) => ({ ...set, docs: set.docs.map((doc) => bindDoc(set, doc)) }));

/** Every kind of edit; those that change a copy without changing its document's text more often. */
export const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('describe' as const), doc: index, text }),
  fc.record({ kind: fc.constant('describe-member' as const), doc: index, index, text }),
  fc.record({ kind: fc.constant('keyword' as const), doc: index, minProperties: fc.option(fc.nat({ max: 3 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant('member-keyword' as const), doc: index, index, minLength: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant('retarget' as const), doc: index, index, target }),
  fc.record({ kind: fc.constant('rename-id' as const), doc: index, idName: fc.constantFrom('x', 'y', 'renamed') }),
  { arbitrary: fc.record({ kind: fc.constant('swap-ids' as const), doc: index, other: index }), weight: 2 },
  fc.record({ kind: fc.constant('toggle-anchor' as const), doc: index, index }),
  { arbitrary: fc.record({ kind: fc.constant('retitle' as const), doc: index, title: fc.constantFrom(...TITLES, 'Zeta') }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('swap-titles' as const), doc: index, other: index }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('redialect' as const), doc: index, dialect }), weight: 2 },
  fc.record({ kind: fc.constant('default-dialect' as const) }),
  fc.record({ kind: fc.constant('toggle-closed' as const), doc: index }),
  docArbitrary(9, fc.constantFrom(...TITLES, 'Eta')).map((doc) => ({ kind: 'add-doc' as const, doc })),
  fc.record({ kind: fc.constant('remove-doc' as const), doc: index }),
);

/** How refs name a document's file. */
function fileName(set: Pick<SetModel<unknown>, 'withIds'>, doc: Pick<DocModel<unknown>, 'idName' | 'file'>): string {
  return set.withIds ? doc.idName : `d${doc.file}`;
}

function bindTarget(set: SetModel<unknown>, choice: TargetChoice): Target {
  const to = set.docs[choice.doc % set.docs.length]!;
  return choice.kind === 'title' ? { kind: 'title', title: to.title } : { kind: choice.kind, file: fileName(set, to), index: choice.index };
}

function bindDoc(set: SetModel<unknown>, doc: DocModel<MemberChoice>): DocModel {
  const bind = (m: MemberChoice): Member => (m.kind === 'ref' ? { ...m, target: bindTarget(set, m.target) } : m);
  return { ...doc, properties: doc.properties.map(bind), definitions: doc.definitions.map(bind) };
}

/** The set after one edit (indices are taken modulo what exists, so every edit applies to something). */
export function applyEdit(set: SetModel, edit: Edit): SetModel {
  const next: SetModel = structuredClone(set);
  const docs = next.docs;
  const doc = docs['doc' in edit && typeof edit.doc === 'number' ? edit.doc % docs.length : 0]!;
  const members = [...doc.properties, ...doc.definitions];
  const memberAt = (i: number) => members[i % members.length]!;
  const refs = () => docs.flatMap((d) => [...d.properties, ...d.definitions]).filter((m): m is Extract<Member, { kind: 'ref' }> => m.kind === 'ref');
  switch (edit.kind) {
    case 'describe':
      doc.description = doc.description === edit.text ? `${edit.text} (again)` : edit.text;
      break;
    case 'describe-member': {
      const m = memberAt(edit.index);
      if (m.kind === 'string') m.description = m.description === edit.text ? `${edit.text} (again)` : edit.text;
      else if (m.kind === 'ref') m.wrap = m.wrap === 'described' ? 'plain' : 'described';
      break;
    }
    case 'keyword':
      doc.minProperties = edit.minProperties;
      break;
    case 'member-keyword': {
      const m = memberAt(edit.index);
      if (m.kind !== 'ref') m.minLength = edit.minLength;
      else Object.assign(m, { kind: 'string', typed: true, minLength: edit.minLength, anchor: false });
      break;
    }
    case 'retarget': {
      const i = edit.index % members.length;
      const replacement: Member = { kind: 'ref', target: bindTarget(next, edit.target), wrap: 'plain' };
      if (i < doc.properties.length) doc.properties[i] = replacement;
      else doc.definitions[i - doc.properties.length] = replacement;
      break;
    }
    case 'rename-id': {
      // The user renames the `$id` and the refs that name it.
      const [before, after] = [fileName(next, doc), `${edit.idName}${doc.file}`];
      doc.idName = after;
      for (const ref of refs()) if (ref.target.kind !== 'title' && ref.target.file === before) ref.target.file = fileName(next, doc);
      break;
    }
    case 'swap-ids': {
      // Refs keep their text: each now finds the other file.
      const other = docs[edit.other % docs.length]!;
      [doc.idName, other.idName] = [other.idName, doc.idName];
      break;
    }
    case 'toggle-anchor': {
      const m = memberAt(edit.index);
      if (m.kind === 'string') m.anchor = !m.anchor;
      break;
    }
    case 'retitle':
      doc.title = edit.title;
      break;
    case 'swap-titles': {
      const other = docs[edit.other % docs.length]!;
      [doc.title, other.title] = [other.title, doc.title];
      break;
    }
    case 'redialect':
      doc.dialect = edit.dialect === doc.dialect ? 'default' : edit.dialect;
      break;
    case 'default-dialect':
      next.defaultDialect = next.defaultDialect === 'draft-07' ? '2020-12' : 'draft-07';
      break;
    case 'toggle-closed':
      doc.closed = !doc.closed;
      break;
    case 'add-doc': {
      const file = Math.max(...docs.map((d) => d.file)) + 1;
      docs.push(bindDoc(next, { ...edit.doc, file, idName: `d${file}` }));
      break;
    }
    case 'remove-doc':
      // The user removes the file and points its refs elsewhere.
      if (docs.length > 2) {
        docs.splice(docs.indexOf(doc), 1);
        const gone = fileName(next, doc);
        for (const ref of refs()) if (ref.target.kind !== 'title' && ref.target.file === gone) ref.target = { kind: 'root', file: fileName(next, docs[0]!), index: 0 };
      }
      break;
  }
  return next;
}

/** The set as files: `{ "d0.json": text, … }`. */
export function renderSet(set: SetModel): Record<string, string> {
  const files: Record<string, string> = {};
  for (const doc of set.docs) files[`d${doc.file}.json`] = `${JSON.stringify(renderDoc(set, doc), null, 2)}\n`;
  return files;
}

const META_SCHEMAS = { 'draft-07': 'http://json-schema.org/draft-07/schema#', '2020-12': 'https://json-schema.org/draft/2020-12/schema' };

/** The dialect a document is read in. */
function dialectOf(set: SetModel, doc: DocModel): '2020-12' | 'draft-07' {
  return doc.dialect === 'default' ? set.defaultDialect : doc.dialect;
}

function renderDoc(set: SetModel, doc: DocModel): Record<string, unknown> {
  const definitions = dialectOf(set, doc) === 'draft-07' ? 'definitions' : '$defs';
  const schema: Record<string, unknown> = {
    ...(doc.dialect === 'default' ? {} : { $schema: META_SCHEMAS[doc.dialect] }),
    ...(set.withIds ? { $id: `https://example.com/schemas/${doc.idName}.json` } : {}),
    title: doc.title,
    description: doc.description,
    ...(doc.typed ? { type: 'object' } : {}),
    ...(doc.minProperties === undefined ? {} : { minProperties: doc.minProperties }),
    // Written in either dialect: in draft-07 it is an unknown keyword, and no reason for native refs.
    ...(doc.closed ? { unevaluatedProperties: false } : {}),
    properties: Object.fromEntries(doc.properties.map((m, i) => [`p${i}`, renderMember(set, doc, m, `p${i}`)])),
  };
  if (doc.definitions.length > 0) schema[definitions] = Object.fromEntries(doc.definitions.map((m, i) => [`k${i}`, renderMember(set, doc, m, `k${i}`)]));
  return schema;
}

function renderMember(set: SetModel, doc: DocModel, member: Member, key: string): Record<string, unknown> {
  const draft07 = dialectOf(set, doc) === 'draft-07';
  if (member.kind === 'string') {
    const anchor = member.anchor ? (draft07 ? { $id: `#a${doc.file}${key}` } : { $anchor: `a${doc.file}${key}` }) : {};
    return { ...anchor, ...(member.typed ? { type: 'string' } : {}), minLength: member.minLength, ...(member.description === undefined ? {} : { description: member.description }) };
  }
  if (member.kind === 'embedded') {
    return { $schema: META_SCHEMAS[draft07 ? '2020-12' : 'draft-07'], $id: `https://example.com/embedded/e${doc.file}${key}.json`, type: 'string', minLength: member.minLength };
  }
  const ref = refText(set, member.target);
  if (member.wrap === 'described') return { allOf: [{ $ref: ref }, { description: 'Described where used.' }] };
  if (member.wrap === 'array') return { type: 'array', items: { $ref: ref } };
  return { $ref: ref };
}

/** The `$ref` text of a target: places in the file that answers to its name now (its root if it has no such place). */
function refText(set: SetModel, target: Target): string {
  if (target.kind === 'title') return `#/components/schemas/${target.title}`;
  const to = set.docs.find((d) => fileName(set, d) === target.file);
  const file = `${target.file}.json`;
  if (!to || target.kind === 'root') return `${file}#`;
  const definitions = dialectOf(set, to) === 'draft-07' ? 'definitions' : '$defs';
  switch (target.kind) {
    case 'property':
      return `${file}#/properties/p${target.index % to.properties.length}`;
    case 'definition':
      return to.definitions.length === 0 ? `${file}#` : `${file}#/${definitions}/k${target.index % to.definitions.length}`;
    case 'anchor': {
      const anchored = [...to.properties.map((m, i) => [m, `p${i}`] as const), ...to.definitions.map((m, i) => [m, `k${i}`] as const)].filter(([m]) => m.kind === 'string' && m.anchor);
      return anchored.length === 0 ? `${file}#` : `${file}#a${to.file}${anchored[target.index % anchored.length]![1]}`;
    }
  }
}
