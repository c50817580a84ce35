import type { TypeExpr } from '../type-expr.js';

/** The six kinds of JSON value (integers are numbers). */
export type JsonKind = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

export const ALL_KINDS: ReadonlySet<JsonKind> = new Set(['string', 'number', 'boolean', 'null', 'array', 'object']);

/** The kinds a referenced named type admits (every kind while it is still being worked out: recursion). */
export type KindsOfRef = (target: string) => ReadonlySet<JsonKind>;

/** Which kinds of JSON value a type admits. */
export function kindsOf(type: TypeExpr, kindsOfRef: KindsOfRef): ReadonlySet<JsonKind> {
  switch (type.kind) {
    case 'keyword':
      if (type.name === 'unknown') return ALL_KINDS;
      if (type.name === 'never' || type.name === 'undefined') return new Set();
      return new Set([type.name]);
    case 'literal':
      return new Set([type.value === null ? 'null' : (typeof type.value as JsonKind)]);
    case 'ref':
      return kindsOfRef(type.target);
    case 'array':
    case 'tuple':
      return new Set(['array']);
    case 'object':
      return new Set(['object']);
    case 'inherited':
      return new Set();
    case 'verbatim':
      return ALL_KINDS; // the schema's own words: any kind, as far as we can tell
    case 'union': {
      const all = new Set<JsonKind>();
      for (const member of type.members) for (const kind of kindsOf(member, kindsOfRef)) all.add(kind);
      return all;
    }
    case 'intersection':
      return type.members.reduce<ReadonlySet<JsonKind>>((common, member) => {
        const kinds = kindsOf(member, kindsOfRef);
        return new Set([...common].filter((k) => kinds.has(k)));
      }, ALL_KINDS);
  }
}

/**
 * A type that says nothing beyond its kind: `string`, `number`, `boolean`, `null`,
 * `unknown[]`, `{ [key: string]: unknown }`. Next to a member of the same kind in an
 * intersection it adds nothing (`string & "a"` is `"a"`).
 */
export function isBareKind(type: TypeExpr): boolean {
  if (type.kind === 'keyword') return ['string', 'number', 'boolean', 'null'].includes(type.name);
  if (type.kind === 'array') return type.items.kind === 'keyword' && type.items.name === 'unknown';
  return type.kind === 'object' && type.properties.length === 0 && type.index?.kind === 'keyword' && type.index.name === 'unknown';
}
