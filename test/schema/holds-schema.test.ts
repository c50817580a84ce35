import { holdsSchema } from '../../src/schema/holds-schema.js';

describe('whether a document found in an input folder holds a schema', () => {
  it.each([
    ['an npm manifest', { name: 'app', version: '1.0.0', type: 'module', description: 'An app', scripts: {} }, false],
    ['a tsconfig', { compilerOptions: { strict: true }, include: ['src'] }, false],
    ['a CI workflow', { name: 'CI', on: ['push'], jobs: {} }, false],
    ['a package-lock', { name: 'app', lockfileVersion: 3, packages: {} }, false],
    ['an array', [1, 2], false],
    ['SchemaStore-style package.json schema', { $schema: 'http://json-schema.org/draft-07/schema#', title: 'package.json', definitions: {}, type: 'object' }, true],
    ['a schema without $schema', { type: 'object', properties: { a: { type: 'string' } } }, true],
    ['"type" with a JSON type', { type: 'string' }, true],
    ['only keywords: accepts anything', { title: 'Anything', description: 'Any value' }, true],
    ['the empty schema', {}, true],
    ['a boolean schema', true, true],
    ['an OpenAPI document', { openapi: '3.0.3', info: {}, paths: {} }, true],
    ['enum of values', { enum: ['a', 'b'] }, true],
    ['a ref', { $ref: 'other.json' }, true],
  ])('%s → %s', (_name, json, expected) => {
    expect(holdsSchema(json)).toBe(expected);
  });
});
