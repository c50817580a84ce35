import type { SourceDocument } from '../../../src/load/document.js';
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
