import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locatePointer } from '../diagnostics/position.js';
import type { ErrorObject } from 'ajv';
import { metaValidatorFor } from '../ajv/meta-validators.js';
import { baseDraft, dialectOfMetaSchema, META_SCHEMA_URIS, type Dialect, type Draft } from '../schema/dialect.js';
import { dialectName } from './keywords.js';
import { cleanDocumentKey, type CleanDocumentMemo } from './clean-documents.js';
import type { SourceDocument } from '../load/document.js';
import { mayHoldKeyWith } from '../load/key-search.js';
import { getAtPointer, joinPointer, lastSegment, parsePointer } from '../schema/pointer.js';
import { contains, dialectAt, dialectBoundaries, type DialectBoundary } from '../schema/dialect-regions.js';
import { reservedKeyProblems } from './reserved-keys.js';
import { isSchemaObject, schemaRootsOf, walkSchema } from '../schema/walk.js';
import { validOnlyWithoutUnicode, type UnicodePatterns } from '../schema/patterns.js';

/**
 * Every schema of a document checked against its dialect's meta-schema, and every
 * pattern compiled as ajv will (Unicode): each mistake at its place in the file, for
 * types-only runs too, before anything downstream trips over it. A `$schema` naming no
 * dialect we know is a warning: the document is then read in the default dialect.
 * With a memo, a document an earlier run found clean (same key) is not checked again.
 */
export function schemaProblems(doc: SourceDocument, unicodePatterns: UnicodePatterns = 'fallback', memo?: CleanDocumentMemo): Diagnostic[] {
  let byMode = checked.get(doc);
  if (!byMode) checked.set(doc, (byMode = new Map()));
  let problems = byMode.get(unicodePatterns);
  if (!problems) byMode.set(unicodePatterns, (problems = memo ? problemsWithMemo(doc, unicodePatterns, memo) : findSchemaProblems(doc, unicodePatterns)));
  return problems;
}

/** Resolution runs again when refs load more documents; each document is checked once. */
const checked = new WeakMap<SourceDocument, Map<UnicodePatterns, Diagnostic[]>>();

function problemsWithMemo(doc: SourceDocument, unicodePatterns: UnicodePatterns, memo: CleanDocumentMemo): Diagnostic[] {
  const key = cleanDocumentKey(doc, unicodePatterns);
  if (memo.isClean(key)) return [];
  const problems = findSchemaProblems(doc, unicodePatterns);
  if (problems.length === 0) memo.markClean(key);
  return problems;
}

let documentsChecked = 0;

/** How many documents this process has checked (not answered from a memo): what tests of the memo observe. */
export function documentsCheckedSoFar(): number {
  return documentsChecked;
}

function findSchemaProblems(doc: SourceDocument, unicodePatterns: UnicodePatterns): Diagnostic[] {
  documentsChecked++;
  const problems: Diagnostic[] = [...reservedKeyProblems(doc), ...unknownDialect(doc)];
  const boundaries = dialectBoundaries(doc);
  // Most documents have no pattern: no walk for them. (Asked once: a document may have hundreds of roots.)
  const mayHavePatterns = mayHoldKeyWith(doc, 'pattern');
  let next = 0;
  for (const { pointer, schema, dialect } of schemaRootsOf(doc)) {
    // Boundaries come in document order: a root's are the next ones (its own first, if it is one).
    const start = next;
    while (next < boundaries.length && contains(pointer, boundaries[next]!.pointer)) next++;
    const inside = boundaries.slice(boundaries[start]?.pointer === pointer ? start + 1 : start, next);
    const found = regionErrors(pointer, schema, dialectAt(doc, pointer), inside);
    if (found.length > 0) for (const region of found) problems.push(...metaSchemaErrors(doc, region.pointer, region.errors));
    else if (mayHavePatterns) problems.push(...patternProblems(doc, pointer, schema, dialect, unicodePatterns));
  }
  if (next !== boundaries.length) throw new Error(`schema-gen: the dialect boundaries of ${doc.displayPath} are not in the order of its schemas`);
  return problems;
}

/**
 * A schema checked against its dialect's meta-schema, and each resource of another
 * dialect embedded in it (`$id` with a `$schema` of its own) against its own: the schema
 * around a resource sees `{}` in its place, so a draft-07 tuple inside a 2020-12 document
 * is not a 2020-12 mistake. `inside`: the boundaries below `pointer`, in document order
 * (those inside a resource follow it), so each is looked at once per resource around it.
 */
function regionErrors(pointer: string, schema: unknown, dialect: Dialect, inside: readonly DialectBoundary[]): { pointer: string; errors: ErrorObject[] }[] {
  const direct: { boundary: DialectBoundary; inside: readonly DialectBoundary[]; path: string[] }[] = [];
  for (let i = 0; i < inside.length;) {
    const boundary = inside[i]!;
    let end = i + 1;
    while (end < inside.length && contains(boundary.pointer, inside[end]!.pointer)) end++;
    direct.push({ boundary, inside: inside.slice(i + 1, end), path: parsePointer(boundary.pointer.slice(pointer.length)) ?? [] });
    i = end;
  }
  const errors = metaSchemaErrorsOf(
    withEmptySchemasAt(
      schema,
      direct.map((d) => d.path),
    ),
    baseDraft(dialect),
  );
  const found = errors.length > 0 ? [{ pointer, errors }] : [];
  for (const d of direct) found.push(...regionErrors(d.boundary.pointer, getAtPointer(schema, d.path), d.boundary.dialect, d.inside));
  return found;
}

/**
 * `value` with `{}` at each of `paths`, copying each object and array on the way once (the
 * document's own stay as they are): linear in the paths, however many share a parent.
 */
function withEmptySchemasAt(value: unknown, paths: readonly (readonly string[])[]): unknown {
  if (paths.length === 0) return value;
  if (paths.some((path) => path.length === 0)) return {};
  if (value === null || typeof value !== 'object') return value;
  const below = new Map<string, (readonly string[])[]>();
  for (const path of paths) {
    const rest = below.get(path[0]!) ?? [];
    rest.push(path.slice(1));
    below.set(path[0]!, rest);
  }
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? value.slice() : { ...value };
  for (const [key, rest] of below) {
    if (Array.isArray(value) ? !/^(0|[1-9]\d*)$/.test(key) || Number(key) >= value.length : !Object.hasOwn(value, key)) continue;
    // Defined, not assigned: a `__proto__` key stays an own property.
    Object.defineProperty(copy, key, { value: withEmptySchemasAt((value as Record<string, unknown>)[key], rest), writable: true, enumerable: true, configurable: true });
  }
  return copy;
}

/**
 * ajv's errors for `schema` against `draft`'s meta-schema, as ajv's `validateSchema`
 * finds them: a boolean schema is valid; an object is checked as a schema of the draft it
 * is read in (its own `$schema` set to the draft's). Anything else (`null`, a number, an
 * array) is not a schema of any draft: the draft's meta-schema says so ("must be object").
 */
export function metaSchemaErrorsOf(schema: unknown, draft: Draft): ErrorObject[] {
  if (typeof schema === 'boolean') return [];
  const validate = metaValidatorFor(draft);
  const checked = isSchemaObject(schema) ? { ...schema, $schema: META_SCHEMA_URIS[draft] } : schema;
  return validate(checked) ? [] : [...(validate.errors ?? [])];
}

function unknownDialect(doc: SourceDocument): Diagnostic[] {
  const json = doc.json;
  if (!isSchemaObject(json) || typeof json.$schema !== 'string' || dialectOfMetaSchema(json.$schema)) return [];
  if (doc.role !== 'input' && doc.role !== 'components') return [];
  return [
    {
      severity: 'warning',
      code: 'unknown-dialect',
      message: `"$schema" names no dialect schema-gen knows (${JSON.stringify(json.$schema)}): read as ${dialectName(doc.dialect)}`,
      file: doc.displayPath,
      pointer: '/$schema',
      ...locatePointer(doc.text, doc.format, '/$schema'),
      hint: 'name draft-04, draft-06, draft-07, 2019-09 or 2020-12 (e.g. "https://json-schema.org/draft/2020-12/schema"), or set defaultDialect',
    },
  ];
}

function metaSchemaErrors(doc: SourceDocument, root: string, errors: ErrorObject[]): Diagnostic[] {
  const seen = new Set<string>();
  return errors.flatMap((error) => {
    // anyOf alternatives repeat one mistake several ways: report each place once.
    if (seen.has(error.instancePath) || error.keyword === 'anyOf') return [];
    seen.add(error.instancePath);
    const pointer = root + error.instancePath;
    const allowed = Array.isArray(error.params.allowedValues) ? `: ${error.params.allowedValues.map((v: unknown) => JSON.stringify(v)).join(', ')}` : '';
    return [
      {
        severity: 'error' as const,
        code: 'invalid-schema',
        message: `invalid schema: "${lastSegment(pointer)}" ${error.message ?? 'is invalid'}${allowed}`,
        file: doc.displayPath,
        pointer,
        ...locatePointer(doc.text, doc.format, pointer),
      },
    ];
  });
}

/**
 * Patterns are compiled as ECMAScript regular expressions with the `u` flag (as ajv
 * does). Patterns written for other engines are often valid only without it (`[\w-_]`,
 * `\-` outside a class): with `fallback` such a pattern is compiled without `u` (a
 * warning); with `require`, and for a pattern invalid either way, it is an error.
 */
function patternProblems(doc: SourceDocument, root: string, schema: unknown, dialect: Dialect, unicodePatterns: UnicodePatterns): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const check = (pattern: string, pointer: string) => {
    try {
      new RegExp(pattern, 'u');
    } catch (error) {
      const place = { file: doc.displayPath, pointer, ...locatePointer(doc.text, doc.format, pointer) };
      if (!validOnlyWithoutUnicode(pattern)) {
        problems.push({
          severity: 'error',
          code: 'invalid-schema',
          message: `invalid schema: ${(error as Error).message}`,
          ...place,
          hint: 'patterns are ECMAScript regular expressions with the u flag',
        });
      } else if (unicodePatterns === 'require') {
        problems.push({
          severity: 'error',
          code: 'pattern-not-unicode',
          message: `this pattern is valid only without the u flag (${(error as Error).message})`,
          ...place,
          hint: 'write it for the u flag (no "\\-" or "\\_" outside a class, no class escape such as \\d in a range), or set unicodePatterns to "fallback" to compile such patterns without it',
        });
      } else {
        problems.push({
          severity: 'warning',
          code: 'pattern-not-unicode',
          message: `this pattern is valid only without the u flag (${(error as Error).message}): validators compile it without u`,
          ...place,
          hint: 'without u, "." and classes match UTF-16 code units, not characters; set unicodePatterns to "require" to make this an error',
        });
      }
    }
  };
  walkSchema(
    schema,
    root,
    null,
    (node, at) => {
      if (typeof node.pattern === 'string') check(node.pattern, joinPointer(at, 'pattern'));
      if (isSchemaObject(node.patternProperties)) for (const key of Object.keys(node.patternProperties)) check(key, joinPointer(at, 'patternProperties', key));
      return null;
    },
    dialect,
  );
  return problems;
}
