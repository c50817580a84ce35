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

const boundariesOf = new WeakMap<SchemaDocument, DialectBoundary[]>();

/** Every root of a document is read in the document's dialect; only boundaries switch it (a root too, with its own `$schema` and `$id`). */
function boundaries(doc: SchemaDocument): DialectBoundary[] {
  let found = boundariesOf.get(doc);
  if (found) return found;
  found = [];
  // Only a `$schema` below the root can switch the dialect: most documents need no walk.
  if (mayEmbedDialects(doc)) {
    for (const root of schemaRootsOf(doc)) {
      walkSchema<Dialect>(
        root.schema,
        root.pointer,
        root.dialect,
        (_node, pointer, outer, here) => {
          if (here !== outer) found!.push({ pointer, dialect: here, outer });
          return here;
        },
        root.dialect,
      );
    }
  }
  boundariesOf.set(doc, found);
  return found;
}

function mayEmbedDialects(doc: SchemaDocument): boolean {
  const { text, format } = doc as { text?: unknown; format?: unknown };
  // YAML can spell a `$schema` key in ways no text search sees (`"\x24schema"`, `\U`, a
  // line folded inside quotes, an alias of an anchored key): its documents are walked.
  if (typeof text !== 'string' || format !== 'json') return true;
  // In JSON, an escaped key (`"\u0024schema"`) is still `$schema`: such text is walked.
  if (text.includes('\\u')) return true;
  const first = text.indexOf('$schema');
  // One `$schema`, at the root of a plain schema document: it named the document's dialect.
  return first !== -1 && (text.indexOf('$schema', first + 1) !== -1 || schemaRootsOf(doc).some((r) => r.pointer !== ''));
}

/**
 * The boundaries of a document as a walk over all its schemas found them (the registry's,
 * which sees every schema's dialect anyway): the walk here is then not needed. The same
 * walk, so the same list; one already known is kept.
 */
export function rememberDialectBoundaries(doc: SchemaDocument, found: DialectBoundary[]): void {
  if (!boundariesOf.has(doc)) boundariesOf.set(doc, found);
}

/** The embedded resources of a document whose dialect differs from the schema around them, in document order. */
export function dialectBoundaries(doc: SchemaDocument): readonly DialectBoundary[] {
  return boundaries(doc);
}

/**
 * The dialect a schema of a document is read in: that of the innermost boundary that
 * holds it, else the document's own.
 */
export function dialectAt(doc: SchemaDocument, pointer: string): Dialect {
  const byPointer = boundaryIndex(doc);
  if (byPointer.size === 0) return doc.dialect;
  // The pointer and each one above it, innermost first: as deep as the pointer, however many boundaries.
  for (let at = pointer; ; at = at.slice(0, at.lastIndexOf('/'))) {
    const dialect = byPointer.get(at);
    if (dialect !== undefined) return dialect;
    if (at === '') return doc.dialect;
  }
}

const indexes = new WeakMap<SchemaDocument, Map<string, Dialect>>();

function boundaryIndex(doc: SchemaDocument): Map<string, Dialect> {
  let index = indexes.get(doc);
  if (!index) indexes.set(doc, (index = new Map(boundaries(doc).map((b) => [b.pointer, b.dialect]))));
  return index;
}

/** Whether the schema at `pointer` is one of `pointers` or lies inside one (as `contains` says, in as many steps as the pointer is deep). */
export function withinAny(pointers: ReadonlySet<string>, pointer: string): boolean {
  for (let at = pointer; ; at = at.slice(0, at.lastIndexOf('/'))) {
    if (pointers.has(at)) return true;
    if (at === '') return false;
  }
}

/** Whether the schema at `inner` is `outer` or lies inside it. */
export function contains(outer: string, inner: string): boolean {
  return inner === outer || inner.startsWith(`${outer}/`);
}
