// The meta-schema check walks a document's dialect boundaries (embedded resources of
// another dialect) alongside its schemas, both in document order; boundaries in any
// other order are our bug, and the check says so instead of checking the wrong regions.
import { parseDocumentText } from '../../src/load/parse-document.js';
import type { SourceDocument } from '../../src/load/document.js';
import { schemaProblems } from '../../src/resolve/schema-problems.js';
import { rememberDialectBoundaries, type DialectBoundary } from '../../src/schema/dialect-regions.js';
import { documentDialect } from '../../src/schema/walk.js';

// An OpenAPI 3.1 document: each of its component schemas is a root of its own, each with a resource of another dialect.
const TEXT = JSON.stringify({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  components: {
    schemas: {
      A: { type: 'object', properties: { tuple: { $id: 'https://example.com/a.json', $schema: 'http://json-schema.org/draft-07/schema#', items: [{ type: 'string' }] } } },
      B: { type: 'object', properties: { old: { $id: 'https://example.com/b.json', $schema: 'http://json-schema.org/draft-04/schema#', exclusiveMinimum: true, minimum: 1 } } },
    },
  },
});

function documentOf(text: string): SourceDocument {
  const parsed = parseDocumentText(text, 'json', 'schema.json');
  if (!parsed.ok) throw new Error(parsed.diagnostic.message);
  return {
    absolutePath: '/project/schema.json',
    displayPath: 'schema.json',
    format: 'json',
    text,
    json: parsed.json,
    role: 'components',
    dialect: documentDialect(parsed.json, 'components', '2020-12'),
  };
}

const inOrder: DialectBoundary[] = [
  { pointer: '/components/schemas/A/properties/tuple', dialect: 'draft-07', outer: '2020-12' },
  { pointer: '/components/schemas/B/properties/old', dialect: 'draft-04', outer: '2020-12' },
];

describe('the meta-schema check and dialect boundaries', () => {
  it('boundaries in document order: each embedded resource is read in its own dialect (a draft-07 tuple is no 2020-12 mistake)', () => {
    const doc = documentOf(TEXT);
    rememberDialectBoundaries(doc, inOrder);
    expect(schemaProblems(doc)).toEqual([]);
    // Without them, both resources are read as 2020-12: the tuple and the boolean exclusiveMinimum are mistakes there.
    const unaware = documentOf(TEXT);
    rememberDialectBoundaries(unaware, []);
    expect(schemaProblems(unaware).map((p) => `${p.code} ${p.pointer}`)).toEqual([
      'invalid-schema /components/schemas/A/properties/tuple/items',
      'invalid-schema /components/schemas/B/properties/old/exclusiveMinimum',
    ]);
  });

  it('boundaries out of document order are our bug: the check fails loudly', () => {
    const doc = documentOf(TEXT);
    rememberDialectBoundaries(doc, [...inOrder].reverse());
    // B's resource first: A's root finds none of its own, and B's is never reached in order.
    expect(() => schemaProblems(doc)).toThrow('the dialect boundaries of schema.json are not in the order of its schemas');
  });
});
