import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate, type Report } from '../../src/index.js';
import { typeErrors } from '../helpers/typecheck.js';

/**
 * Issue 8, item 7: inlining an unnamed subschema at every place that uses it made the
 * output exponential in the input (2.3 KB of schema: 13 s and a 10 MB .d.ts; 3 KB:
 * minutes and 3 GB). Each shape below doubled (or worse) per level; now each prints
 * every subschema once, the output stays a small multiple of the input, and it compiles.
 */

/** `$defs` d0..dn where each entry refers to the one before it twice. */
function doublingDefs(levels: number, refPrefix: string): Record<string, unknown> {
  const defs: Record<string, unknown> = { d0: { type: 'string', minLength: 1 } };
  for (let i = 1; i <= levels; i++) {
    defs[`d${i}`] = { type: 'object', properties: { left: { $ref: `${refPrefix}/d${i - 1}` }, right: { $ref: `${refPrefix}/d${i - 1}` } } };
  }
  return defs;
}

type Files = Record<string, unknown>;

/** Each level of each shape, as the files of a project (`schemas/` is the input folder). */
const shapes: Record<string, { files: (levels: number) => Files; inputs: string[]; components?: string[] }> = {
  // The reported shape: unnamed $defs of a document that an input only refers to.
  'unnamed $defs of a referenced document': {
    files: (n) => ({
      'schemas/root.json': { title: 'Root', $ref: `lib.json#/$defs/d${n}` },
      'schemas/lib.json': { $defs: doublingDefs(n, '#/$defs') },
    }),
    inputs: ['schemas/root.json'],
  },
  '$defs inside an OpenAPI component': {
    files: (n) => ({
      'schemas/root.json': { title: 'Root', type: 'object', properties: { lib: { $ref: '#/components/schemas/Lib' } } },
      'api.json': { openapi: '3.1.0', components: { schemas: { Lib: { $ref: `#/components/schemas/Lib/$defs/d${n}`, $defs: doublingDefs(n, '#/components/schemas/Lib/$defs') } } } },
    }),
    inputs: ['schemas'],
    components: ['api.json'],
  },
  'properties that refer to the property before them twice': {
    files: (n) => ({ 'schemas/root.json': { title: 'Root', type: 'object', properties: doublingDefs(n, '#/properties') } }),
    inputs: ['schemas'],
  },
  // No refs at all: a parent repeating a child's type.
  'a property type repeated in the index signature, nested': {
    files: (n) => ({ 'schemas/root.json': { title: 'Root', ...nest(n, (inner) => ({ type: 'object', properties: { a: inner }, additionalProperties: { type: 'number' } })) } }),
    inputs: ['schemas'],
  },
  'the additional type repeated for each key of a propertyNames enum, nested': {
    files: (n) => ({ 'schemas/root.json': { title: 'Root', ...nest(Math.ceil(n / 4), (inner) => ({ type: 'object', propertyNames: { enum: keys(20) }, additionalProperties: inner })) } }),
    inputs: ['schemas'],
  },
  'the additional type repeated for each required name, nested': {
    files: (n) => ({ 'schemas/root.json': { title: 'Root', ...nest(Math.ceil(n / 4), (inner) => ({ type: 'object', required: keys(20), additionalProperties: inner })) } }),
    inputs: ['schemas'],
  },
  'a pattern type repeated for each key it matches, nested': {
    files: (n) => ({ 'schemas/root.json': { title: 'Root', ...nest(Math.ceil(n / 4), (inner) => ({ type: 'object', propertyNames: { enum: keys(20) }, patternProperties: { '^k': inner } })) } }),
    inputs: ['schemas'],
  },
};

function nest(levels: number, wrap: (inner: unknown) => Record<string, unknown>): Record<string, unknown> {
  let schema: Record<string, unknown> = { type: 'string' };
  for (let i = 0; i < levels; i++) schema = wrap(schema);
  return schema;
}

const keys = (count: number) => Array.from({ length: count }, (_, i) => `k${i}`);

async function writeFiles(dir: string, files: Files): Promise<number> {
  let bytes = 0;
  for (const [path, json] of Object.entries(files)) {
    const text = JSON.stringify(json);
    bytes += text.length;
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return bytes;
}

async function declarationFiles(outDir: string): Promise<string[]> {
  const types = join(outDir, 'types');
  return [join(outDir, 'index.d.ts'), ...(await readdir(types)).map((f) => join(types, f))];
}

async function run(shape: (typeof shapes)[string], levels: number, dir: string): Promise<{ report: Report; inputBytes: number; outputBytes: number; files: string[] }> {
  const inputBytes = await writeFiles(dir, shape.files(levels));
  const report = await generate({ cwd: dir, inputs: shape.inputs, components: shape.components, outDir: 'out', typesOnly: true });
  const files = report.status === 'failed' ? [] : await declarationFiles(join(dir, 'out'));
  let outputBytes = 0;
  for (const file of files) outputBytes += (await readFile(file)).length;
  return { report, inputBytes, outputBytes, files };
}

const BOMBS = [
  ['2.3 KB', 26],
  ['3 KB', 34],
] as const;

describe('output size grows linearly with the input', () => {
  const runs = new Map<string, { small: Awaited<ReturnType<typeof run>>; large: Awaited<ReturnType<typeof run>> }>();
  const bombs = new Map<string, { inputBytes: number; report: Report; files: string[]; outDir: string }>();
  let dir = '';
  let errors: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'schema-gen-size-'));
    for (const [i, [name, shape]] of Object.entries(shapes).entries()) {
      runs.set(name, { small: await run(shape, 12, join(dir, `${i}-small`)), large: await run(shape, 24, join(dir, `${i}-large`)) });
    }
    for (const [size, levels] of BOMBS) {
      const at = join(dir, `bomb-${levels}`);
      const inputBytes = await writeFiles(at, shapes['unnamed $defs of a referenced document']!.files(levels));
      // Types and validators, as a user runs it.
      const report = await generate({ cwd: at, inputs: ['schemas/root.json'], outDir: 'out' });
      const files = report.status === 'failed' ? [] : await declarationFiles(join(at, 'out'));
      bombs.set(size, { inputBytes, report, files, outDir: join(at, 'out') });
    }
    // One tsc program for every case (they are modules: names cannot collide).
    errors = typeErrors([...[...runs.values()].flatMap((r) => r.large.files), ...[...bombs.values()].flatMap((b) => b.files)]);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each(Object.keys(shapes))('%s', (name) => {
    const { small, large } = runs.get(name)!;
    for (const { report } of [small, large]) {
      expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(report.status).toBe('written');
    }
    // Inlined, 12 more levels multiplied the output by 2^12 (or 20^3); now by about 2.
    expect(large.outputBytes).toBeLessThan(3 * small.outputBytes);
    expect(large.outputBytes).toBeLessThan(12 * large.inputBytes);
    expect(large.files.length).toBeGreaterThan(1);
    expect(errors.filter((e) => large.files.some((f) => e.startsWith(f)))).toEqual([]);
  });

  it.each(BOMBS)('the reported bomb, %s of $defs that each refer to the previous one twice: each $def declared once, types compile, validators work', async (size, levels) => {
    const { inputBytes, report, files, outDir } = bombs.get(size)!;
    expect(inputBytes).toBeGreaterThanOrEqual(size === '3 KB' ? 3000 : 2300);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.status).toBe('written');
    // Root (which is dn: one ref leads there) and d1..dn-1; d0 is `string`, small, so printed in place.
    expect(report.typeCount).toBe(levels);
    let outputBytes = 0;
    for (const file of files) outputBytes += (await readFile(file)).length;
    expect(outputBytes).toBeLessThan(10 * inputBytes);
    expect(await readFile(join(outDir, 'types', 'D5.d.ts'), 'utf8')).toContain('export interface D5 {\n  left?: D4;\n  right?: D4;\n}');
    expect(errors.filter((e) => files.some((f) => e.startsWith(f)))).toEqual([]);
    // The validators are one module per $def too, and check what the schema says.
    const { validateRoot } = (await import(pathToFileURL(join(outDir, 'index.js')).href)) as { validateRoot: (data: unknown) => boolean };
    // Both properties are optional: one path down is enough (a tree of both would be 2^levels values).
    let valid: unknown = 'x';
    let invalid: unknown = ''; // d0 has minLength 1
    for (let i = 0; i < levels; i++) {
      valid = { left: valid };
      invalid = { right: invalid };
    }
    expect(validateRoot(valid)).toBe(true);
    expect(validateRoot(invalid)).toBe(false);
  });

  it('no type error anywhere', () => {
    expect(errors).toEqual([]);
  });
});
