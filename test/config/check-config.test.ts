import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { locatePointer } from '../../src/diagnostics/position.js';
import { checkConfig } from '../../src/config/check-config.js';

/** Check a config's text (JSON) and return its problems as `line:column pointer: message`. */
function problemsOf(text: string): string[] {
  const checked = checkConfig(JSON.parse(text), (pointer) => ({ file: 'schema-gen.config.json', pointer, ...locatePointer(text, 'json', pointer) }));
  return checked.ok ? [] : checked.diagnostics.map((d: Diagnostic) => `${d.line}:${d.column} ${d.pointer}: ${d.message}`);
}

describe('the config is checked with the validator generated from config.schema.json', () => {
  it('accepts every setting, and targets holding settings', () => {
    const config = {
      $schema: './node_modules/schema-gen/config.schema.json',
      inputs: ['schemas'],
      components: ['openapi/api.yml'],
      out: 'generated',
      templates: 'my-templates',
      additionalProperties: 'none',
      readonlyProperties: false,
      formats: 'assert',
      allErrors: true,
      assumeTypes: false,
      defaultDialect: '2020-12',
      names: { 'schemas/date.json': 'ApiDate' },
      uriMap: { 'https://example.com/schemas/': 'vendor/schemas' },
      module: 'esm',
      bundle: false,
      typesOnly: false,
      format: false,
      allowRemote: false,
      limits: { maxFileBytes: 67108864, maxRemoteBytes: 16777216, maxDepth: 128, maxAliasExpansion: 1000000 },
      warnings: { 'implied-type': 'off', 'unknown-keyword': 'error' },
      targets: { 'user-pools': { inputs: ['a'], out: 'x', bundle: true }, identity_pools2: { inputs: ['b'], out: 'y' } },
    };
    expect(problemsOf(JSON.stringify(config))).toEqual([]);
  });

  it('an unknown key, a wrong type and a wrong value are each named with line and column, with a did-you-mean', () => {
    const text = '{\n  "inputs": ["schemas"],\n  "output": "gen",\n  "bundle": "yes",\n  "formats": "strict"\n}\n';
    const checked = checkConfig(JSON.parse(text), (pointer) => ({ file: 'c.json', pointer, ...locatePointer(text, 'json', pointer) }));
    expect(checked.ok).toBe(false);
    const diagnostics = checked.ok ? [] : checked.diagnostics;
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.pointer}: ${d.message}`)).toEqual([
      '3:3 /output: unknown setting "output"',
      '4:3 /bundle: "bundle" must be true or false',
      '5:3 /formats: "formats" must be "assert" or "annotate"',
    ]);
    expect(diagnostics[0]!.hint).toMatch(/^did you mean "out"\? known settings: \$schema, targets, inputs, /);
    expect(diagnostics.every((d) => d.severity === 'error' && d.code === 'bad-config' && d.file === 'c.json')).toBe(true);
  });

  it('__proto__ and constructor are unknown settings like any other, at the top, in a target and in limits', () => {
    const text = '{\n  "__proto__": {},\n  "constructor": 1,\n  "targets": { "a": { "toString": 1 } },\n  "limits": { "__proto__": 1 }\n}';
    expect(problemsOf(text)).toEqual([
      '2:3 /__proto__: unknown setting "__proto__"',
      '3:3 /constructor: unknown setting "constructor"',
      '4:23 /targets/a/toString: unknown setting "toString"',
      '5:15 /limits/__proto__: unknown limit "__proto__"',
    ]);
  });

  it('targets: names are words, each holds settings only, none is empty', () => {
    expect(problemsOf('{ "targets": { "a b": {}, "c": { "targets": {} } } }')).toEqual([
      '1:16 /targets/a b: "a b" is not a valid target name: it must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]*$"',
      '1:34 /targets/c/targets: unknown setting "targets"',
    ]);
    expect(problemsOf('{ "targets": {} }')).toEqual(['1:3 /targets: "targets" must NOT have fewer than 1 properties']);
  });

  it('limits and warnings: known names only, with their own words', () => {
    expect(problemsOf('{"limits": {"maxDept": 3, "maxDepth": 0}, "warnings": {"implied-typ": "off", "unknown-keyword": "loud"}}')).toEqual([
      '1:13 /limits/maxDept: unknown limit "maxDept"',
      '1:27 /limits/maxDepth: "maxDepth" must be >= 1',
      '1:56 /warnings/implied-typ: "implied-typ" is not a warning code',
      '1:78 /warnings/unknown-keyword: "unknown-keyword" must be "off", "warning" or "error"',
    ]);
  });

  it('a config that is not an object, and list items of the wrong type', () => {
    expect(problemsOf('[]')).toEqual(['1:1 : the config must be an object']);
    expect(problemsOf('{"inputs": ["a", 3], "components": []}')).toEqual(['1:18 /inputs/1: "inputs" item 1 must be a string']);
  });
});
