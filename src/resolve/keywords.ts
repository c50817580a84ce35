import { distance } from 'fastest-levenshtein';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locatePointer } from '../diagnostics/position.js';
import type { SourceDocument } from '../load/document.js';
import { DIALECTS, type Dialect } from '../schema/dialect.js';
import { vocabularyOf } from '../schema/keywords/index.js';
import { joinPointer } from '../schema/pointer.js';
import { schemaRootsOf, walkSchema } from '../schema/walk.js';
import { noUnknownKeywordsKey, type CleanDocumentMemo } from './clean-documents.js';

/**
 * A keyword the schema's dialect does not define is ignored by validators and types
 * alike, so a typo (`minLenght`) silently drops a constraint: warn, with the keyword it
 * most resembles, or the dialect that does define it (`prefixItems` in a draft-07
 * schema). `x-*` extensions are intended and pass; so do the editors' and peer tools'
 * keywords (`markdownDescription`, `tsType`, …) that the keyword table lists.
 * With a memo, a document an earlier run found free of them (same key) is not walked again.
 */
export function unknownKeywordWarnings(doc: SourceDocument, memo?: CleanDocumentMemo): Diagnostic[] {
  let warnings = walked.get(doc);
  if (!warnings) walked.set(doc, (warnings = memo ? warningsWithMemo(doc, memo) : findUnknownKeywords(doc)));
  return warnings;
}

/** Resolution runs again when refs load more documents; each document is walked once. */
const walked = new WeakMap<SourceDocument, Diagnostic[]>();

function warningsWithMemo(doc: SourceDocument, memo: CleanDocumentMemo): Diagnostic[] {
  const key = noUnknownKeywordsKey(doc);
  if (memo.isClean(key)) return [];
  const warnings = findUnknownKeywords(doc);
  if (warnings.length === 0) memo.markClean(key);
  return warnings;
}

let documentsWalked = 0;

/** How many documents this process has walked for unknown keywords (not answered from a memo): what tests of the memo observe. */
export function documentsWalkedForKeywordsSoFar(): number {
  return documentsWalked;
}

function findUnknownKeywords(doc: SourceDocument): Diagnostic[] {
  documentsWalked++;
  const warnings: Diagnostic[] = [];
  for (const { pointer, schema, dialect } of schemaRootsOf(doc)) {
    walkSchema(
      schema,
      pointer,
      null,
      (node, at, _context, here) => {
        const vocabulary = vocabularyOf(here);
        for (const key of Object.keys(node)) {
          if (vocabulary.keyword(key) || key.startsWith('x-')) continue;
          const keyPointer = joinPointer(at, key);
          if (key === 'nullable') {
            warnings.push(nullableOutsideOpenApi(doc, keyPointer, here));
            continue;
          }
          warnings.push({
            severity: 'warning',
            code: 'unknown-keyword',
            message: `unknown keyword "${key}" is ignored`,
            file: doc.displayPath,
            pointer: keyPointer,
            ...locatePointer(doc.text, doc.format, keyPointer),
            hint: hintFor(key, here),
          });
        }
        return null;
      },
      dialect,
    );
  }
  return warnings;
}

/**
 * `nullable` is OpenAPI 3.0's, not JSON Schema's; ajv honours it in every dialect (with
 * `type`), and so do our validators and types, so it is not "ignored": say what it does.
 */
function nullableOutsideOpenApi(doc: SourceDocument, pointer: string, dialect: Dialect): Diagnostic {
  return {
    severity: 'warning',
    code: 'openapi-keyword',
    message: `"nullable" is OpenAPI 3.0's keyword, not ${dialectName(dialect)}'s: it is honoured as ajv honours it (null is admitted beside "type")`,
    file: doc.displayPath,
    pointer,
    ...locatePointer(doc.text, doc.format, pointer),
    hint: 'in JSON Schema, admit null with "type": ["string", "null"] (or name OpenAPI 3.0 as the dialect)',
  };
}

function hintFor(key: string, dialect: Dialect): string {
  const elsewhere = DIALECTS.filter((d) => vocabularyOf(d).keyword(key) && !vocabularyOf(d).keyword(key)!.facts.everywhere);
  if (elsewhere.length > 0) {
    return `"${key}" belongs to ${elsewhere.map(dialectName).join(', ')}, and this schema is read as ${dialectName(dialect)}: name the dialect with "$schema" (or set defaultDialect), or use this dialect's keyword`;
  }
  const names = vocabularyOf(dialect).names;
  let nearest = names[0]!;
  let best = Infinity;
  for (const name of names) {
    const d = distance(name.toLowerCase(), key.toLowerCase());
    if (d < best) [nearest, best] = [name, d];
  }
  return best <= 2 ? `did you mean "${nearest}"?` : 'prefix extensions with x- to say they are intended';
}

export function dialectName(dialect: Dialect): string {
  return dialect.startsWith('openapi') ? `OpenAPI ${dialect.slice('openapi-'.length)}` : /^\d/.test(dialect) ? `draft ${dialect}` : dialect;
}
