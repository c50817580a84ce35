import type { AnySchemaObject } from 'ajv';
import { impliedKinds } from '../../model/schema-facts.js';
import { walkSchema } from '../../schema/walk.js';

/**
 * `assumeTypes`: a schema whose keywords imply a kind (`properties` without `type`)
 * checks that kind too, so the validator accepts exactly what the type (which then
 * describes only that kind) says. Applied to ajv's copy of the schemas, never the input.
 */
export function addImpliedTypes(copy: AnySchemaObject): void {
  walkSchema(copy, '', null, (node) => {
    if (node.type !== undefined || 'const' in node || 'enum' in node) return null;
    const kinds = impliedKinds(node);
    if (kinds.length > 0) node.type = kinds.length === 1 ? kinds[0] : kinds;
    return null;
  });
}
