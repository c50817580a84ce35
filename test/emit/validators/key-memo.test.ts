import { KeyMemo } from '../../../src/emit/validators/key-memo.js';
import type { DocumentFacts } from '../../../src/emit/validators/document-facts.js';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);
const FACTS_KEY = `${'c'.repeat(64)} json input 2020-12`;
const FACTS: DocumentFacts = { crossesRefs: ['2020-12'], mentionsStandIn: false, hasEmptyEnum: false };
const never = (): never => {
  throw new Error('the memo should have answered');
};

/** A memo file's text holding these entries besides `HASH_A → HASH_B` and FACTS, for `tool`. */
function fileText(tool: string, preparedHashes: Record<string, unknown> = {}, documentFacts: Record<string, unknown> = {}, format = 'schema-gen validator keys 1'): string {
  return JSON.stringify({ format, tool, preparedHashes: { [HASH_A]: HASH_B, ...preparedHashes }, documentFacts: { [FACTS_KEY]: FACTS, ...documentFacts } });
}

describe('the key memo', () => {
  it('answers from what an earlier run wrote, and computes what it does not hold', () => {
    const memo = KeyMemo.fromFileText(fileText('t'), 't');
    expect(memo.preparedHash(HASH_A, never)).toBe(HASH_B);
    expect(memo.documentFacts(FACTS_KEY, never)).toEqual(FACTS);
    expect(memo.preparedHash(HASH_B, () => HASH_A)).toBe(HASH_A);
    expect(memo.reused).toBe(2);
    // What it computed, it answers next time.
    expect(memo.preparedHash(HASH_B, never)).toBe(HASH_A);
  });

  it('is saved only when it changed, and keeps only what the run used', () => {
    const held = fileText('t', { [HASH_B]: HASH_A });
    const all = KeyMemo.fromFileText(held, 't');
    all.preparedHash(HASH_A, never);
    all.preparedHash(HASH_B, never);
    all.documentFacts(FACTS_KEY, never);
    expect(all.changed).toBe(false);

    const some = KeyMemo.fromFileText(held, 't');
    some.preparedHash(HASH_A, never);
    some.documentFacts(FACTS_KEY, never);
    expect(some.changed).toBe(true);
    expect(JSON.parse(some.toFileText('t'))).toEqual(JSON.parse(fileText('t')));
    // The file it writes is one it reads.
    expect(KeyMemo.fromFileText(some.toFileText('t'), 't').preparedHash(HASH_A, never)).toBe(HASH_B);

    const added = KeyMemo.fromFileText(fileText('t'), 't');
    added.preparedHash(HASH_A, never);
    added.documentFacts(FACTS_KEY, never);
    added.preparedHash(HASH_B, () => HASH_A);
    expect(added.changed).toBe(true);
  });

  it.each([
    ['not JSON', '{ "format": '],
    ['another format', fileText('t', {}, {}, 'something else')],
    ['another build of schema-gen', fileText('another build')],
    ['a key that is not a hash', fileText('t', { 'not a hash': HASH_B })],
    ['a hash that is not one', fileText('t', { [HASH_B]: 'x'.repeat(64) })],
    ['a hash of another type', fileText('t', { [HASH_B]: 7 })],
    ['facts of an unknown dialect', fileText('t', {}, { [`${HASH_A} json input 2020-12`]: { ...FACTS, crossesRefs: ['draft-99'] } })],
    ['facts with more fields', fileText('t', {}, { [`${HASH_A} json input 2020-12`]: { ...FACTS, extra: true } })],
    ['a facts key of another shape', fileText('t', {}, { [HASH_A]: FACTS })],
    ['an array', '[]'],
  ])('is empty when the file holds %s', (_, text) => {
    // Each file holds a good entry too: a file is trusted whole, or not at all.
    const memo = KeyMemo.fromFileText(text, 't');
    expect(memo.preparedHash(HASH_A, () => 'computed')).toBe('computed');
    expect(memo.reused).toBe(0);
  });
});
