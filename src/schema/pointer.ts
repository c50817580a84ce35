/** JSON pointers (RFC 6901) as used in `$ref` fragments. */

/** Segments of a pointer such as `/a~1b/0`; `undefined` when it is not a pointer. */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer.slice(1).split('/').map(unescapeSegment);
}

/** `a~1b` → `a/b`, `m~0n` → `m~n`. (Most segments hold no `~`: they are returned as they are.) */
export function unescapeSegment(segment: string): string {
  return segment.includes('~') ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment;
}

/** The last token of a pointer, unescaped: `/$defs/a~1b` → `a/b`. */
export function lastSegment(pointer: string): string {
  return unescapeSegment(pointer.slice(pointer.lastIndexOf('/') + 1));
}

/** `a/b` → `a~1b`, `m~n` → `m~0n`. (Walks join a pointer per subschema: most keys need no escape, and get no copy.) */
export function escapeSegment(segment: string): string {
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}

export function joinPointer(base: string, ...segments: (string | number)[]): string {
  let pointer = base;
  for (const segment of segments) pointer += `/${typeof segment === 'number' ? segment : escapeSegment(segment)}`;
  return pointer;
}

/**
 * The value at `segments` inside `root`, or `undefined`. Only own properties are
 * followed, so `__proto__` or `constructor` tokens cannot reach prototypes.
 */
export function getAtPointer(root: unknown, segments: readonly string[]): unknown {
  let node: unknown = root;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
      node = node[Number(segment)];
    } else {
      if (!Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
      node = (node as Record<string, unknown>)[segment];
    }
  }
  return node;
}
