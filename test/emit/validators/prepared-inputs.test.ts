import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ValidatorOptions } from '../../../src/emit/validators/index.js';
import { KeyMemo } from '../../../src/emit/validators/key-memo.js';
import { assignAjvIds, prepareSchemas } from '../../../src/emit/validators/prepare-schemas.js';
import { withTempDir } from '../../helpers/temp-dir.js';
import { applyEdit, renderSet, type DocModel, type Edit, type Member, type SetModel } from './support/schema-sets.js';
import { moduleKeysOf, VALIDATOR_OPTIONS, validatorInputs } from './support/validator-inputs.js';

const string = (minLength: number, typed = true): Member => ({ kind: 'string', typed, minLength, anchor: false });
const ref = (target: Extract<Member, { kind: 'ref' }>['target']): Member => ({ kind: 'ref', target, wrap: 'plain' });
const doc = (file: number, properties: Member[], more: Partial<DocModel> = {}): DocModel => ({
  file,
  title: `T${file}`,
  idName: `d${file}`,
  dialect: '2020-12',
  typed: true,
  description: '',
  closed: false,
  properties,
  definitions: [],
  ...more,
});

interface Case {
  /** What the memo key must hold for this edit to be seen. */
  input: string;
  set: SetModel;
  edit: Edit | { after: SetModel } | ((options: ValidatorOptions) => ValidatorOptions);
  /** The document whose text the edit leaves as it is, but whose copy it changes. */
  unchanged: string;
  /** The type whose key changes with that copy (default: the unchanged document's root). */
  type?: string;
}

const set = (docs: DocModel[], more: Partial<SetModel> = {}): SetModel => ({ withIds: false, defaultDialect: '2020-12', docs, ...more });

// One case per input listed in src/emit/validators/prepared-inputs.ts that an edit of
// another file (or an option) can change: in each, one document's text stays the same
// while its prepared copy changes. A memo key without that input would give the run the
// old copy's hash: the run's keys would differ from a run without the memo.
const CASES: Case[] = [
  {
    input: "a ref target's ajv id (two files trade their $id: the ref finds the other)",
    set: set([doc(0, [ref({ kind: 'property', file: 'd1', index: 0 })]), doc(1, [string(1)]), doc(2, [string(2)])], { withIds: true }),
    edit: { kind: 'swap-ids', doc: 1, other: 2 },
    unchanged: 'd0.json',
  },
  {
    input: 'the name of the type a ref calls (its title changed)',
    set: set([doc(0, [ref({ kind: 'root', file: 'd1', index: 0 })]), doc(1, [string(1)])]),
    edit: { kind: 'retitle', doc: 1, title: 'Renamed' },
    unchanged: 'd0.json',
  },
  {
    input: 'a ref target found by title (two files trade titles; refs inlined in native mode)',
    set: set([doc(0, [ref({ kind: 'title', title: 'T1' })], { closed: true }), doc(1, [string(1)]), doc(2, [string(2)])]),
    edit: { kind: 'swap-titles', doc: 1, other: 2 },
    unchanged: 'd0.json',
  },
  {
    input: "a ref target's dialect (inlined in native mode when it is the referrer's, else a call)",
    set: set([doc(0, [ref({ kind: 'property', file: 'd1', index: 0 })], { closed: true }), doc(1, [ref({ kind: 'root', file: 'd2', index: 0 })]), doc(2, [string(2)])]),
    edit: { kind: 'redialect', doc: 2, dialect: 'draft-07' },
    unchanged: 'd1.json',
    type: 'd0.json',
  },
  {
    input: 'the assumeTypes option',
    set: set([doc(0, [string(1)], { typed: false }), doc(1, [string(2)])]),
    edit: (options) => ({ ...options, assumeTypes: true }),
    unchanged: 'd0.json',
  },
  {
    input: "the document's dialect (no $schema: the run's defaultDialect)",
    set: set([doc(0, [string(1)], { dialect: 'default', closed: true }), doc(1, [ref({ kind: 'root', file: 'd0', index: 0 })], { dialect: 'draft-07' })]),
    edit: { kind: 'default-dialect' },
    unchanged: 'd0.json',
  },
  {
    input: "the name of an embedded resource's validator (another file's type now wants the same name)",
    set: set([doc(0, [string(1)], { definitions: [{ kind: 'embedded', minLength: 2 }] }), doc(1, [string(2)])]),
    edit: { after: set([doc(0, [string(1)], { definitions: [{ kind: 'embedded', minLength: 2 }] }), doc(1, [string(2)], { definitions: [string(3)] })]) },
    unchanged: 'd0.json',
  },
];

/** The prepared copies of one file, for every instance (dialect and ref mode) it could be compiled in. */
function copiesOf({ graph, model }: Awaited<ReturnType<typeof validatorInputs>>, options: ValidatorOptions, protoStandIn: string, file: string): string[] {
  const ids = assignAjvIds(graph.registry.documents);
  const doc = graph.registry.documents.find((d) => d.displayPath === `schemas/${file}`)!;
  return (['2020-12', 'draft-07'] as const).flatMap((dialect) =>
    (['external', 'native'] as const).map((mode) => JSON.stringify(prepareSchemas(graph, model, ids, dialect, mode, { protoStandIn, assumeTypes: options.assumeTypes }).documents.get(doc) ?? null)),
  );
}

describe('the memo key of a prepared copy', () => {
  it.each(CASES)('holds $input', ({ set, edit, unchanged, type = unchanged }) =>
    withTempDir(async (dir) => {
      const folder = join(dir, 'schemas');
      const runOn = async (model: SetModel, options: ValidatorOptions, memo?: KeyMemo) => {
        await rm(folder, { recursive: true, force: true });
        await mkdir(folder);
        const files = renderSet(model);
        for (const [file, text] of Object.entries(files)) await writeFile(join(folder, file), text);
        const inputs = await validatorInputs(dir, [folder], [], model.defaultDialect);
        expect(inputs.errors).toEqual([]);
        const fresh = moduleKeysOf(inputs.graph, inputs.model, options);
        return { files, fresh, copies: copiesOf(inputs, options, fresh.protoStandIn, unchanged), memoized: memo && moduleKeysOf(inputs.graph, inputs.model, options, memo) };
      };
      const memo = new KeyMemo();
      const before = await runOn(set, VALIDATOR_OPTIONS, memo);
      expect(before.memoized).toEqual(before.fresh);
      const [after, options] = typeof edit === 'function' ? [set, edit(VALIDATOR_OPTIONS)] : 'after' in edit ? [edit.after, VALIDATOR_OPTIONS] : [applyEdit(set, edit), VALIDATOR_OPTIONS];
      const remembered = KeyMemo.fromFileText(memo.toFileText('tool'), 'tool');
      const { files, fresh, copies, memoized } = await runOn(after, options, remembered);

      // The case is what it says: the document's text is the same, its copy and its type's key are not.
      expect(files[unchanged]).toBe(before.files[unchanged]);
      expect(copies).not.toEqual(before.copies);
      const typeOf = `schemas/${type}#`;
      expect(fresh.keys[typeOf]).not.toBe(before.fresh.keys[typeOf]);
      // And the memo sees it: the run with it computes what the run without it does.
      expect(memoized).toEqual(fresh);
    }),
  );
});

// Within one run, one document can be prepared for several instances: each copy has a key of its own.
describe('the memo key of a prepared copy, within one run', () => {
  it.each([
    {
      input: 'the problems of the copies (a ref across dialects from a module compiled with native refs): every copy is prepared',
      docs: [doc(0, [ref({ kind: 'root', file: 'd1', index: 0 })], { closed: true }), doc(1, [string(1)], { dialect: 'draft-07' })],
      instances: ['schemas/d0.json#'],
      problems: ['cross-dialect-native-ref'],
    },
    {
      input: 'the dialect of the instance (a document with an embedded resource of another dialect)',
      docs: [doc(0, [string(1)], { definitions: [{ kind: 'embedded', minLength: 2 }] })],
      instances: ['schemas/d0.json#', 'schemas/d0.json#/$defs/k0'],
    },
    {
      input: 'the ref mode of the instance (a document inlined in a native-mode module, and compiled in external mode itself)',
      docs: [doc(0, [ref({ kind: 'root', file: 'd1', index: 0 })], { closed: true }), doc(1, [ref({ kind: 'root', file: 'd0', index: 0 })])],
      instances: ['schemas/d0.json#', 'schemas/d1.json#'],
    },
  ])('holds $input', ({ docs, instances, problems = [] }) =>
    withTempDir(async (dir) => {
      const folder = join(dir, 'schemas');
      await mkdir(folder);
      for (const [file, text] of Object.entries(renderSet(set(docs)))) await writeFile(join(folder, file), text);
      const { graph, model, errors } = await validatorInputs(dir, [folder]);
      expect(errors).toEqual([]);
      const memo = new KeyMemo();
      const memoized = moduleKeysOf(graph, model, VALIDATOR_OPTIONS, memo);
      const fresh = moduleKeysOf(graph, model, VALIDATOR_OPTIONS);
      // Both types' modules include the document, prepared for two instances: two entries, not one.
      expect(Object.keys(fresh.keys)).toEqual(expect.arrayContaining(instances));
      expect(memoized).toEqual(fresh);
      expect(fresh.diagnostics.map((d) => d.code)).toEqual(problems);
      expect(memo.reused).toBe(0);
    }),
  );
});

describe('the `__proto__` stand-in', () => {
  it('is chosen again when a string of another file takes it, and the copies that use it change', () =>
    withTempDir(async (dir) => {
      const folder = join(dir, 'schemas');
      await mkdir(folder);
      // JSON.parse makes `__proto__` an own key, as the load stage does.
      await writeFile(join(folder, 'proto.json'), '{"title": "Proto", "type": "object", "properties": {"__proto__": {"type": "string"}}}');
      await writeFile(join(folder, 'other.json'), '{"title": "Other", "type": "string"}');
      const run = async (memo: KeyMemo) => {
        const { graph, model, errors } = await validatorInputs(dir, [folder]);
        expect(errors).toEqual([]);
        const fresh = moduleKeysOf(graph, model, VALIDATOR_OPTIONS);
        expect(moduleKeysOf(graph, model, VALIDATOR_OPTIONS, memo)).toEqual(fresh);
        return fresh;
      };
      const memo = new KeyMemo();
      const before = await run(memo);
      expect(before.protoStandIn).toBe('__schema_gen_own_proto__');

      await writeFile(join(folder, 'other.json'), '{"title": "Other", "type": "string", "description": "not __schema_gen_own_proto__ please"}');
      const remembered = KeyMemo.fromFileText(memo.toFileText('tool'), 'tool');
      const after = await run(remembered);
      expect(after.protoStandIn).toBe('__schema_gen_own_proto_1__');
      expect(after.keys['schemas/proto.json#']).not.toBe(before.keys['schemas/proto.json#']);
      // proto.json's facts came from the memo (its text is the same): the other file's told the stand-in is taken.
      expect(remembered.reused).toBeGreaterThan(0);
    }));
});
