import { diagnosticAt } from '../diagnostics/at-location.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ResolvedGraph } from '../resolve/index.js';
import { dialectName } from '../resolve/keywords.js';
import { vocabularyOf } from '../schema/keywords/index.js';
import { schemaRootsOf, walkSchema } from '../schema/walk.js';

/**
 * Up to draft-07 (and in OpenAPI 3.0) a `$ref` makes every keyword beside it ignored,
 * by the spec and so by the types: `{"$ref": "#/definitions/name", "maxLength": 5}`
 * checks no length. Authors rarely mean that, and nothing else would tell them, so each
 * schema whose constraints are ignored this way gets a warning at its line, naming them,
 * with the way to apply them. Annotations (`description`, `default`…) beside a `$ref`
 * are common and harmless, and are not reported; unknown keywords have a warning of
 * their own. Only the inputs and components documents are checked (what the user wrote).
 */
export function ignoredBesideRefWarnings(graph: ResolvedGraph): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  for (const doc of graph.registry.documents) {
    if (doc.role === 'referenced') continue;
    // Only documents that can hold such a dialect are walked (2019-09 and later: never).
    if (!vocabularyOf(doc.dialect).refOverridesSiblings && !graph.registry.dialectSwitches.has(doc)) continue;
    for (const { pointer, schema, dialect } of schemaRootsOf(doc)) {
      walkSchema(
        schema,
        pointer,
        null,
        (node, at, _context, here) => {
          const vocabulary = vocabularyOf(here);
          if (!vocabulary.refOverridesSiblings || typeof node.$ref !== 'string') return null;
          const ignored = Object.keys(node).filter((key) => {
            const keyword = vocabulary.keyword(key);
            return key !== '$ref' && keyword !== undefined && !vocabulary.annotations.has(key) && !vocabulary.definitions.has(key);
          });
          if (ignored.length === 0) return null;
          warnings.push(
            diagnosticAt(doc, at, {
              severity: 'warning',
              code: 'ignored-beside-ref',
              message: `${ignored.map((k) => `"${k}"`).join(', ')} beside "$ref" ${ignored.length === 1 ? 'is' : 'are'} ignored in ${dialectName(here)}: only the referenced schema applies`,
              hint: `to apply both, put the reference in an allOf: { "allOf": [{ "$ref": ${JSON.stringify(node.$ref)} }], ${ignored.map((k) => `"${k}": …`).join(', ')} }`,
            }),
          );
          return null;
        },
        dialect,
      );
    }
  }
  return warnings;
}
