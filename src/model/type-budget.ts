import { diagnosticAt } from '../diagnostics/at-location.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SchemaLocation } from '../resolve/index.js';
import type { TypeExpr } from './type-expr.js';
import { typeSize } from './type-size.js';

/**
 * The most type nodes (keywords, literals, names, properties, members) one declaration
 * may print: about 1,000 times the largest declaration of the Cognito corpus (110),
 * and TypeScript's own limit on the members of one union. Shared subschemas are
 * named, so output grows with the input; a type that would still be larger is refused
 * with a diagnostic, instead of minutes of work and megabytes of types.
 */
export const MAX_TYPE_NODES = 100_000;

export function checkTypeBudget(body: TypeExpr, location: SchemaLocation, limit = MAX_TYPE_NODES): Diagnostic | undefined {
  const size = typeSize(body);
  if (size <= limit) return undefined;
  return diagnosticAt(location.doc, location.pointer, {
    severity: 'error',
    code: 'type-too-large',
    message: `the type of this schema would have ${Number.isFinite(size) ? size.toLocaleString('en-US') : 'too many'} parts, more than the limit of ${limit.toLocaleString('en-US')} per declaration`,
    hint: 'split it into named schemas ($defs) that refer to each other; if the schema is not that large, please report it',
  });
}
