/**
 * The keyword the prepare step writes where a `$ref` becomes a call to another named
 * schema's exported validator (see external-ref-keyword.ts, which compiles it). A module
 * of its own: preparing schemas and computing cache keys do not load ajv.
 */
export const EXTERNAL_REF_KEYWORD = 'x-schema-gen-validator';
