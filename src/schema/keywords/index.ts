import { baseDraft, DRAFTS, isOpenApi, type Dialect, type Draft } from '../dialect.js';
import { KEYWORDS, type AppliesTo, type KeywordFacts, type SubschemaShape } from './table.js';

export type { KeywordFacts, KeywordRole, SubschemaShape, AppliesTo } from './table.js';

/** A keyword as one dialect reads it. */
export interface Keyword {
  name: string;
  facts: KeywordFacts;
  /** The shape of its subschemas in this dialect, when it holds any. */
  holds?: SubschemaShape;
  appliesTo?: AppliesTo;
  /** The keyword whose meaning this boolean changes in this dialect (draft-04's `exclusiveMinimum` → `minimum`). */
  modifies?: string;
}

/**
 * What one dialect knows: its keywords and the lists every stage needs, all derived
 * from the one table.
 */
export interface Vocabulary {
  dialect: Dialect;
  /** The keyword of that name in this dialect (never an inherited `Object` member). */
  keyword(name: string): Keyword | undefined;
  /** Every keyword name of the dialect, in table order. */
  names: readonly string[];
  /** Keywords holding subschemas, in table order. */
  subschemaKeywords: readonly Keyword[];
  /** Each of those by name, with its place in that order. */
  subschemaPlace: ReadonlyMap<string, number>;
  /** Keywords whose subschemas apply to the same value (cycles through them never end). */
  inPlace: ReadonlySet<string>;
  /** Of those, the ones that hold subschemas (`allOf`, `not`, `then`…; not `$ref`). */
  inPlaceSubschemas: ReadonlySet<string>;
  /** `$ref` ignores the keywords beside it (draft-04 to draft-07, OpenAPI 3.0). */
  refOverridesSiblings: boolean;
  /** Keywords that constrain nothing: a schema of only these is documentation. */
  annotations: ReadonlySet<string>;
  /** Keywords shown as doc tags, in display order. */
  docTags: readonly string[];
  /** Keywords that describe an object's or array's shape. */
  shapes: { object: readonly string[]; array: readonly string[] };
  /** Keywords whose meaning crosses a `$ref` (evaluated members, dynamic scope). */
  crossesRefs: ReadonlySet<string>;
  /** Keywords that hold definitions only (`$defs`, `definitions`). */
  definitions: ReadonlySet<string>;
  /** `$id` (or draft-04's `id`). */
  idKeyword: '$id' | 'id';
  /** Keywords whose subschemas combine into the value's type (`allOf`, `anyOf`, `oneOf`), in table order. */
  combinators: readonly Keyword[];
  /** Keywords whose subschemas apply only sometimes (`then`, `else`, `dependentSchemas`, `dependencies`), in table order. */
  conditional: readonly Keyword[];
  /** Keyword → the boolean keyword that modifies it in this dialect (draft-04: `minimum` → `exclusiveMinimum`). */
  modifiedBy: ReadonlyMap<string, string>;
}

const cache = new Map<Dialect, Vocabulary>();

export function vocabularyOf(dialect: Dialect): Vocabulary {
  let vocabulary = cache.get(dialect);
  if (!vocabulary) cache.set(dialect, (vocabulary = buildVocabulary(dialect)));
  return vocabulary;
}

function buildVocabulary(dialect: Dialect): Vocabulary {
  const keywords = new Map<string, Keyword>();
  for (const [name, facts] of Object.entries(KEYWORDS)) {
    if (!inDialect(facts, dialect)) continue;
    const holds = facts.holdsFrom && atLeast(baseDraft(dialect), facts.holdsFrom.draft) ? facts.holdsFrom.holds : facts.holds;
    const modifies = facts.modifies && atLeast(facts.modifies.until, baseDraft(dialect)) ? facts.modifies.keyword : undefined;
    keywords.set(name, { name, facts, ...(holds ? { holds, appliesTo: facts.applies ?? 'members' } : {}), ...(modifies ? { modifies } : {}) });
  }
  const all = [...keywords.values()];
  const named = (test: (k: Keyword) => boolean) => all.filter(test).map((k) => k.name);
  return {
    dialect,
    keyword: (name) => keywords.get(name),
    names: all.map((k) => k.name),
    subschemaKeywords: all.filter((k) => k.holds),
    subschemaPlace: new Map(all.filter((k) => k.holds).map((k, i) => [k.name, i])),
    inPlace: new Set(named((k) => k.appliesTo === 'in-place' || k.facts.role === 'reference')),
    inPlaceSubschemas: new Set(named((k) => k.appliesTo === 'in-place')),
    refOverridesSiblings: !atLeast(baseDraft(dialect), '2019-09'),
    annotations: new Set(named((k) => ['annotation', 'meta', 'identifier'].includes(k.facts.role))),
    docTags: all
      .filter((k) => k.facts.docTag !== undefined)
      .sort((a, b) => a.facts.docTag! - b.facts.docTag!)
      .map((k) => k.name),
    shapes: { object: named((k) => k.facts.shapes === 'object' && k.appliesTo !== 'in-place'), array: named((k) => k.facts.shapes === 'array') },
    crossesRefs: new Set(named((k) => k.facts.crossesRefs === true)),
    definitions: new Set(named((k) => k.facts.role === 'definitions')),
    idKeyword: atLeast(baseDraft(dialect), 'draft-06') ? '$id' : 'id',
    combinators: all.filter((k) => k.facts.combines !== undefined),
    conditional: all.filter((k) => k.facts.conditional === true),
    modifiedBy: new Map(all.filter((k) => k.modifies !== undefined).map((k) => [k.modifies!, k.name])),
  };
}

function inDialect(facts: KeywordFacts, dialect: Dialect): boolean {
  if (facts.everywhere) return true;
  const draft = baseDraft(dialect);
  const inDrafts = (facts.since === undefined || atLeast(draft, facts.since)) && (facts.until === undefined || atLeast(facts.until, draft));
  if (!facts.openapi) return inDrafts;
  if (!isOpenApi(dialect)) return facts.since !== undefined && inDrafts;
  return facts.openapi.includes(dialect === 'openapi-3.0' ? '3.0' : '3.1') || (facts.since !== undefined && inDrafts);
}

/** `a` is `b` or a later draft. */
function atLeast(a: Draft, b: Draft): boolean {
  return DRAFTS.indexOf(a) >= DRAFTS.indexOf(b);
}
