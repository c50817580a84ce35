import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SourceDocument } from '../../../src/load/document.js';
import { generate } from '../../../src/index.js';
import { withTempDir } from '../../helpers/temp-dir.js';
import { chooseProtoStandIn } from '../../../src/emit/validators/proto-stand-in.js';

const doc = (json: unknown, displayPath = 'schemas/a.json') => ({ json, displayPath }) as unknown as SourceDocument;

describe('the __proto__ stand-in', () => {
  it('is the default name when no string of the run holds it', () => {
    expect(chooseProtoStandIn([doc({ properties: { __proto__: {} } })], ['sg:/1/a.json'])).toBe('__schema_gen_own_proto__');
  });

  it('is another name when any key, value, file name or id holds the default', () => {
    expect(chooseProtoStandIn([doc({ properties: { __schema_gen_own_proto__: {} } })], [])).toBe('__schema_gen_own_proto_1__');
    expect(chooseProtoStandIn([doc({ enum: ['x__schema_gen_own_proto__y', '__schema_gen_own_proto_1__'] })], [])).toBe('__schema_gen_own_proto_2__');
    expect(chooseProtoStandIn([doc({}, 'schemas/__schema_gen_own_proto__.json')], [])).toBe('__schema_gen_own_proto_1__');
    expect(chooseProtoStandIn([doc({})], ['sg:/1/__schema_gen_own_proto__.json'])).toBe('__schema_gen_own_proto_1__');
  });

  it('looks through deep nesting without overflowing the stack', () => {
    let deep: unknown = { __schema_gen_own_proto__: 1 };
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(chooseProtoStandIn([doc(deep)], [])).toBe('__schema_gen_own_proto_1__');
  });
});

describe('a __proto__ property spelled with escapes', () => {
  // Copies are only walked where the text may hold such a key: an escaped spelling must count.
  it.each([
    ['JSON \\u', 'proto.json', '{"title": "Proto", "type": "object", "properties": {"\\u005f_proto__": {"type": "number"}}}'],
    ['YAML \\x', 'proto.yaml', 'title: Proto\ntype: object\nproperties:\n  "\\x5f_proto__": {type: number}\n'],
  ])('%s: is checked like any other property', (_spelling, file, text) =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      await writeFile(join(dir, 'schemas', file), text);
      expect((await generate({ cwd: dir, cache: false })).status).toBe('written');
      const { validateProto } = (await import(pathToFileURL(join(dir, 'generated', 'index.js')).href)) as Record<string, (data: unknown) => boolean>;
      expect(validateProto!(JSON.parse('{"__proto__": 1}'))).toBe(true);
      expect(validateProto!(JSON.parse('{"__proto__": "x"}'))).toBe(false);
    }),
  );
});
