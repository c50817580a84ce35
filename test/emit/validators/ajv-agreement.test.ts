import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ajvOptions, createAjv } from '../../../src/emit/validators/ajv-instance.js';
import { generate } from '../../../src/index.js';
import { loadDocuments } from '../../../src/load/index.js';
import { resolveDocuments } from '../../../src/resolve/index.js';
import { prototypeFreeProps } from '../../helpers/prototype-free-ajv.js';
import { withTempDir } from '../../helpers/temp-dir.js';

/**
 * The reproductions of issues 8 and 9, each a schema with the instances that showed the
 * bug: our generated validators (ES modules and CommonJS, run in plain Node) must give
 * ajv's verdict and the same set of error instancePaths, ajv being Ajv2020 compiled at
 * run time with the options of src/emit/validators/ajv-instance.ts.
 *
 * Two deliberate differences from ajv are compared against an adjusted ajv instead:
 * - `own`: properties named like Object.prototype members (`constructor`, `toString`)
 *   are own properties in our validators (ajv#2664); ajv does the same with its
 *   `ownProperties` option.
 * - `renamed`: ajv skips a `__proto__` property schema entirely; ours checks it like any
 *   other. The reference is ajv on the same schema and data with `__proto__` spelled
 *   `proto_renamed`, its error paths spelled back.
 * And for every case, the objects in which ajv's code records the properties evaluated at
 * run time have no prototype (ajv's `code.process`, test/helpers/prototype-free-ajv.ts),
 * as in our validators: in ajv's, a data key `toString` reads as evaluated.
 */
type Oracle = 'ajv' | 'own' | 'renamed';
interface Case {
  title: string;
  oracle: Oracle;
  schema: string;
  instances: string[];
}

const nine = Array.from({ length: 9 }, (_, i) => `"p${i}": {"type": "string"}`).join(', ');

const CASES: Case[] = [
  { title: 'Func2', oracle: 'ajv', schema: '{"type": "object", "properties": {"func2": {"type": "boolean"}}}', instances: ['{"func2": "no"}', '{"func2": true}', '{}'] },
  {
    title: 'Root1',
    oracle: 'ajv',
    schema: '{"type": "object", "properties": {"root1": {"enum": ["admin", "user"]}}}',
    instances: ['{"root1": "admin; DROP TABLE"}', '{"root1": "user"}', '{"root1": 1}'],
  },
  {
    title: 'AjvNames',
    oracle: 'ajv',
    schema: `{"type": "object", "required": ["data", "errors"], "properties": {
      "schema7": {"type": "string"}, "obj1": {"type": "object"}, "keyword1": {"type": "integer"}, "pattern3": {"type": "string", "pattern": "^p"},
      "validate0": {"type": "number"}, "data": {"type": "string"}, "errors": {"type": "string"}, "vErrors": {"type": "string"}, "func0": {"const": 1}}}`,
    instances: [
      '{"schema7": "s", "obj1": {}, "keyword1": 1, "pattern3": "pp", "validate0": 0, "data": "d", "errors": "e", "vErrors": "v", "func0": 1}',
      '{"schema7": 1, "obj1": 1, "keyword1": 1.5, "pattern3": "q", "validate0": "0", "data": 1, "errors": 2, "vErrors": 3, "func0": 2}',
      '{}',
    ],
  },
  {
    title: 'Inherited',
    oracle: 'own',
    schema: '{"type": "object", "required": ["toString"], "properties": {"constructor": {"type": "string"}, "toString": {"type": "number"}}}',
    instances: ['{}', '{"toString": 1}', '{"toString": 1, "constructor": "c"}', '{"toString": "1", "constructor": 5}'],
  },
  {
    title: 'ProtoProperty',
    oracle: 'renamed',
    schema: '{"type": "object", "required": ["__proto__"], "properties": {"__proto__": {"type": "number"}, "a": {"type": "string"}}}',
    instances: ['{}', '{"__proto__": 1}', '{"__proto__": "x", "a": 1}', '{"a": "a"}'],
  },
  {
    title: 'StandInName',
    oracle: 'ajv',
    schema: '{"type": "object", "additionalProperties": false, "properties": {"__schema_gen_own_proto__": {"type": "integer"}}}',
    instances: ['{"__schema_gen_own_proto__": 1}', '{"__schema_gen_own_proto__": "x"}', '{"__proto__": 1}', '{}'],
  },
  {
    title: 'StandInAndProto',
    oracle: 'renamed',
    schema: '{"type": "object", "additionalProperties": false, "properties": {"__schema_gen_own_proto__": {"type": "integer"}, "__proto__": {"type": "string"}}}',
    instances: ['{"__schema_gen_own_proto__": 1, "__proto__": "p"}', '{"__schema_gen_own_proto__": "x", "__proto__": 2}', '{"other": 1}'],
  },
  {
    title: 'ProtoConst',
    oracle: 'ajv',
    schema: '{"const": {"__proto__": {"x": 1}}}',
    instances: ['{}', '{"__proto__": {"x": 1}}', '{"__proto__": {"x": 2}}', '{"x": 1}'],
  },
  {
    title: 'ProtoEnum',
    oracle: 'ajv',
    schema: '{"type": "object", "properties": {"v": {"enum": [{"__proto__": 1}, {"__proto__": [2]}, "a"]}}}',
    instances: ['{"v": {}}', '{"v": {"__proto__": 1}}', '{"v": {"__proto__": [2]}}', '{"v": "a"}', '{"v": {"__proto__": 3}}'],
  },
  {
    title: 'ManyPropertiesWithProto',
    oracle: 'renamed',
    schema: `{"type": "object", "additionalProperties": false, "properties": {${nine}, "__proto__": {"type": "number"}}}`,
    instances: ['{"__proto__": 1}', '{"__proto__": "s"}', '{"q": 1}', '{"p0": "x", "__proto__": 2}'],
  },
  {
    title: 'ManyPropertiesNoProto',
    oracle: 'ajv',
    schema: `{"type": "object", "additionalProperties": false, "properties": {${nine}}}`,
    instances: ['{"__proto__": 1}', '{"p8": "x"}', '{"constructor": 1}'],
  },
  {
    title: 'FewPropertiesWithProto',
    oracle: 'renamed',
    schema: '{"type": "object", "additionalProperties": false, "properties": {"a": {}, "__proto__": {"type": "number"}}}',
    instances: ['{"__proto__": 1}', '{"__proto__": "s"}', '{"b": 1}'],
  },
  {
    title: 'ProtoDependencies',
    oracle: 'renamed',
    schema: '{"type": "object", "dependentRequired": {"__proto__": ["a"]}, "dependentSchemas": {"__proto__": {"required": ["b"]}}}',
    instances: ['{"__proto__": 1}', '{"__proto__": 1, "a": 1, "b": 2}', '{"a": 1}'],
  },
  {
    // Found by the differential fuzzer: ajv's evaluated-properties object was `{}`, so a data
    // key `__proto__` or `toString` read as evaluated and unevaluatedProperties let it through.
    title: 'InheritedUnevaluated',
    oracle: 'ajv',
    schema: '{"patternProperties": {"^[a-z]+$": {}, "^_x": {}}, "unevaluatedProperties": false}',
    instances: ['{"toString": 1}', '{"__proto__": null}', '{"constructor": 1}', '{"ab": 1, "hasOwnProperty": 2}', '{"ab": 1}', '{"_x": 1}'],
  },
  {
    // Found by the differential fuzzer: a oneOf branch sets the evaluated props to `true` for
    // item 0, and patternProperties then marked a key on `true` for item 1, which throws in
    // an ES module (strict) and does nothing in ajv's own (sloppy) code.
    title: 'PatternMarksAfterAll',
    oracle: 'ajv',
    schema: '{"unevaluatedItems": {"patternProperties": {"[^*/]": {}}, "oneOf": [{"unevaluatedProperties": false}]}}',
    instances: ['[0, {"x-schema-gen-validator": null}]', '[0, {"other": null}]', '["a", {"b": "c"}]', '[0, 1]', '[]'],
  },
];

interface Outcome {
  valid: boolean;
  paths: string[];
}

function outcome(valid: boolean, errors: { instancePath: string }[] | null | undefined, rename = (p: string) => p): Outcome {
  return { valid, paths: [...new Set((errors ?? []).map((e) => rename(e.instancePath)))].sort() };
}

/** What ajv at run time says, per case title and instance. */
async function ajvOutcomes(dir: string): Promise<Record<string, Outcome[]>> {
  const loaded = await loadDocuments({ inputs: ['schemas'], components: [], cwd: dir });
  const graph = resolveDocuments(loaded.documents, { roots: loaded.roots, allowRemote: false, mappedPrefixes: [] });
  const options = { allErrors: true, formats: 'assert' } as const;
  const code = { code: { ...ajvOptions('2020-12', options, []).code, process: prototypeFreeProps } };
  const plain = createAjv(graph, options, [], [], code);
  const own = createAjv(graph, options, [], [], { ownProperties: true, ...code });
  const result: Record<string, Outcome[]> = {};
  for (const c of CASES) {
    const spell = (text: string) => (c.oracle === 'renamed' ? text.replaceAll('"__proto__"', '"proto_renamed"') : text);
    const validate = (c.oracle === 'own' ? own : plain).compile(JSON.parse(spell(c.schema)) as object);
    result[c.title] = c.instances.map((text) => {
      const valid = validate(JSON.parse(spell(text))) as boolean;
      return outcome(valid, validate.errors, (path) => path.replaceAll('/proto_renamed', '/__proto__'));
    });
  }
  return result;
}

/** What our generated modules say, run by a plain Node process. */
function ourOutcomes(dir: string, out: string, format: 'esm' | 'cjs'): Record<string, Outcome[]> {
  const jobs = CASES.map((c) => [c.title, c.instances]);
  const script = `
    const load = ${format === 'esm' ? '(p) => import(p)' : '(p) => Promise.resolve(require(p))'};
    const result = {};
    for (const [title, instances] of ${JSON.stringify(jobs)}) {
      const validate = (await load(${JSON.stringify(out)} + '/validators/' + title + '.js'))['validate' + title];
      result[title] = instances.map((text) => {
        const valid = validate(JSON.parse(text));
        return { valid, paths: [...new Set((validate.errors ?? []).map((e) => e.instancePath))].sort() };
      });
    }
    console.log(JSON.stringify(result));`;
  const args = format === 'esm' ? ['--input-type=module', '-e', script] : ['-e', `(async () => { ${script} })();`];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8' })) as Record<string, Outcome[]>;
}

describe('validators agree with ajv on the reproductions of issues 8 and 9', () => {
  it('as ES modules and as CommonJS: same verdicts and error instancePaths', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      for (const c of CASES) await writeFile(join(dir, 'schemas', `${c.title}.json`), c.schema.replace('{', `{"title": "${c.title}", `));
      for (const module of ['esm', 'cjs'] as const) {
        const report = await generate({ cwd: dir, outDir: module, module, cache: false });
        expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      }
      const expected = await ajvOutcomes(dir);
      // The cases show the bugs: both verdicts occur, and errors are reported where they were missed.
      expect(expected['Func2']![0]).toEqual({ valid: false, paths: ['/func2'] });
      expect(expected['Root1']![0]).toEqual({ valid: false, paths: ['/root1'] });
      expect(expected['ProtoConst']!.map((o) => o.valid)).toEqual([false, true, false, false]);
      // `toString`, `__proto__` and `hasOwnProperty` match no pattern, `constructor` does.
      expect(expected['InheritedUnevaluated']!.map((o) => o.valid)).toEqual([false, false, true, false, true, true]);
      expect(ourOutcomes(dir, join(dir, 'esm'), 'esm')).toEqual(expected);
      expect(ourOutcomes(dir, join(dir, 'cjs'), 'cjs')).toEqual(expected);
    }));
});
