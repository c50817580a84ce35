import { distance } from 'fastest-levenshtein';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locatePointer } from '../diagnostics/position.js';
import type { SourceDocument } from '../load/document.js';
import { joinPointer } from '../schema/pointer.js';
import { schemaRootsOf, walkSchema } from '../schema/walk.js';

/** Draft 2020-12 keywords, the older ones ajv still reads, and OpenAPI 3.0's. */
const KNOWN_KEYWORDS = new Set([
  '$schema', '$id', '$ref', '$anchor', '$dynamicRef', '$dynamicAnchor', '$vocabulary', '$comment', '$defs',
  'type', 'enum', 'const', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum',
  'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'maxContains', 'minContains',
  'maxProperties', 'minProperties', 'required', 'dependentRequired', 'allOf', 'anyOf', 'oneOf', 'not', 'if',
  'then', 'else', 'dependentSchemas', 'prefixItems', 'items', 'contains', 'properties', 'patternProperties',
  'additionalProperties', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'format',
  'contentEncoding', 'contentMediaType', 'contentSchema', 'title', 'description', 'default', 'deprecated',
  'readOnly', 'writeOnly', 'examples',
  'definitions', 'dependencies', 'additionalItems', '$recursiveRef', '$recursiveAnchor',
  'nullable', 'discriminator', 'xml', 'externalDocs', 'example',
]);

/**
 * A keyword no vocabulary defines is ignored by validators and types alike, so a typo
 * (`minLenght`) silently drops a constraint: warn, with the keyword it most resembles.
 * `x-*` extensions are intended and pass.
 */
export function unknownKeywordWarnings(doc: SourceDocument): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  for (const { pointer, schema } of schemaRootsOf(doc.json, doc.role === 'components')) {
    walkSchema(schema, pointer, null, (node, at) => {
      for (const key of Object.keys(node)) {
        if (KNOWN_KEYWORDS.has(key) || key.startsWith('x-')) continue;
        const nearest = [...KNOWN_KEYWORDS].map((k) => [k, distance(k.toLowerCase(), key.toLowerCase())] as const).sort((a, b) => a[1] - b[1])[0]!;
        const keyPointer = joinPointer(at, key);
        warnings.push({
          severity: 'warning',
          code: 'unknown-keyword',
          message: `unknown keyword "${key}" is ignored`,
          file: doc.displayPath,
          pointer: keyPointer,
          ...locatePointer(doc.text, doc.format, keyPointer),
          ...(nearest[1] <= 2 ? { hint: `did you mean "${nearest[0]}"?` } : { hint: 'prefix extensions with x- to say they are intended' }),
        });
      }
      return null;
    });
  }
  return warnings;
}
