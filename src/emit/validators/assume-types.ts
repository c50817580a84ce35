import { impliedKinds } from '../../model/schema-facts.js';
import type { SchemaObject } from '../../schema/walk.js';

/**
 * `assumeTypes`: a schema whose keywords imply a kind (`properties` without `type`)
 * checks that kind too (called on each schema of ajv's copy), so the validator accepts exactly what the type (which then
 * describes only that kind) says. Applied to ajv's copy of the schemas, never the input.
 */
export function addImpliedType(node: SchemaObject): void {
  if (node.type !== undefined || 'const' in node || 'enum' in node) return;
  const kinds = impliedKinds(node);
  if (kinds.length > 0) node.type = kinds.length === 1 ? kinds[0] : kinds;
}
