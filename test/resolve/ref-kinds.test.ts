import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate, type GenerateOptions, type Report } from '../../src/index.js';
import type { SourceDocument } from '../../src/load/document.js';
import { resolveDocuments } from '../../src/resolve/index.js';
import { recordNetworkAttempts } from '../helpers/no-network.js';
import { withTempDir } from '../helpers/temp-dir.js';

type Validator = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string }[] | null };

/** Write `files` (objects as pretty JSON, strings as they are) under `dir`, then generate `schemas/` → `out/`. */
async function gen(dir: string, files: Record<string, unknown>, options: GenerateOptions = {}): Promise<Report> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return generate({ cwd: dir, inputs: ['schemas'], outDir: 'out', ...options });
}
const typeOf = (dir: string, name: string) => readFile(join(dir, 'out', 'types', `${name}.d.ts`), 'utf8');
async function validatorOf(dir: string, name: string): Promise<Validator> {
  const module = (await import(pathToFileURL(join(dir, 'out', 'validators', `${name}.js`)).href)) as Record<string, Validator>;
  return module[`validate${name}`]!;
}

/**
 * The declaration of `name` with each imported type written out in its place (except
 * recursive ones), doc comments dropped and whitespace collapsed: what a ref led to,
 * whether or not its target (a `$defs` entry, say) got a name of its own.
 */
async function expanded(dir: string, name: string, seen: string[] = []): Promise<string> {
  const text = await typeOf(dir, name);
  let body = text
    .slice(text.search(/^export (type|interface) /m))
    .replace(/^export (type \w+ = |interface \w+ )/, '')
    .replace(/\/\*\*[\s\S]*?\*\//g, '')
    .replace(/;?\s*$/, '');
  for (const [, used] of text.matchAll(/^import type \{ (\w+) \}/gm)) {
    if (used === name || seen.includes(used!)) continue;
    body = body.replace(new RegExp(`\\b${used}\\b`, 'g'), await expanded(dir, used!, [...seen, name]));
  }
  return body.replace(/\s+/g, ' ').trim();
}
/** Generate `files`: no diagnostics, and `name` expands to `expected`. */
const expectExpanded = (files: Record<string, unknown>, name: string, expected: string, options: GenerateOptions = {}) =>
  withTempDir(async (dir) => {
    const report = await gen(dir, files, options);
    expect(report.diagnostics).toEqual([]);
    expect(await expanded(dir, name)).toBe(expected);
  });
const object = (title: string, properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ title, type: 'object', properties, ...extra });

describe('$ref kinds', () => {
  it('JSON pointers inside a file: ~0, ~1, percent-encoding and array indexes', () =>
    withTempDir(async (dir) => {
      const report = await gen(dir, {
        'schemas/escapes.json': object(
          'Escapes',
          {
            slash: { $ref: '#/$defs/a~1b' },
            tilde: { $ref: '#/$defs/m~0n' },
            space: { $ref: '#/$defs/with%20space' },
            percent: { $ref: '#/$defs/%2525' },
            tildeOne: { $ref: '#/$defs/~01' },
            encodedTilde: { $ref: '#/$defs/m%7E0n' },
            first: { $ref: '#/$defs/pair/prefixItems/0' },
          },
          {
            $defs: {
              'a/b': { type: 'string' },
              'm~n': { type: 'integer' },
              'with space': { type: 'boolean' },
              '%25': { const: 'pct' },
              '~1': { type: 'null' },
              pair: { type: 'array', prefixItems: [{ enum: ['L', 'R'] }] },
            },
          },
        ),
      });
      expect(report.diagnostics).toEqual([]);
      expect(await expanded(dir, 'Escapes')).toBe('{ slash?: string; tilde?: number; space?: boolean; percent?: "pct"; tildeOne?: null; encodedTilde?: number; first?: "L" | "R"; }');
      const validate = await validatorOf(dir, 'Escapes');
      expect(validate({ slash: 's', tilde: 1, space: true, percent: 'pct', tildeOne: null, encodedTilde: 2, first: 'L' })).toBe(true);
      expect(validate({ slash: 1, tilde: 1.5, space: 'no', percent: 'x', tildeOne: 0, encodedTilde: 'x', first: 'M' })).toBe(false);
      expect(validate.errors!.map((e) => e.instancePath).sort()).toEqual(['/encodedTilde', '/first', '/percent', '/slash', '/space', '/tilde', '/tildeOne']);
    }));

  it('$defs and definitions, also nested', () =>
    withTempDir(async (dir) => {
      const report = await gen(dir, {
        'schemas/defs.json': object(
          'Defs',
          { a: { $ref: '#/$defs/A' }, b: { $ref: '#/definitions/B' }, c: { $ref: '#/$defs/Outer/$defs/Inner' } },
          {
            $defs: { A: { type: 'string', maxLength: 3 }, Outer: { $defs: { Inner: { type: 'integer' } } } },
            definitions: { B: { enum: [1, 2] } },
          },
        ),
      });
      expect(report.diagnostics).toEqual([]);
      expect(await expanded(dir, 'Defs')).toBe('{ a?: string; b?: 1 | 2; c?: number; }');
      const validate = await validatorOf(dir, 'Defs');
      expect(validate({ a: 'abc', b: 2, c: 7 })).toBe(true);
      for (const bad of [{ a: 'abcd' }, { b: 3 }, { c: 'x' }]) expect(validate(bad)).toBe(false);
    }));

  it('relative file refs: other.json, other.json#/$defs/x, sub/deep.json, and ../ back up', () =>
    withTempDir(async (dir) => {
      const report = await gen(dir, {
        'schemas/main.json': object('Main', { o: { $ref: 'other.json' }, x: { $ref: 'other.json#/$defs/x' }, d: { $ref: 'sub/deep.json' } }),
        'schemas/other.json': object('Other', { id: { type: 'string' } }, { required: ['id'], $defs: { x: { type: 'integer', minimum: 3 } } }),
        'schemas/sub/deep.json': { title: 'Deep', type: 'array', items: { $ref: '../other.json#/$defs/x' } },
      });
      expect(report.diagnostics).toEqual([]);
      const main = await typeOf(dir, 'Main');
      expect(main).toContain("import type { Other } from './Other.js';");
      expect(main).toMatch(/o\?: Other;\s+x\?: \w+;\s+d\?: Deep;/);
      expect(await expanded(dir, 'Main')).toBe('{ o?: { id: string; }; x?: number; d?: number[]; }');
      const validate = await validatorOf(dir, 'Main');
      expect(validate({ o: { id: 'a' }, x: 3, d: [4, 5] })).toBe(true);
      expect(validate({ o: {} })).toBe(false);
      expect(validate.errors).toEqual([expect.objectContaining({ instancePath: '/o', keyword: 'required' })]);
      expect(validate({ x: 2 })).toBe(false);
      expect(validate({ d: [3, 1] })).toBe(false);
      expect(validate.errors).toEqual([expect.objectContaining({ instancePath: '/d/1', keyword: 'minimum' })]);
    }));

  it('an absolute $id URL, referenced from another file (with and without a fragment)', () =>
    withTempDir(async (dir) => {
      const report = await gen(dir, {
        'schemas/a.json': { $id: 'https://example.com/schemas/a.json', title: 'A', type: 'string', minLength: 2, $defs: { n: { type: 'number' } } },
        'schemas/user.json': object('User', { a: { $ref: 'https://example.com/schemas/a.json' }, n: { $ref: 'https://example.com/schemas/a.json#/$defs/n' } }),
      });
      expect(report.diagnostics).toEqual([]);
      expect(await typeOf(dir, 'User')).toMatch(/import type \{ A \} from '\.\/A\.js';[\s\S]*a\?: A;/);
      expect(await expanded(dir, 'User')).toBe('{ a?: string; n?: number; }');
      const validate = await validatorOf(dir, 'User');
      expect(validate({ a: 'ab', n: 1 })).toBe(true);
      expect(validate({ a: 'a' })).toBe(false);
      expect(validate({ n: 'x' })).toBe(false);
    }));

  it('a file with a remote $id reaches its sibling b.json (and sub/c.json) locally, without the network', () =>
    withTempDir(async (dir) => {
      let report: Report | undefined;
      const attempts = await recordNetworkAttempts(async () => {
        report = await gen(dir, {
          'schemas/x.json': object(
            'X',
            { b: { $ref: 'b.json' }, k: { $ref: 'b.json#/$defs/k' }, c: { $ref: 'sub/c.json' } },
            { $id: 'https://raw.githubusercontent.com/org/repo/main/schemas/x.json' },
          ),
          'schemas/b.json': { title: 'B', type: 'integer', maximum: 5, $defs: { k: { type: 'string' } } },
          'schemas/sub/c.json': { title: 'C', type: 'boolean' },
        });
      });
      expect(attempts).toEqual([]);
      expect(report!.diagnostics).toEqual([]);
      expect(await typeOf(dir, 'X')).toMatch(/b\?: B;\s+k\?: \w+;\s+c\?: C;/);
      expect(await expanded(dir, 'X')).toBe('{ b?: number; k?: string; c?: boolean; }');
      const validate = await validatorOf(dir, 'X');
      expect(validate({ b: 5, k: 'k', c: true })).toBe(true);
      for (const bad of [{ b: 6 }, { k: 1 }, { c: 'yes' }]) expect(validate(bad)).toBe(false);
    }));

  it('a file with a remote $id in a subfolder reaches ../b.json locally', () =>
    expectExpanded(
      {
        'schemas/sub/x.json': object('X', { b: { $ref: '../b.json' } }, { $id: 'https://raw.githubusercontent.com/org/repo/main/schemas/sub/x.json' }),
        'schemas/b.json': { title: 'B', type: 'integer' },
      },
      'X',
      '{ b?: number; }',
    ));

  it('$anchor refs (#foo), an embedded $id with an anchor inside it, and file.json#anchor', () =>
    withTempDir(async (dir) => {
      const report = await gen(dir, {
        'schemas/a.json': object(
          'Anch',
          { f: { $ref: '#foo' }, e: { $ref: 'inner.json' }, ea: { $ref: 'inner.json#bar' }, ep: { $ref: 'https://example.com/inner.json#/properties/n' } },
          {
            $id: 'https://example.com/root.json',
            $defs: {
              foo: { $anchor: 'foo', type: 'string', pattern: '^f' },
              emb: { $id: 'inner.json', type: 'object', properties: { n: { type: 'number', minimum: 10 } }, $defs: { b: { $anchor: 'bar', type: 'boolean' } } },
            },
          },
        ),
        'schemas/n.json': object('NoId', { k: { $ref: '#kk' } }, { $defs: { k: { $anchor: 'kk', type: 'string' } } }),
        'schemas/m.json': object('M', { k: { $ref: 'n.json#kk' } }),
      });
      expect(report.diagnostics).toEqual([]);
      expect(await expanded(dir, 'Anch')).toBe('{ f?: string; e?: { n?: number; }; ea?: boolean; ep?: number; }');
      expect(await expanded(dir, 'M')).toBe('{ k?: string; }');
      const validate = await validatorOf(dir, 'Anch');
      expect(validate({ f: 'fa', e: { n: 11 }, ea: true, ep: 12 })).toBe(true);
      for (const bad of [{ f: 'x' }, { e: { n: 1 } }, { ea: 1 }, { ep: 9 }]) expect(validate(bad)).toBe(false);
      expect((await validatorOf(dir, 'M'))({ k: 1 })).toBe(false);
    }));

  it('file.json#anchor reaches an anchor in a file that has its own $id', () =>
    expectExpanded(
      {
        'schemas/a.json': { $id: 'https://example.com/root.json', title: 'A', $defs: { foo: { $anchor: 'foo', type: 'string' } } },
        'schemas/c.json': object('C', { z: { $ref: 'a.json#foo' } }),
      },
      'C',
      '{ z?: string; }',
    ));

  it('b.json#anchor from a file with a remote $id reaches the anchor of the local sibling', () =>
    expectExpanded(
      {
        'schemas/x.json': object('X', { k: { $ref: 'b.json#anc' } }, { $id: 'https://raw.githubusercontent.com/org/repo/main/schemas/x.json' }),
        'schemas/b.json': { title: 'B', $defs: { k: { $anchor: 'anc', type: 'string' } } },
      },
      'X',
      '{ k?: string; }',
    ));

  it('refs into a YAML input, and into a YAML --components document', () =>
    withTempDir(async (dir) => {
      const report = await gen(
        dir,
        {
          'schemas/pet.yaml': 'title: Pet\ntype: object\nrequired: [name]\nproperties:\n  name:\n    type: string\n  tag:\n    $ref: "#/$defs/Tag"\n$defs:\n  Tag:\n    enum: [a, b]\n',
          'schemas/owner.json': object('Owner', {
            pet: { $ref: 'pet.yaml' },
            tag: { $ref: 'pet.yaml#/$defs/Tag' },
            color: { $ref: '#/components/schemas/Color' },
            shade: { $ref: '../openapi/api.yaml#/components/schemas/Shade' },
          }),
          'openapi/api.yaml':
            'openapi: 3.1.0\ncomponents:\n  schemas:\n    Color:\n      type: object\n      properties:\n        shade:\n          $ref: "#/components/schemas/Shade"\n    Shade:\n      type: integer\n      maximum: 9\n    Unused:\n      type: string\n',
        },
        { components: ['openapi/api.yaml'] },
      );
      expect(report.diagnostics).toEqual([]);
      expect(await typeOf(dir, 'Owner')).toMatch(/pet\?: Pet;\s+tag\?: \w+;\s+color\?: Color;\s+shade\?: Shade;/);
      expect(await typeOf(dir, 'Color')).toContain('shade?: Shade;');
      expect(await expanded(dir, 'Owner')).toBe('{ pet?: { name: string; tag?: "a" | "b"; }; tag?: "a" | "b"; color?: { shade?: number; }; shade?: number; }');
      expect(existsSync(join(dir, 'out', 'types', 'Unused.d.ts'))).toBe(false); // not reached
      const validate = await validatorOf(dir, 'Owner');
      expect(validate({ pet: { name: 'Rex', tag: 'a' }, tag: 'b', color: { shade: 9 }, shade: 0 })).toBe(true);
      for (const bad of [{ pet: {} }, { pet: { name: 'x', tag: 'c' } }, { tag: 'c' }, { color: { shade: 10 } }, { shade: 1.5 }]) expect(validate(bad)).toBe(false);
    }));

  it('a plain $defs document passed as --components answers #/components/schemas/X', () =>
    expectExpanded(
      {
        'schemas/owner.json': object('Owner', { color: { $ref: '#/components/schemas/Color' } }),
        'defs.json': { $defs: { Color: { enum: ['red'] } } },
      },
      'Owner',
      '{ color?: "red"; }',
      { components: ['defs.json'] },
    ));

  it('a recursive tree node, and A → B → A across files: named types, validators that go deep', () =>
    withTempDir(async (dir) => {
      const report = await gen(dir, {
        'schemas/tree.json': object('TreeNode', { value: { type: 'integer' }, children: { type: 'array', items: { $ref: '#' } } }, { required: ['value'] }),
        'schemas/a.json': object('A', { name: { type: 'string' }, b: { $ref: 'b.json' } }, { required: ['name'] }),
        'schemas/b.json': object('B', { n: { type: 'number' }, a: { $ref: 'a.json' } }, { required: ['n'] }),
      });
      expect(report.diagnostics).toEqual([]);
      expect(await typeOf(dir, 'TreeNode')).toContain('children?: TreeNode[];');
      expect(await typeOf(dir, 'A')).toMatch(/import type \{ B \} from '\.\/B\.js';[\s\S]*b\?: B;/);
      expect(await typeOf(dir, 'B')).toMatch(/import type \{ A \} from '\.\/A\.js';[\s\S]*a\?: A;/);

      const tree = await validatorOf(dir, 'TreeNode');
      expect(tree({ value: 1, children: [{ value: 2, children: [{ value: 3, children: [] }] }] })).toBe(true);
      expect(tree({ value: 1, children: [{ value: 2, children: [{ value: 'x' }] }] })).toBe(false);
      expect(tree.errors).toEqual([expect.objectContaining({ instancePath: '/children/0/children/0/value', keyword: 'type' })]);
      const a = await validatorOf(dir, 'A');
      expect(a({ name: 'a', b: { n: 1, a: { name: 'b', b: { n: 2 } } } })).toBe(true);
      expect(a({ name: 'a', b: { n: 1, a: { name: 'b', b: { n: 'x' } } } })).toBe(false);
      expect(a.errors).toEqual([expect.objectContaining({ instancePath: '/b/a/b/n', keyword: 'type' })]);
      expect(a({ name: 'a', b: { n: 1, a: { b: { n: 2 } } } })).toBe(false);
      expect(a.errors).toEqual([expect.objectContaining({ instancePath: '/b/a', keyword: 'required' })]);
    }));

  it('$ref with sibling keywords (2020-12): the validator enforces both', () =>
    withTempDir(async (dir) => {
      const shape = { type: 'object', properties: { x: { type: 'string' }, y: { type: 'integer' } } };
      const report = await gen(dir, {
        'schemas/p.json': object('P', { v: { $ref: '#/$defs/shape', required: ['x'] } }, { $defs: { shape } }),
        'schemas/r.json': { title: 'R', $ref: 'base.json', required: ['x'] },
        'schemas/base.json': { title: 'Base', ...shape },
      });
      expect(report.diagnostics).toEqual([]);
      expect(await typeOf(dir, 'R')).toMatch(/export type R = Base & \{\s+x: unknown;\s+\};/);
      expect(await expanded(dir, 'P')).toBe('{ v?: { x?: string; y?: number; } & { x: unknown; }; }');
      const [p, r] = [await validatorOf(dir, 'P'), await validatorOf(dir, 'R')];
      for (const [validate, wrap] of [
        [p, (v: unknown) => ({ v })],
        [r, (v: unknown) => v],
      ] as const) {
        expect(validate(wrap({ x: 'a', y: 1 }))).toBe(true);
        expect(validate(wrap({ y: 1 }))).toBe(false); // the sibling `required`
        expect(validate.errors).toEqual([expect.objectContaining({ keyword: 'required' })]);
        expect(validate(wrap({ x: 1 }))).toBe(false); // the referenced `properties`
        expect(validate.errors).toEqual([expect.objectContaining({ keyword: 'type' })]);
      }
    }));

  it('resolveDocuments says how each ref was found: pointer, anchor, sibling-title, components-document', () => {
    const root = resolve('/virtual/project');
    const doc = (path: string, json: unknown, role: SourceDocument['role'] = 'input'): SourceDocument => ({
      absolutePath: join(root, path),
      displayPath: path,
      format: 'json',
      text: JSON.stringify(json, null, 2),
      json,
      role,
      dialect: '2020-12',
    });
    const a = doc(
      'schemas/a.json',
      object(
        'A',
        {
          p: { $ref: '#/$defs/x' },
          q: { $ref: '#anc' },
          r: { $ref: '#/components/schemas/B' },
          s: { $ref: '#/components/schemas/C' },
          t: { $ref: 'b.json' },
        },
        { $defs: { x: { $anchor: 'anc' } } },
      ),
    );
    const b = doc('schemas/b.json', { title: 'B' });
    const api = doc('api.json', { openapi: '3.1.0', components: { schemas: { C: { type: 'string' } } } }, 'components');
    const settings = { roots: [join(root, 'schemas'), root], allowRemote: false, mappedPrefixes: [] };
    const graph = resolveDocuments([a, b, api], settings);
    expect(graph.diagnostics).toEqual([]);
    const found = (p: string) => {
      const ref = graph.refs.get(`schemas/a.json#/properties/${p}`)!;
      return [ref.via, ref.target.doc.displayPath, ref.target.pointer];
    };
    expect(found('p')).toEqual(['pointer', 'schemas/a.json', '/$defs/x']);
    expect(found('q')).toEqual(['anchor', 'schemas/a.json', '/$defs/x']);
    expect(found('r')).toEqual(['sibling-title', 'schemas/b.json', '']);
    expect(found('s')).toEqual(['components-document', 'api.json', '/components/schemas/C']);
    expect(found('t')).toEqual(['pointer', 'schemas/b.json', '']);
    expect(graph.refs.size).toBe(5);
  });
});
