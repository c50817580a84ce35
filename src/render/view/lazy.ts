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
  const view = {} as T;
  for (const key of Object.keys(fields) as (keyof T & string)[]) {
    const value = fields[key];
    if (!(value instanceof Lazy)) {
      // A plain field (cheaper than a defined property: views are made by the thousand).
      view[key] = value as T[typeof key];
      continue;
    }
    Object.defineProperty(view, key, {
      enumerable: true,
      configurable: true,
      get() {
        const computed = value.compute();
        Object.defineProperty(view, key, { value: computed, enumerable: true, configurable: true });
        return computed;
      },
    });
  }
  return view;
}
