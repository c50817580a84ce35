import type { Dialect } from './dialect.js';
import { schemaRootsOf, walkSchema, type SchemaDocument } from './walk.js';

/**
 * A schema where the dialect changes: an embedded resource (`$id` with a `$schema` of
 * its own) read in another dialect than the schema around it.
 */
export interface DialectBoundary {
  pointer: string;
  dialect: Dialect;
  /** The dialect of the schema around it. */
  outer: Dialect;
}

interface Regions {
  /** Each schema root with its dialect, then every boundary, in document order. */
  starts: { pointer: string; dialect: Dialect }[];
  boundaries: DialectBoundary[];
}

const regionsOf = new WeakMap<SchemaDocument, Regions>();

function regions(doc: SchemaDocument): Regions {
  let found = regionsOf.get(doc);
  if (found) return found;
  const roots = schemaRootsOf(doc);
  found = { starts: roots.map(({ pointer, dialect }) => ({ pointer, dialect })), boundaries: [] };
  // Only a `$schema` below the root can switch the dialect: most documents need no walk.
  if (mayEmbedDialects(doc)) {
    for (const root of roots) {
      walkSchema<Dialect>(
        root.schema,
        root.pointer,
        root.dialect,
        (_node, pointer, outer, here) => {
          if (here !== outer) found!.boundaries.push({ pointer, dialect: here, outer });
          return here;
        },
        root.dialect,
      );
    }
  }
  regionsOf.set(doc, found);
  return found;
}

function mayEmbedDialects(doc: SchemaDocument): boolean {
  const text = (doc as { text?: unknown }).text;
  // An escaped key (`"\u0024schema"`) is still `$schema`: such text is walked.
  if (typeof text !== 'string' || text.includes('\\u')) return true;
  const first = text.indexOf('$schema');
  // One `$schema`, at the root of a plain schema document: it named the document's dialect.
  return first !== -1 && (text.indexOf('$schema', first + 1) !== -1 || schemaRootsOf(doc).some((r) => r.pointer !== ''));
}

/** The embedded resources of a document whose dialect differs from the schema around them. */
export function dialectBoundaries(doc: SchemaDocument): readonly DialectBoundary[] {
  return regions(doc).boundaries;
}

/**
 * The dialect a schema of a document is read in: that of the innermost root or
 * boundary that holds it (the document's own, unless an embedded resource switched it).
 */
export function dialectAt(doc: SchemaDocument, pointer: string): Dialect {
  const { starts, boundaries } = regions(doc);
  let best: { pointer: string; dialect: Dialect } | undefined;
  for (const start of [...starts, ...boundaries]) {
    if (!contains(start.pointer, pointer)) continue;
    if (!best || start.pointer.length >= best.pointer.length) best = start;
  }
  return best?.dialect ?? doc.dialect;
}

/** Whether the schema at `inner` is `outer` or lies inside it. */
export function contains(outer: string, inner: string): boolean {
  return inner === outer || inner.startsWith(`${outer}/`);
}
