import type { SourceDocument } from '../../load/document.js';
import type { Dialect } from '../../schema/dialect.js';
import { emptyEnumProblems } from './empty-enum.js';
import { usesKeywordsCrossingRefs } from './prepare-schemas.js';
import { mentionsStandIn } from './proto-stand-in.js';

/**
 * What the validators stage must know of every document of a run, even when every
 * module comes from the cache, and can only learn by walking it: kept between runs
 * (key-memo.ts) by the document's text, so that an edit walks only the edited file.
 */
export interface DocumentFacts {
  /** The dialects in whose schemas it uses keywords that see through a `$ref`: its types are compiled with native refs. */
  crossesRefs: Dialect[];
  /** Whether a key or string of it holds the `__proto__` stand-in's prefix: then the stand-in is chosen by reading every document. */
  mentionsStandIn: boolean;
  /** Whether a schema of it has `"enum": []`: then it is read again for the problems' places. */
  hasEmptyEnum: boolean;
}

/**
 * The facts, by walking the document. They depend on its parsed text, its role and its
 * dialect (which decide where its schemas are and how they are read), and on nothing
 * else of the run.
 */
export function documentFacts(doc: SourceDocument): DocumentFacts {
  return {
    crossesRefs: [...usesKeywordsCrossingRefs(doc)].sort(),
    mentionsStandIn: mentionsStandIn(doc.json),
    hasEmptyEnum: emptyEnumProblems(doc).length > 0,
  };
}
