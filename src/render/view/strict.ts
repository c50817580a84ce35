const targets = new WeakMap<object, object>();

/** The view behind a strict view (what mustache, which reads names that may be absent, needs). */
export function unwrapView<T>(value: T): T {
  return (value !== null && typeof value === 'object' ? (targets.get(value) ?? value) : value) as T;
}

/** An ES-module template read a field the view does not have, or tried to change the view. */
export class ViewAccessError extends Error {}

/**
 * Names code asks any object for without meaning a field (promise checks, JSON, inspection,
 * coercion): answered as a plain object would, never an error.
 */
const PROBES = new Set(['then', 'toJSON', 'constructor', 'toString', 'valueOf', 'toLocaleString', 'inspect', 'asymmetricMatch', '$$typeof', 'nodeType', 'prototype', '__proto__']);

/**
 * The view as an ES-module template sees it: reading a field it does not have throws
 * (naming the path, e.g. `schema.doc.descripton`), where a plain object would give
 * `undefined` and the output would silently lack it; writing throws too, since views
 * are shared between files. Only objects of the view are wrapped; values pass as they are.
 */
export function strictView<T extends object>(view: T, rootName: string): T {
  const proxies = new WeakMap<object, object>();
  const wrap = (value: unknown, path: string): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const known = proxies.get(value);
    if (known) return known;
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        if (typeof key === 'symbol' || key in target) return wrap(Reflect.get(target, key, receiver), typeof key === 'symbol' ? path : Array.isArray(target) ? `${path}[${key}]` : `${path}.${key}`);
        if (PROBES.has(key) || Array.isArray(target)) return undefined;
        const fields = Object.keys(target);
        throw new ViewAccessError(`unknown variable "${path}.${key}"${fields.length > 0 ? ` (${path} has ${fields.join(', ')})` : ''}`);
      },
      set() {
        throw new ViewAccessError(`the view is read-only (${path})`);
      },
      defineProperty() {
        throw new ViewAccessError(`the view is read-only (${path})`);
      },
      deleteProperty() {
        throw new ViewAccessError(`the view is read-only (${path})`);
      },
    });
    proxies.set(value, proxy);
    targets.set(proxy, value);
    return proxy;
  };
  return wrap(view, rootName) as T;
}
