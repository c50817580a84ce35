import { parse, type Program } from 'acorn';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate, type GenerateOptions } from '../../src/index.js';
import { FIXTURES } from '../helpers/paths.js';
import { withTempDir } from '../helpers/temp-dir.js';

// The default index.js holds every validator itself (one module to load) while
// validators/<Name>.js keep one each for deep imports: both must be the same validators.

/** Inputs with every kind of validator module: calls between modules, recursion, run-time helpers, dialects, first-error. */
const CASES: { name: string; input: string; options?: GenerateOptions }[] = [
  { name: 'admin-initiate-auth-response', input: join(FIXTURES, 'admin-initiate-auth-response', 'input') },
  ...readdirSync(join(FIXTURES, 'ajv-output'))
    .sort()
    .map((name) => {
      const dir = join(FIXTURES, 'ajv-output', name);
      const optionsFile = join(dir, 'options.json');
      const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as GenerateOptions) : {};
      return { name, input: join(dir, 'input'), options };
    }),
];

/** Data of every kind, nested a little, with the property names the cases' schemas use. */
const PROBES: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  2 ** 53,
  '',
  'a',
  'x'.repeat(300),
  '2020-01-01',
  [],
  [1, 'a', null],
  {},
  { name: 'x', next: { name: 1 } },
  { ChallengeName: 'SMS_MFA', Session: 'x'.repeat(20), ChallengeParameters: { a: 'b' }, AuthenticationResult: { ExpiresIn: 1, AccessToken: 'x' } },
  { ChallengeName: 'NOPE', Session: 3, AuthenticationResult: { ExpiresIn: 'soon', NewDeviceMetadata: { DeviceKey: 1 } } },
  { id: 1, kind: 'dog', tags: ['a', 'a'], owner: { name: 'o', pets: [{}] }, children: [{ children: [] }] },
  { value: 50, unit: 'C', pair: ['a', 1], version: 'guard-2.x.x' },
  { value: 100, unit: 'K', pair: ['a', 1, 2] },
];

/**
 * Load index.js and every validators/<Name>.js of `out` in a plain Node process: the
 * names each exports, and each validator's verdict and errors on every probe.
 */
function loadBoth(out: string, format: 'esm' | 'cjs'): { indexExports: string[]; deepExports: string[]; sameClass: boolean; index: unknown; deep: unknown } {
  const names = readdirSync(join(out, 'validators'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => f.slice(0, -'.js'.length))
    .sort();
  const script = `
    const load = ${format === 'esm' ? '(p) => import(p)' : '(p) => Promise.resolve(require(p))'};
    const out = ${JSON.stringify(out)};
    const probes = ${JSON.stringify(PROBES)};
    const outcomes = (validate) => probes.map((p) => ({ valid: validate(structuredClone(p)), errors: validate.errors ?? null }));
    const index = await load(out + '/index.js');
    const errors = await load(out + '/runtime/errors.js');
    const result = { indexExports: Object.keys(index).filter((k) => k !== 'default' && k !== '__esModule').sort(), deepExports: [], sameClass: index.ValidationError === errors.ValidationError, index: {}, deep: {} };
    for (const name of ${JSON.stringify(names)}) {
      const deep = await load(out + '/validators/' + name + '.js');
      result.deepExports.push(...Object.keys(deep).filter((k) => k !== 'default' && k !== '__esModule'));
      result.deep[name] = outcomes(deep['validate' + name]);
      result.index[name] = outcomes(index['validate' + name]);
      // assert<Name> throws exactly when validate<Name> fails, from either file.
      for (const [from, m] of [['index', index], ['deep', deep]]) {
        probes.forEach((p, i) => {
          let threw = false;
          try { m['assert' + name](structuredClone(p)); } catch (e) { threw = e instanceof errors.ValidationError; }
          if (threw === result[from][name][i].valid) throw new Error(from + ' assert' + name + ' disagrees with validate' + name + ' on probe ' + i);
        });
      }
    }
    result.deepExports.sort();
    console.log(JSON.stringify(result));`;
  const args = format === 'esm' ? ['--input-type=module', '-e', script] : ['-e', `(async () => { ${script} })().catch((e) => { console.error(e); process.exit(1); });`];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: out, encoding: 'utf8', maxBuffer: 64 << 20 })) as ReturnType<typeof loadBoth>;
}

/** The top-level statements of index.js that belong to `name`'s block: `validate<name>` and `assert<name>`. */
function blockOf(program: Program, code: string, name: string): { start: number; end: number } {
  const statements = program.body.filter((s) => {
    if (s.type !== 'ExportNamedDeclaration' || s.declaration?.type !== 'VariableDeclaration') return false;
    const id = s.declaration.declarations[0]!.id;
    return id.type === 'Identifier' && (id.name === `validate${name}` || id.name === `assert${name}`);
  });
  expect(statements).toHaveLength(2);
  return { start: statements[0]!.start, end: code.indexOf('\n', statements[1]!.end) + 1 };
}

function exportedConstNames(program: Program): string[] {
  return program.body.flatMap((s) =>
    s.type === 'ExportNamedDeclaration' && s.declaration?.type === 'VariableDeclaration' && s.declaration.declarations[0]!.id.type === 'Identifier' ? [s.declaration.declarations[0]!.id.name] : [],
  );
}

describe('the default index.js', () => {
  it.each(CASES)('exports the same validators as the deep imports, with the same verdicts and errors, as ES modules and as CommonJS ($name)', ({ input, options }) =>
    withTempDir(async (dir) => {
      await cp(input, join(dir, 'schemas'), { recursive: true });
      for (const module of ['esm', 'cjs'] as const) {
        const report = await generate({ cwd: dir, outDir: module, module, cache: false, ...options });
        expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const loaded = loadBoth(join(dir, module), module);
        expect(loaded.indexExports).toEqual(['ValidationError', 'formatErrors', ...loaded.deepExports].sort());
        expect(loaded.deepExports.length).toBeGreaterThan(0);
        expect(loaded.index).toEqual(loaded.deep);
        // The probes reach both verdicts: the comparison covers errors, not only passes.
        const verdicts = Object.values(loaded.index as Record<string, { valid: boolean }[]>).flatMap((outcomes) => outcomes.map((o) => o.valid));
        expect(new Set(verdicts)).toEqual(new Set([true, false]));
        expect(loaded.sameClass).toBe(true);
      }
    }),
  );

  it('imports only the shared runtime, never a validator module, and lays out one block per schema in name order', () =>
    withTempDir(async (dir) => {
      await cp(join(FIXTURES, 'admin-initiate-auth-response', 'input'), join(dir, 'schemas'), { recursive: true });
      await generate({ cwd: dir, cache: false });
      const code = await readFile(join(dir, 'generated', 'index.js'), 'utf8');
      const program = parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
      const sources = program.body.flatMap((s) => ((s.type === 'ImportDeclaration' || s.type === 'ExportNamedDeclaration') && s.source ? [String(s.source.value)] : []));
      expect(sources.sort()).toEqual(['./runtime/errors.js', './runtime/errors.js', './runtime/ucs2length.js']);
      const names = exportedConstNames(program);
      const types = readdirSync(join(dir, 'generated', 'types')).map((f) => f.slice(0, -'.d.ts'.length));
      expect(names).toEqual([...types].sort().flatMap((t) => [`validate${t}`, `assert${t}`]));
    }));

  it('changes only the block of the one schema an edit changes', () =>
    withTempDir(async (dir) => {
      await cp(join(FIXTURES, 'admin-initiate-auth-response', 'input'), join(dir, 'schemas'), { recursive: true });
      await generate({ cwd: dir, cache: false });
      const before = await readFile(join(dir, 'generated', 'index.js'), 'utf8');
      const file = join(dir, 'schemas', 'session-type.json');
      await writeFile(file, (await readFile(file, 'utf8')).replace('"minLength": 20', '"minLength": 21'));
      expect((await generate({ cwd: dir, cache: false })).written).toContain('index.js');
      const after = await readFile(join(dir, 'generated', 'index.js'), 'utf8');

      const without = (code: string) => {
        const block = blockOf(parse(code, { ecmaVersion: 'latest', sourceType: 'module' }), code, 'SessionType');
        return { rest: code.slice(0, block.start) + code.slice(block.end), block: code.slice(block.start, block.end) };
      };
      const [old, edited] = [without(before), without(after)];
      expect(edited.rest).toBe(old.rest);
      expect(edited.block).not.toBe(old.block);
      expect(edited.block.replace('< 21', '< 20').replace('fewer than 21', 'fewer than 20').replace('limit: 21', 'limit: 20')).toBe(old.block);
    }));

  it('grows by one block when a schema is added, and the banner count', () =>
    withTempDir(async (dir) => {
      await cp(join(FIXTURES, 'admin-initiate-auth-response', 'input'), join(dir, 'schemas'), { recursive: true });
      await generate({ cwd: dir, cache: false });
      const before = await readFile(join(dir, 'generated', 'index.js'), 'utf8');
      await writeFile(join(dir, 'schemas', 'nick-name.json'), JSON.stringify({ title: 'NickName', type: 'string', maxLength: 9 }));
      await generate({ cwd: dir, cache: false });
      const after = await readFile(join(dir, 'generated', 'index.js'), 'utf8');
      const block = blockOf(parse(after, { ecmaVersion: 'latest', sourceType: 'module' }), after, 'NickName');
      // The block, and the blank line that separates it from the next.
      const rest = after.slice(0, block.start) + after.slice(block.end + 1);
      expect(rest).toBe(before.replace('from 10 schemas', 'from 11 schemas'));
    }));
});
