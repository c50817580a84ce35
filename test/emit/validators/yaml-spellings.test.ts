import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate } from '../../../src/index.js';
import type { LoadedValidator } from '../../helpers/generate-and-import.js';
import { readTree } from '../../helpers/read-tree.js';
import { withTempDir } from '../../helpers/temp-dir.js';

/**
 * YAML spells a key in more ways than JSON: an escape (`"\x24schema"`, `"\U00000024schema"`),
 * a line folded inside double quotes, an alias of an anchored key. Steps that skip
 * documents whose text cannot hold a key (`$schema` below the root, `nullable`,
 * `__proto__`) must not skip these: every spelling gives the output of the plain one.
 */
/** `key: value` at `indent`, the key written as given; `folded` writes it as an explicit key (`? "…"`), which may span lines. */
const entry = (indent: string, key: string, value: string, folded = false) => (folded ? `${indent}? ${key}\n${indent}: ${value}` : `${indent}${key}: ${value}`);

// Read as draft-07 (its own `$schema`), `$ref` makes `maxLength` beside it ignored; read as 2020-12 it would apply.
// (The `$ref` sits in `allOf`: up to draft-07 an `$id` beside a `$ref` is ignored too.)
const EMBEDDED_DRAFT_07 = (key: string, { anchor = '', folded = false } = {}) =>
  [
    `${anchor}$schema: https://json-schema.org/draft/2020-12/schema`,
    'title: Envelope',
    'type: object',
    'properties:',
    '  code:',
    '    $id: https://example.com/code',
    entry('    ', key, 'http://json-schema.org/draft-07/schema#', folded),
    "    allOf: [{ $ref: '#/definitions/text', maxLength: 1 }]",
    '    definitions: { text: { type: string } }',
    '',
  ].join('\n');

const NULLABLE = (key: string, folded = false) =>
  ['openapi: 3.0.3', "info: { title: Names, version: '1' }", 'paths: {}', 'components:', '  schemas:', '    Nickname:', '      description: Any value', entry('      ', key, 'true', folded), ''].join(
    '\n',
  );

// The required list names the key as written too: a plain `__proto__` anywhere in the text would hide a skipped walk.
const PROTO = (key: string, folded = false) =>
  [
    'openapi: 3.0.3',
    "info: { title: Protos, version: '1' }",
    'paths: {}',
    'components:',
    '  schemas:',
    '    Holder:',
    '      type: object',
    `      required: [${key}]`,
    '      properties:',
    entry('        ', key, '{ type: integer }', folded),
    '',
  ].join('\n');

interface Case {
  name: string;
  /** The key as a text search looks for it. */
  key: string;
  plain: string;
  spellings: string[];
  checks: { type: string; data: unknown; valid: boolean }[];
}

const CASES: Case[] = [
  {
    name: '$schema of an embedded resource',
    key: '$schema',
    plain: EMBEDDED_DRAFT_07('$schema'),
    spellings: [EMBEDDED_DRAFT_07('"\\x24schema"'), EMBEDDED_DRAFT_07('"\\U00000024schema"'), EMBEDDED_DRAFT_07('"$sch\\\n      ema"', { folded: true }), EMBEDDED_DRAFT_07('*s ', { anchor: '&s ' })],
    checks: [
      { type: 'Envelope', data: { code: 'abc' }, valid: true },
      { type: 'Envelope', data: { code: 1 }, valid: false },
    ],
  },
  {
    name: 'nullable (OpenAPI 3.0)',
    key: 'nullable',
    plain: NULLABLE('nullable'),
    spellings: [NULLABLE('"\\x6eullable"'), NULLABLE('"nul\\\n        lable"', true)],
    checks: [
      { type: 'Nickname', data: null, valid: true },
      { type: 'Nickname', data: 'x', valid: true },
      { type: 'Nickname', data: 1, valid: true },
    ],
  },
  {
    name: 'a __proto__ property',
    key: '__proto__',
    plain: PROTO('__proto__'),
    spellings: [PROTO('"\\x5f_proto__"'), PROTO('"__pro\\\n          to__"', true)],
    checks: [
      { type: 'Holder', data: JSON.parse('{"__proto__": 1}'), valid: true },
      { type: 'Holder', data: JSON.parse('{"__proto__": "x"}'), valid: false },
      { type: 'Holder', data: {}, valid: false },
    ],
  },
];

async function generateFrom(dir: string, name: string, text: string): Promise<{ tree: Map<string, string>; verdicts: (checks: Case['checks']) => Promise<boolean[]> }> {
  const project = join(dir, name);
  await mkdir(join(project, 'schemas'), { recursive: true });
  await writeFile(join(project, 'schemas', 'schema.yaml'), text);
  const report = await generate({ cwd: project, cache: false });
  if (report.status === 'failed') throw new Error(`${name}: ${report.diagnostics.map((d) => d.message).join('\n')}`);
  const out = join(project, 'generated');
  // The manifest records the hash of the input's text, which differs by spelling: all else must not.
  const tree = await readTree(out);
  tree.delete('.schema-gen-manifest.json');
  return {
    tree,
    verdicts: async (checks) => {
      const index = (await import(pathToFileURL(join(out, 'index.js')).href)) as Record<string, LoadedValidator>;
      return checks.map(({ type, data }) => index[`validate${type}`]!(structuredClone(data)));
    },
  };
}

describe('keys spelled the YAML ways', () => {
  for (const c of CASES) {
    it(`${c.name}: every spelling gives the plain spelling's output and verdicts`, () =>
      withTempDir(async (dir) => {
        const plain = await generateFrom(dir, 'plain', c.plain);
        expect(await plain.verdicts(c.checks)).toEqual(c.checks.map((check) => check.valid));
        const count = (text: string) => text.split(c.key).length - 1;
        for (const [i, text] of c.spellings.entries()) {
          // A text search sees the key fewer times in each spelling than in the plain text: what made it skip them.
          expect(count(text)).toBeLessThan(count(c.plain));
          const spelt = await generateFrom(dir, `spelling-${i}`, text);
          expect(spelt.tree).toEqual(plain.tree);
          expect(await spelt.verdicts(c.checks)).toEqual(c.checks.map((check) => check.valid));
        }
      }));
  }
});
