import type { Described, DescribeScope } from './description.js';

/** An ES-module template read a field the view does not have, or tried to change the view. */
export class ViewAccessError extends Error {}

/**
 * Names code asks any object for without meaning a field (promise checks, JSON, inspection,
 * coercion): answered as a plain object would, never an error.
 */
const PROBES = new Set(['then', 'toJSON', 'constructor', 'toString', 'valueOf', 'toLocaleString', 'inspect', 'asymmetricMatch', '$$typeof', 'nodeType', 'prototype', '__proto__']);

const targets = new WeakMap<object, object>();

/** The view behind a strict view (what mustache, which reads names that may be absent, needs). */
export function unwrapView<T>(value: T): T {
  return (value !== null && typeof value === 'object' ? (targets.get(value) ?? value) : value) as T;
}

/**
 * The view as an ES-module template sees it: reading a field the view's description does
 * not have throws, naming the path (`view.schema.doc.descripton`), where a plain object
 * would give `undefined` and the output would silently lack it; a field the description
 * has but this value leaves out (an optional constraint) reads as `undefined`. Writing
 * throws too, since views are shared between files.
 */
export function strictView<T extends object>(view: T, rootName: string, description: Described, scope: DescribeScope): T {
  const proxies = new WeakMap<object, object>();
  const wrap = (value: unknown, path: string, described: Described | undefined): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const known = proxies.get(value);
    if (known) return known;
    const proxy = new Proxy(value, {
      get(target, key, receiver) {
        if (typeof key === 'symbol') return Reflect.get(target, key, receiver);
        const isList = Array.isArray(target);
        if (key in target) {
          const item = isList ? (/^\d+$/.test(key) ? described?.list : undefined) : described?.field(key, scope)?.value;
          return wrap(Reflect.get(target, key, receiver), isList ? `${path}[${key}]` : `${path}.${key}`, item);
        }
        if (isList || PROBES.has(key) || described?.field(key, scope)) return undefined;
        const fields = described ? described.fieldNames(scope) : Object.keys(target);
        const validatorsOnly = !scope.validators && (key === 'validator' || key === 'runtimeHelpers') ? ' (only entries with "validators": true have it)' : '';
        throw new ViewAccessError(`unknown variable "${path}.${key}"${validatorsOnly || (fields.length > 0 ? ` (${path} has ${fields.join(', ')})` : '')}`);
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
  return wrap(view, rootName, description) as T;
}
