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
    someString(doc.json, (s) => {
      strings.push(s);
      return false;
    });
  }
  const taken = (candidate: string) => strings.some((s) => s.includes(candidate));
  let candidate = FIRST_STAND_IN;
  for (let n = 1; taken(candidate); n++) candidate = `${STAND_IN_PREFIX}${n}__`;
  return candidate;
}

/** What every candidate starts with: where no string of a run holds it, the first candidate is free. */
export const STAND_IN_PREFIX = '__schema_gen_own_proto_';
export const FIRST_STAND_IN = `${STAND_IN_PREFIX}_`;

/** Whether a key or string value of a JSON value holds the prefix of every candidate (see document-facts). */
export function mentionsStandIn(json: unknown): boolean {
  return someString(json, (s) => s.includes(STAND_IN_PREFIX));
}

/** Whether `test` holds for a key or string value of a JSON value (iteratively: nesting depth cannot overflow the stack). */
function someString(json: unknown, test: (s: string) => boolean): boolean {
  const stack = [json];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (test(value)) return true;
    } else if (Array.isArray(value)) for (const item of value) stack.push(item);
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (test(key)) return true;
        stack.push(child);
      }
    }
  }
  return false;
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
