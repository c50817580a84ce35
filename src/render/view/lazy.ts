/** A field of a view computed on first read (and then kept): most templates read a small part of the view. */
export class Lazy<V> {
  constructor(readonly compute: () => V) {}
}

export function lazy<V>(compute: () => V): Lazy<V> {
  return new Lazy(compute);
}

export type LazyFields<T> = { [K in keyof T]: T[K] | Lazy<T[K]> };

/**
 * A view object whose `Lazy` fields are enumerable getters that compute once and then
 * become plain read-only values: mustache (which tests fields with `in`), JSON.stringify
 * and object spread all see every field, in the order given. Configurable, so that the
 * proxy ES-module templates see (`strictView`) may hand out wrapped values.
 */
export function lazyView<T extends object>(fields: LazyFields<T>): T {
  return trackedView(fields, () => undefined, undefined);
}

/** The reads of views that one file's render makes, by dependency (see `render/trace/`). */
export class ReadTracer {
  /** The dependencies of the file being rendered; undefined between files. */
  current: Set<string> | undefined = undefined;
}

/**
 * `lazyView`, where fields with a dependency (`depOf`) stay getters that tell `tracer`
 * they were read before answering, each time (the view is shared by many files): what a
 * file read is what its text can depend on. `Lazy` fields are computed once either way.
 */
export function trackedView<T extends object>(fields: LazyFields<T>, depOf: (key: keyof T & string) => string | undefined, tracer: ReadTracer | undefined): T {
  const view = {} as T;
  for (const key of Object.keys(fields) as (keyof T & string)[]) {
    const field = fields[key];
    const dep = tracer && depOf(key);
    if (dep !== undefined) {
      let value: unknown = field instanceof Lazy ? undefined : field;
      let computed = !(field instanceof Lazy);
      Object.defineProperty(view, key, {
        enumerable: true,
        configurable: true,
        get() {
          tracer!.current?.add(dep);
          if (!computed) {
            value = (field as Lazy<unknown>).compute();
            computed = true;
          }
          return value;
        },
      });
    } else if (!(field instanceof Lazy)) {
      // A plain field (cheaper than a defined property: views are made by the thousand).
      view[key] = field as T[typeof key];
    } else {
      Object.defineProperty(view, key, {
        enumerable: true,
        configurable: true,
        get() {
          const computed = field.compute();
          Object.defineProperty(view, key, { value: computed, enumerable: true, configurable: true });
          return computed;
        },
      });
    }
  }
  return view;
}
