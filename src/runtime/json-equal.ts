/**
 * Deep equality of JSON values, for `const`, `enum` and `uniqueItems` in generated
 * validators (bundled into `runtime/equal.js`). ajv's own helper (fast-deep-equal)
 * calls a value's `valueOf`/`toString` when they are not Object's, so data such as
 * `{"valueOf": {}}` made a validator throw; JSON data has no methods to call. Numbers
 * compare by value (`1` and `1.0` are one JSON number), objects by their own keys,
 * whatever their order.
 */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
