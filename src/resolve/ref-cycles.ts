import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locatePointer } from '../diagnostics/position.js';
import type { Dialect } from '../schema/dialect.js';
import { getAtPointer, joinPointer, parsePointer } from '../schema/pointer.js';
import { isSchemaObject, subschemasOf } from '../schema/walk.js';
import type { ResolvedRef } from './resolve-ref.js';
import { locationKey as keyOf, type SchemaLocation } from './registry.js';

/**
 * A `$ref` that leads back to the schema holding it without descending into the data
 * (`$defs/a → $defs/b → $defs/a`, `{"$ref": "#"}`) applies itself to the same value
 * forever: validators overflow the stack on every call and the types are circular.
 * Each such cycle is an error at the first `$ref` on it, naming the whole cycle.
 */
export function refCycleErrors(refs: ReadonlyMap<string, ResolvedRef>, dialectOf: (location: SchemaLocation) => Dialect = (l) => l.doc.dialect): Diagnostic[] {
  const state = new Map<string, 'open' | 'done'>();
  const errors: Diagnostic[] = [];
  const reported = new Set<string>();
  // `refs` is keyed by the location of the schema holding each `$ref`: sorted keys give a stable order.
  for (const key of [...refs.keys()].sort()) {
    const cycle = findCycle(refs.get(key)!.site.location, refs, state, dialectOf);
    if (!cycle) continue;
    const members = cycle.map((step) => keyOf(step.from));
    const id = [...members].sort().join('\n');
    if (reported.has(id)) continue;
    reported.add(id);
    errors.push(cycleError(cycle));
  }
  return errors;
}

interface Step {
  from: SchemaLocation;
  to: SchemaLocation;
  /** The `$ref` that makes this step, when it is one (else a keyword such as `allOf/0`). */
  viaRef?: ResolvedRef;
}

/** Depth-first, without recursion (schemas may nest deeply): the first cycle reachable from `start`. */
function findCycle(start: SchemaLocation, refs: ReadonlyMap<string, ResolvedRef>, state: Map<string, 'open' | 'done'>, dialectOf: (location: SchemaLocation) => Dialect): Step[] | undefined {
  const inPlaceSteps = (from: SchemaLocation) => stepsInPlace(from, refs, dialectOf(from));
  if (state.get(keyOf(start)) === 'done') return undefined;
  const path: Step[] = [];
  const stack: { location: SchemaLocation; next: Step[] }[] = [{ location: start, next: inPlaceSteps(start) }];
  state.set(keyOf(start), 'open');
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const step = top.next.shift();
    if (!step) {
      state.set(keyOf(top.location), 'done');
      stack.pop();
      path.pop();
      continue;
    }
    const key = keyOf(step.to);
    const seen = state.get(key);
    if (seen === 'done') continue;
    if (seen === 'open') {
      const entered = path.findIndex((s) => keyOf(s.to) === key);
      // One error per tangle is enough: what this search touched is not searched again.
      for (const frame of stack) state.set(keyOf(frame.location), 'done');
      return [...path.slice(entered + 1), step];
    }
    state.set(key, 'open');
    path.push(step);
    stack.push({ location: step.to, next: inPlaceSteps(step.to) });
  }
  return undefined;
}

/**
 * Where a schema leads without moving into the data: its `$ref`, and the subschemas of
 * its dialect's in-place keywords (`allOf`, `not`, `then`, `dependentSchemas`…). Up to
 * draft-07 the keywords beside a `$ref` are ignored by the spec, but still followed
 * here: ajv applies them unless told not to, and a validator that did would loop.
 */
function stepsInPlace(from: SchemaLocation, refs: ReadonlyMap<string, ResolvedRef>, dialect: Dialect): Step[] {
  const schema = getAtPointer(from.doc.json, parsePointer(from.pointer)!);
  if (!isSchemaObject(schema)) return [];
  const steps: Step[] = [];
  const ref = refs.get(keyOf(from));
  if (ref) steps.push({ from, to: ref.target, viaRef: ref });
  for (const [sub, pointer] of subschemasOf(schema, from.pointer, dialect, (k) => k.appliesTo === 'in-place')) {
    if (isSchemaObject(sub)) steps.push({ from, to: { doc: from.doc, pointer } });
  }
  return steps;
}

function cycleError(cycle: Step[]): Diagnostic {
  const at = cycle.find((step) => step.viaRef)!.viaRef!;
  const { doc, pointer } = at.site.location;
  const refPointer = joinPointer(pointer, '$ref');
  const shown = (l: SchemaLocation) => (l.doc === doc ? `#${l.pointer}` : `${l.doc.displayPath}#${l.pointer}`);
  const path = [...cycle.map((s) => shown(s.from)), shown(cycle[cycle.length - 1]!.to)].join(' → ');
  return {
    severity: 'error',
    code: 'ref-cycle',
    message: `"${at.site.ref}" leads back to itself without descending into the data (${path}): a validator would apply it to the same value forever`,
    file: doc.displayPath,
    pointer: refPointer,
    ...locatePointer(doc.text, doc.format, refPointer),
    hint: 'a recursive schema must reach itself through properties, items or another keyword that moves into the data',
  };
}
