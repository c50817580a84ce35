import type { SourceDocument } from '../../load/document.js';
import { isSchemaObject, type SchemaObject } from '../../schema/walk.js';

/**
 * ajv silently skips a `__proto__` property schema (a guard against prototype
 * pollution), so `{"__proto__": 1}` would pass `properties.__proto__: {type: string}`.
 * We give ajv a stand-in name and map it back on the syntax tree of the generated code,
 * where the read becomes an own-property read (steps/own-properties, steps/proto-stand-in).
 *
 * The stand-in must not occur in any string of the run's documents (keys, values, file
 * names, ids): then every occurrence in ajv's output is ours. The first free candidate
 * of `__schema_gen_own_proto__`, `__schema_gen_own_proto_1__`, … is taken.
 */
export function chooseProtoStandIn(documents: readonly SourceDocument[], ids: Iterable<string>): string {
  const strings: string[] = [...ids];
  for (const doc of documents) {
    strings.push(doc.displayPath);
    collectStrings(doc.json, strings);
  }
  const taken = (candidate: string) => strings.some((s) => s.includes(candidate));
  let candidate = '__schema_gen_own_proto__';
  for (let n = 1; taken(candidate); n++) candidate = `__schema_gen_own_proto_${n}__`;
  return candidate;
}

/** Every key and string value of a JSON value (iteratively: nesting depth cannot overflow the stack). */
function collectStrings(json: unknown, into: string[]): void {
  const stack = [json];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') into.push(value);
    else if (Array.isArray(value)) for (const item of value) stack.push(item);
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        into.push(key);
        stack.push(child);
      }
    }
  }
}

/** Keywords whose keys are property names that ajv would skip when they are `__proto__`. */
const PROPERTY_NAME_MAPS = ['properties', 'dependentSchemas', 'dependentRequired', 'dependencies'];

/** Rename the `__proto__` property names of one schema of a prepared (copied) document to the stand-in. */
export function renameProtoProperties(node: SchemaObject, standIn: string): void {
  for (const key of PROPERTY_NAME_MAPS) {
    const map = node[key];
    if (!isSchemaObject(map) || !Object.prototype.hasOwnProperty.call(map, '__proto__')) continue;
    node[key] = Object.fromEntries(Object.entries(map).map(([name, value]) => [name === '__proto__' ? standIn : name, value]));
  }
}
