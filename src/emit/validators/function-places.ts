import type { AnyAjv } from '../../ajv/modules.js';
import { joinPointer } from '../../schema/pointer.js';
import { UnexpectedAjvOutput } from './transform/unexpected-output.js';

const NAME = 'function-places';

/** What ajv keeps of one compiled function in its scope (ajv is pinned: see ajv/versions.ts). */
interface ScopeFunction {
  str?: unknown;
  value?: { ref?: { schemaEnv?: { schema?: unknown; root?: { schema?: unknown; baseId?: unknown } } } };
}

/**
 * Where an ajv instance compiled each of its functions (`validate21`) from, as
 * `<display path>#<pointer>` of the user's document: a `#…` error schema path ajv writes
 * inside a function is relative to that schema (see steps/schema-paths.ts). Read from
 * ajv's scope, whose shape is ajv's own: a shape we do not know fails loudly. Functions
 * of documents we did not give ajv (its meta-schemas, our ref stubs) have no place.
 */
export class FunctionPlaces {
  private readonly places = new Map<string, string>();
  private readonly seen = new Set<string>();
  /** Per document copy given to ajv: where each object in it is (made on first need). */
  private readonly pointers = new WeakMap<object, Map<unknown, string>>();

  constructor(
    private readonly ajv: AnyAjv,
    private readonly displayPathOfId: ReadonlyMap<string, string>,
  ) {}

  /**
   * The places of every function the instance has compiled so far (the map grows; each
   * is worked out once). Asked after each module is compiled, so it walks only the
   * functions added since the last call: ajv's scope is a Map, whose iterator, never run
   * to its end, goes on to the entries added later. (Walking the whole scope each time
   * was quadratic: 6,000 types of one document took 11 s here.)
   */
  current(): ReadonlyMap<string, string> {
    // Asked once ajv has compiled at least one function: none at all is a shape we do not know either.
    const values = (this.ajv as unknown as { scope?: { _values?: Record<string, unknown> } }).scope?._values?.validate;
    if (!(values instanceof Map)) throw new UnexpectedAjvOutput(NAME, "ajv's scope keeps its functions in a shape we do not know");
    const functions = values as Map<unknown, ScopeFunction>;
    // ajv's scope only ever grows (pinned ajv: codegen/scope.js removes nothing). Another
    // map, or one with fewer entries than were walked, is walked from the start (`seen`
    // skips what is known).
    if (this.walk?.map !== functions || functions.size < this.walk.count) this.walk = { map: functions, entries: functions.values(), count: 0 };
    const walk = this.walk;
    while (walk.count < functions.size) {
      const next = walk.entries.next();
      if (next.done) throw new UnexpectedAjvOutput(NAME, "ajv's scope changed while its functions were read");
      walk.count++;
      this.take(next.value);
    }
    return this.places;
  }

  private walk: { map: Map<unknown, ScopeFunction>; entries: Iterator<ScopeFunction>; count: number } | undefined;

  private take(fn: ScopeFunction): void {
    const name = fn.str;
    const env = fn.value?.ref?.schemaEnv;
    if (typeof name !== 'string' || !env?.root) throw new UnexpectedAjvOutput(NAME, "a function in ajv's scope without its name or schema");
    if (this.seen.has(name)) return;
    this.seen.add(name);
    const displayPath = typeof env.root.baseId === 'string' ? this.displayPathOfId.get(env.root.baseId) : undefined;
    const pointer = displayPath === undefined ? undefined : this.pointerOf(env.root.schema, env.schema);
    if (pointer !== undefined) this.places.set(name, `${displayPath}#${pointer}`);
  }

  private pointerOf(root: unknown, schema: unknown): string | undefined {
    if (schema === root) return '';
    if (root === null || typeof root !== 'object' || schema === null || typeof schema !== 'object') return undefined;
    let index = this.pointers.get(root);
    if (!index) this.pointers.set(root, (index = indexObjects(root)));
    return index.get(schema);
  }
}

/** Every object and array of a document by its pointer (the first, where one is reached twice); iterative, any depth. */
function indexObjects(root: object): Map<unknown, string> {
  const index = new Map<unknown, string>();
  const pending: [object, string][] = [[root, '']];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, pointer] = next;
    if (index.has(value)) continue;
    index.set(value, pointer);
    for (const [key, child] of Object.entries(value)) {
      if (child !== null && typeof child === 'object') pending.push([child as object, joinPointer(pointer, key)]);
    }
  }
  return index;
}
