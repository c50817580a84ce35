import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locatePointer } from '../diagnostics/position.js';
import type { Dialect } from '../schema/dialect.js';
import { getAtPointer, joinPointer, parsePointer } from '../schema/pointer.js';
import { isSchemaObject, subschemasOf } from '../schema/walk.js';
import { vocabularyOf } from '../schema/keywords/index.js';
import type { ResolvedRef } from './resolve-ref.js';
import { locationKey as keyOf, type SchemaLocation } from './registry.js';

/**
 * A `$ref` that leads back to the schema holding it without descending into the data
 * (`$defs/a → $defs/b → $defs/a`, `{"$ref": "#"}`) applies itself to the same value
 * forever: validators overflow the stack on every call and the types are circular.
 * Each such cycle is an error at the first `$ref` on it, naming the whole cycle.
 */
export function refCycleErrors(refs: ReadonlyMap<string, ResolvedRef>, dialectOf: (location: SchemaLocation) => Dialect = (l) => l.doc.dialect): Diagnostic[] {
  const state = new SearchState();
  const errors: Diagnostic[] = [];
  const reported = new Set<string>();
  // `refs` is keyed by the location of the schema holding each `$ref`: sorted keys give a stable order.
  for (const key of [...refs.keys()].sort()) {
    const { site } = refs.get(key)!;
    const cycle = findCycle({ location: site.location, node: site.schema }, refs, state, dialectOf);
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
  /** The schema at `to`, when the step found it on the way (a subschema); a ref's target is looked up by pointer. */
  toNode?: unknown;
  /** The `$ref` that makes this step, when it is one (else a keyword such as `allOf/0`). */
  viaRef?: ResolvedRef;
}

/** Where the search has been, by document, then pointer (no key strings built per step). */
class SearchState {
  private readonly byDoc = new Map<SchemaLocation['doc'], Map<string, 'open' | 'done'>>();

  get(location: SchemaLocation): 'open' | 'done' | undefined {
    return this.byDoc.get(location.doc)?.get(location.pointer);
  }

  set(location: SchemaLocation, value: 'open' | 'done'): void {
    let pointers = this.byDoc.get(location.doc);
    if (!pointers) this.byDoc.set(location.doc, (pointers = new Map()));
    pointers.set(location.pointer, value);
  }
}

/** A schema the search stands on: its place, and the schema itself when already known. */
interface Place {
  location: SchemaLocation;
  node?: unknown;
}

/** Depth-first, without recursion (schemas may nest deeply): the first cycle reachable from `start`. */
function findCycle(start: Place, refs: ReadonlyMap<string, ResolvedRef>, state: SearchState, dialectOf: (location: SchemaLocation) => Dialect): Step[] | undefined {
  const inPlaceSteps = (from: Place) => stepsInPlace(from, refs, dialectOf(from.location));
  if (state.get(start.location) === 'done') return undefined;
  const path: Step[] = [];
  const stack: { location: SchemaLocation; next: Step[] }[] = [{ location: start.location, next: inPlaceSteps(start) }];
  state.set(start.location, 'open');
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const step = top.next.shift();
    if (!step) {
      state.set(top.location, 'done');
      stack.pop();
      path.pop();
      continue;
    }
    const seen = state.get(step.to);
    if (seen === 'done') continue;
    if (seen === 'open') {
      const entered = path.findIndex((s) => s.to.doc === step.to.doc && s.to.pointer === step.to.pointer);
      // One error per tangle is enough: what this search touched is not searched again.
      for (const frame of stack) state.set(frame.location, 'done');
      return [...path.slice(entered + 1), step];
    }
    state.set(step.to, 'open');
    path.push(step);
    stack.push({ location: step.to, next: inPlaceSteps({ location: step.to, node: step.toNode }) });
  }
  return undefined;
}

/**
 * Where a schema leads without moving into the data: its `$ref`, and the subschemas of
 * its dialect's in-place keywords (`allOf`, `not`, `then`, `dependentSchemas`…). Up to
 * draft-07 the keywords beside a `$ref` are ignored by the spec, but still followed
 * here: ajv applies them unless told not to, and a validator that did would loop.
 */
function stepsInPlace({ location: from, node }: Place, refs: ReadonlyMap<string, ResolvedRef>, dialect: Dialect): Step[] {
  const schema = node !== undefined ? node : getAtPointer(from.doc.json, parsePointer(from.pointer)!);
  if (!isSchemaObject(schema)) return [];
  const steps: Step[] = [];
  if (typeof schema.$ref === 'string') {
    const ref = refs.get(keyOf(from));
    if (ref) steps.push({ from, to: ref.target, viaRef: ref });
  }
  // Most schemas hold no in-place keyword (a ref site is mostly `$ref` alone): their keys say so without a walk.
  const applicators = vocabularyOf(dialect).inPlaceSubschemas;
  let any = false;
  for (const key in schema) if (applicators.has(key)) any = true;
  if (!any) return steps;
  for (const [sub, pointer] of subschemasOf(schema, from.pointer, dialect, (k) => k.appliesTo === 'in-place')) {
    if (isSchemaObject(sub)) steps.push({ from, to: { doc: from.doc, pointer }, toNode: sub });
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
