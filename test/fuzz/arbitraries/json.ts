import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * An object with exactly these own properties, `__proto__` included: assignment or a
 * literal would set the prototype instead, and JSON.parse (what users' data goes
 * through) makes it an own property.
 */
export function objectOf<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const object: Record<string, T> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

/** A deep copy through JSON, made in this realm (see test/conformance/suite.ts runTests). */
export function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Numbers JSON can carry, with the edges validators get wrong. */
export const jsonNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -3, max: 12 }),
  fc.constantFrom(0.5, -0.5, 1.5, 1e21, -1e21, 2 ** 53, 2 ** 31, 1e-7, 0.1, 0.30000000000000004),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((n) => (Object.is(n, -0) ? 0 : n)),
);

/** JSON values whose strings and keys come from the arbitraries given. */
export function jsonValue(strings: fc.Arbitrary<string>, keys: fc.Arbitrary<string>, maxDepth = 3): fc.Arbitrary<Json> {
  const { value } = fc.letrec<{ value: Json }>((tie) => ({
    value: fc.oneof(
      { maxDepth, depthIdentifier: 'json' },
      fc.constant(null),
      fc.boolean(),
      jsonNumber,
      strings,
      fc.array(tie('value'), { maxLength: 3 }),
      fc.uniqueArray(fc.tuple(keys, tie('value')), { maxLength: 3, selector: ([k]) => k }).map((entries) => objectOf(entries)),
    ),
  }));
  return value;
}

/**
 * JSON text with every character outside printable ASCII escaped: a counterexample
 * holding ESC, DEL, U+2028 or a lone surrogate prints (and pastes) exactly.
 */
export function pasteableJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
