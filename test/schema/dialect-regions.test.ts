import fc from 'fast-check';
import { contains, dialectAt, dialectBoundaries, withinAny } from '../../src/schema/dialect-regions.js';
import type { SchemaDocument } from '../../src/schema/walk.js';
import { joinPointer } from '../../src/schema/pointer.js';

const META = {
  'draft-04': 'http://json-schema.org/draft-04/schema#',
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
} as const;

/** A schema tree whose nodes may be embedded resources of any of three drafts; keys include `/` and `~`. */
const schemaTree = fc.letrec((tie) => ({
  node: fc.record(
    {
      draft: fc.option(fc.constantFrom(...(Object.keys(META) as (keyof typeof META)[])), { nil: undefined }),
      properties: fc.dictionary(fc.constantFrom('a', 'b/c', 'd~e', 'f'), tie('node'), { maxKeys: 3 }),
      allOf: fc.array(tie('node'), { maxLength: 2 }),
    },
    { requiredKeys: [] },
  ),
})).node;

type Tree = { draft?: keyof typeof META; properties?: Record<string, Tree>; allOf?: Tree[] };

function toSchema(tree: Tree, id: { n: number }): Record<string, unknown> {
  const schema: Record<string, unknown> = {};
  // draft-04 names its resources by `id`, the later drafts by `$id`.
  if (tree.draft) Object.assign(schema, { [tree.draft === 'draft-04' ? 'id' : '$id']: `https://example.com/r${id.n++}`, $schema: META[tree.draft] });
  if (tree.properties && Object.keys(tree.properties).length > 0) schema.properties = Object.fromEntries(Object.entries(tree.properties).map(([k, v]) => [k, toSchema(v, id)]));
  if (tree.allOf && tree.allOf.length > 0) schema.allOf = tree.allOf.map((t) => toSchema(t, id));
  return schema;
}

function pointersOf(schema: Record<string, unknown>, at = ''): string[] {
  const found = [at];
  for (const [key, sub] of Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)) found.push(...pointersOf(sub, joinPointer(at, 'properties', key)));
  ((schema.allOf ?? []) as Record<string, unknown>[]).forEach((sub, i) => found.push(...pointersOf(sub, joinPointer(at, 'allOf', i))));
  return found;
}

describe('dialect regions', () => {
  it('the dialect at a pointer is the innermost boundary holding it (checked against a scan of every boundary)', () => {
    fc.assert(
      fc.property(schemaTree, (tree) => {
        const json = { $schema: META['2020-12'], ...toSchema(tree as Tree, { n: 0 }) };
        const doc: SchemaDocument & { text: string; format: 'json' } = { json, role: 'input', dialect: '2020-12', text: JSON.stringify(json), format: 'json' };
        const boundaries = dialectBoundaries(doc);
        const pointers = pointersOf(json);
        const innermost = (pointer: string) => boundaries.filter((b) => contains(b.pointer, pointer)).sort((a, b) => b.pointer.length - a.pointer.length)[0]?.dialect ?? doc.dialect;
        const named = new Set(pointers.filter((_, i) => i % 3 === 1));
        return pointers.every((p) => dialectAt(doc, p) === innermost(p) && withinAny(named, p) === [...named].some((n) => contains(n, p)));
      }),
      { numRuns: 300 },
    );
  });
});
