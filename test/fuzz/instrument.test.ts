import fc from 'fast-check';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withTempDir } from '../helpers/temp-dir.js';
import { objectOf } from './arbitraries/json.js';
import { draftBatchArbitrary, finalizeBatch } from './arbitraries/schemas.js';
import { mutate } from './arbitraries/instances.js';
import { compileWithAjv } from './support/ajv-runtime.js';
import { runInBatches } from './support/batches.js';
import { probeImports } from './support/import-probe.js';
import { cliOutputProblems } from './support/run-cli.js';
import { strictTypeErrors } from './support/typecheck.js';
import { minimizeRepro, type Failure, type Repro } from './support/repro.js';

// The fuzz properties are only as good as their checks: each check must see what it is
// there to see, and stay quiet on clean output.

const setOf = (files: Record<string, unknown>) => ({ files: Object.entries(files).map(([name, schema]) => ({ name, schema: schema as never })) });

describe('the import probe', () => {
  it('reports nothing for an inert module', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'out'));
      await writeFile(join(dir, 'out', 'index.js'), 'export function validateX(data) { return typeof data === "string"; }\n');
      const { problems, result } = await probeImports(join(dir, 'out'), join(dir, 'scratch'), ['a']);
      expect(problems).toEqual([]);
      expect(result).toMatchObject({ modules: 1, validators: 1, calls: 7 });
    }));

  it.each([
    ['a global set on import', 'globalThis.leak = 1;', /importing the output changed a global: globalThis.leak added/],
    ['a prototype changed on import', 'Object.prototype.polluted = 1;', /Object.prototype.polluted added/],
    ['a file written', 'import { writeFileSync } from "node:fs"; writeFileSync("x.txt", "");', /files appeared in the child's working folder: x.txt/],
    ['a socket opened', 'import net from "node:net"; try { net.connect(80, "example.com"); } catch {}', /network attempted/],
    ['a fetch', 'try { await fetch("https://example.com"); } catch {}', /network attempted: fetch/],
    ['a syntax error', 'export const = 1;', /does not import/],
    [
      'data run as code by a validator',
      'export function validateX(data) { if (typeof data === "string") eval(data); return true; }',
      /running a validator changed a global: globalThis.__fuzzPwned added/,
    ],
  ])('reports %s', (_, code, expected) =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'out'));
      await writeFile(join(dir, 'out', 'index.js'), `${code}\n`);
      const { problems } = await probeImports(join(dir, 'out'), join(dir, 'scratch'), []);
      expect(problems.join('\n')).toMatch(expected);
    }),
  );
});

describe('the CLI output check', () => {
  it('accepts an ordinary error report and refuses stack traces, internal errors and raw control characters', () => {
    const ok = { code: 2, stdout: '', stderr: 'error in in-0/a.json:1:1 at /x: "\\u001b" is not a type\n' };
    expect(cliOutputProblems(ok)).toEqual([]);
    expect(cliOutputProblems({ ...ok, stderr: 'TypeError: x\n    at f (/a/b.js:1:2)\n' })).toEqual(['the CLI printed a stack trace']);
    expect(cliOutputProblems({ ...ok, stderr: 'schema-gen: internal error: x\n' })).toEqual(['the CLI reported an internal error']);
    expect(cliOutputProblems({ ...ok, stderr: 'title \x1b]0;pwned\x07\n' })[0]).toMatch(/raw control character U\+001b/);
  });
});

describe('the tsc check', () => {
  it('sees a type error in a .d.ts file', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'a.d.ts'), 'export type A = B;\n');
      expect(strictTypeErrors([join(dir, 'a.d.ts')]).join('\n')).toMatch(/TS2304 Cannot find name 'B'/);
    }));
});

describe('ajv at run time, the oracle of the differential test', () => {
  it('compiles with our options and reports instancePaths', () => {
    const ajv = compileWithAjv(setOf({ 'a.json': { type: 'object', properties: { n: { type: 'number' } } } }), 0);
    if ('refused' in ajv) throw new Error(ajv.refused);
    expect(ajv.validate({ n: 'x' })).toBe(false);
    expect(ajv.errors()).toEqual([{ instancePath: '/n' }]);
  });

  it('treats __proto__ and inherited names as ordinary property names, as the spec does', () => {
    const proto = compileWithAjv(setOf({ 'a.json': { properties: objectOf([['__proto__', { type: 'string' }]]) } }), 0);
    const required = compileWithAjv(setOf({ 'a.json': { required: ['constructor'] } }), 0);
    const inherited = compileWithAjv(setOf({ 'a.json': { properties: { toString: { type: 'number' } } } }), 0);
    if ('refused' in proto || 'refused' in required || 'refused' in inherited) throw new Error('refused');
    expect(proto.validate(JSON.parse('{"__proto__": 1}'))).toBe(false);
    expect(proto.errors()).toEqual([{ instancePath: '/__proto__' }]);
    expect(proto.validate(JSON.parse('{"__proto__": "s"}'))).toBe(true);
    expect(required.validate({})).toBe(false);
    expect(inherited.validate({})).toBe(true);
  });

  it('compares const, enum and uniqueItems values as JSON, as our validators do (not by their constructor)', () => {
    const constant = compileWithAjv(setOf({ 'a.json': { const: { constructor: {} } } }), 0);
    const unique = compileWithAjv(setOf({ 'a.json': { uniqueItems: true } }), 0);
    if ('refused' in constant || 'refused' in unique) throw new Error('refused');
    expect([constant.validate({ constructor: {} }), constant.validate({ constructor: [] })]).toEqual([true, false]);
    expect([unique.validate([{ valueOf: {} }, { valueOf: {} }]), unique.validate([{ valueOf: {} }, { valueOf: 1 }])]).toEqual([false, true]);
  });

  it('reads corpus-style refs between the files of a set as our resolver does', () => {
    const set = setOf({ 'a.json': { title: 'S0F0', $ref: '#/components/schemas/S0F1' }, 'b.json': { title: 'S0F1', type: 'integer' } });
    const ajv = compileWithAjv(set, 0);
    if ('refused' in ajv) throw new Error(ajv.refused);
    expect([ajv.validate(1), ajv.validate('1')]).toEqual([true, false]);
  });

  it('refuses what ajv cannot compile', () => {
    expect(compileWithAjv(setOf({ 'a.json': { pattern: '[' } }), 0)).toHaveProperty('refused');
    expect(compileWithAjv(setOf({ 'a.json': { $ref: 'missing.json' } }), 0)).toHaveProperty('refused');
  });
});

describe('the batch runner', () => {
  it('reruns the sets an exit 2 names on their own, and the rest together', async () => {
    const runs: number[][] = [];
    const result = await runInBatches(4, async (sets) => {
      runs.push(sets);
      return sets.includes(2) ? { kind: 'refused', blamed: [2] } : { kind: 'ok' };
    });
    expect(runs).toEqual([[0, 1, 2, 3], [2], [0, 1, 3]]);
    expect(result).toEqual({ generated: [[0, 1, 3]], refused: [2] });
  });
});

describe('the arbitraries', () => {
  it('write every $ref as a URI, keep __proto__ keys as own properties, and mutate copies', () => {
    const batches = fc.sample(
      draftBatchArbitrary(
        {
          key: fc.constantFrom('__proto__', 'a'),
          text: fc.constant('t'),
          value: fc.constant(1),
          pattern: fc.constant('^a$'),
          format: fc.constant('date'),
          extension: fc.constant('e'),
          fileStem: fc.constantFrom('f', 'g'),
          rootTitle: fc.constant(undefined),
          yamlFiles: false,
        },
        3,
      ),
      { seed: 1, numRuns: 30 },
    );
    const texts = batches.map((b) => JSON.stringify(finalizeBatch(b, { indexedTitles: true })));
    expect(texts.some((t) => t.includes('"$ref":"'))).toBe(true);
    expect(texts.some((t) => t.includes('"__proto__":'))).toBe(true);
    const data = JSON.parse('{"__proto__": {"x": 1}}');
    expect(JSON.stringify(mutate(data, [{ at: 1, op: 'replace', key: 'k', value: 2 }]))).toBe('{"__proto__":2}');
    expect(JSON.stringify(data)).toBe('{"__proto__":{"x":1}}');
  });
});

describe('the minimiser', () => {
  it('keeps only what the same kind of failure needs, and stops at its budget', async () => {
    // A stand-in check: it fails while some key of some file starts with "bad", and says so by kind.
    const recheck = async (repro: Repro): Promise<Failure | undefined> => {
      const text = JSON.stringify(repro.files);
      return /"bad/.test(text) ? { message: 'has a bad key\ndetails vary', repro } : /"worse/.test(text) ? { message: 'another kind', repro } : undefined;
    };
    const files = { 'a.json': { title: 'x', properties: { ok: { type: 'string' }, badbadbad: { type: 'number', minimum: 3 } } }, 'b.json': { worse: 1 } };
    const start = (await recheck({ files }))!;
    const { failure } = await minimizeRepro(start, recheck, 200);
    expect(failure.repro.files).toEqual({ 'a.json': { properties: { bad: {} } } });
    expect((await minimizeRepro(start, recheck, 3)).rechecks).toBe(3);
  });
});
