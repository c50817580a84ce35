import { dialectBoundaries } from '../schema/dialect-regions.js';
import { diagnosticAt } from '../diagnostics/at-location.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ResolvedGraph } from '../resolve/index.js';
import { dialectName } from '../resolve/keywords.js';
import { vocabularyOf } from '../schema/keywords/index.js';
import { vocabularyAt } from './schema-facts.js';

/**
 * Up to draft-07 (and in OpenAPI 3.0) a `$ref` makes every keyword beside it ignored,
 * by the spec and so by the types: `{"$ref": "#/definitions/name", "maxLength": 5}`
 * checks no length. Authors rarely mean that, and nothing else would tell them, so each
 * schema whose constraints are ignored this way gets a warning at its line, naming them,
 * with the way to apply them. Annotations (`description`, `default`…) beside a `$ref`
 * are common and harmless, and are not reported; unknown keywords have a warning of
 * their own. Only the inputs and components documents are checked (what the user
 * wrote), at the `$ref`s the registry found: no second walk over every schema.
 */
export function ignoredBesideRefWarnings(graph: ResolvedGraph): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const { registry } = graph;
  for (const { location, schema: node } of registry.refSites) {
    const { doc } = location;
    if (doc.role === 'referenced') continue;
    // Most documents are read in a dialect where the siblings apply: nothing to look up.
    if (!vocabularyOf(doc.dialect).refOverridesSiblings && dialectBoundaries(doc).length === 0) continue;
    const vocabulary = vocabularyAt(location);
    if (!vocabulary.refOverridesSiblings) continue;
    const ignored = Object.keys(node).filter((key) => key !== '$ref' && vocabulary.keyword(key) !== undefined && !vocabulary.annotations.has(key) && !vocabulary.definitions.has(key));
    if (ignored.length === 0) continue;
    warnings.push(
      diagnosticAt(doc, location.pointer, {
        severity: 'warning',
        code: 'ignored-beside-ref',
        message: `${ignored.map((k) => `"${k}"`).join(', ')} beside "$ref" ${ignored.length === 1 ? 'is' : 'are'} ignored in ${dialectName(vocabulary.dialect)}: only the referenced schema applies`,
        hint: `to apply both, put the reference in an allOf: { "allOf": [{ "$ref": ${JSON.stringify(node.$ref)} }], ${ignored.map((k) => `"${k}": …`).join(', ')} }`,
      }),
    );
  }
  return warnings;
}
