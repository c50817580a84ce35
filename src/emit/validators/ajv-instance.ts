import type { Options } from 'ajv';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ResolvedGraph } from '../../resolve/index.js';
import { DEFAULT_DIALECT, type Dialect } from '../../schema/dialect.js';
import { vocabularyOf } from '../../schema/keywords/index.js';
import { schemaRootsOf, walkSchema } from '../../schema/walk.js';
import { newAjvFor } from '../../ajv/dialects.js';
import { addFormats, type AnyAjv } from '../../ajv/modules.js';
import { EXTERNAL_REF_KEYWORD, externalRefKeyword, type RunTimeValidators } from './external-ref-keyword.js';
import { patternEngine } from './pattern-engine.js';
import type { ValidatorOptions } from './index.js';

/**
 * The ajv instance validators of one dialect are compiled with (exported for tests that
 * compare with ajv at run time; they may `override` ajv options, e.g. `ownProperties`).
 * `validators`: the export names of the run's validators, the only functions a compiled
 * `$ref` may call (see external-ref-keyword); with the functions they call, for an ajv
 * that runs its validators itself.
 *
 * Every dialect gets the same options; what differs is ajv's class (see ajv/dialects.ts)
 * and two facts of the dialect: up to draft-07 a `$ref` ignores the keywords beside it,
 * and keywords ajv's class knows that the dialect does not have (draft-04's `const`,
 * `if`; `id` after draft-04) are not compiled, as the dialect ignores them.
 */
export function createAjv(
  graph: ResolvedGraph,
  options: ValidatorOptions,
  diagnostics: Diagnostic[],
  validators: Iterable<string> | RunTimeValidators = [],
  override: Options = {},
  dialect: Dialect = DEFAULT_DIALECT,
): AnyAjv {
  const ajv = newAjvFor(dialect, { ...ajvOptions(dialect, options, diagnostics), ...override });
  keepDialectKeywords(ajv, dialect);
  ajv.addKeyword(externalRefKeyword(validators));
  addFormatsTo(ajv, namedFormats(graph));
  return ajv;
}

/**
 * The options of every ajv instance our validators are compiled with, for schemas of
 * `dialect`. Exported so that the conformance tests configure ajv at run time exactly as
 * we do (with `keepDialectKeywords` and `addFormatsTo`): an option that differs per
 * draft belongs here, where they read it.
 */
export function ajvOptions(dialect: Dialect, options: ValidatorOptions, diagnostics: Diagnostic[]): Options {
  const vocabulary = vocabularyOf(dialect);
  return {
    allErrors: options.allErrors,
    // OpenAPI keywords (example, x-*, discriminator…) are annotations, not mistakes.
    strictSchema: false,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    validateFormats: options.formats === 'assert',
    unicodeRegExp: true,
    ...(vocabulary.refOverridesSiblings ? { ignoreKeywordsWithRef: true } : {}),
    code: { source: true, esm: true, lines: true, optimize: true, regExp: patternEngine(options.unicodePatterns ?? 'fallback') },
    logger: {
      log: () => undefined,
      warn: (...args: unknown[]) => {
        const message = args.map(String).join(' ');
        // The dialect's rule, applied as it says (the types follow it too), not a problem of the schema.
        if (vocabulary.refOverridesSiblings && message.startsWith('$ref: keywords ignored')) return;
        // ajv 8 calls the option deprecated but keeps it (pinned; the draft-07 suite case "ref overrides any sibling keywords" tests it).
        if (message.startsWith('DEPRECATED: option ignoreKeywordsWithRef')) return;
        diagnostics.push({ severity: 'warning', code: 'ajv-warning', message });
      },
      error: (...args: unknown[]) => diagnostics.push({ severity: 'error', code: 'ajv-error', message: args.map(String).join(' ') }),
    },
  };
}

/** Keywords ajv's class knows that the dialect does not have are removed: the dialect ignores them, so must the validator. */
export function keepDialectKeywords(ajv: AnyAjv, dialect: Dialect): void {
  const vocabulary = vocabularyOf(dialect);
  for (const keyword of Object.keys(ajv.RULES.all)) {
    // `nullable` stays: ajv reads it with `type` in every class, and the types widen with it too.
    if (keyword !== 'nullable' && keyword !== EXTERNAL_REF_KEYWORD && !vocabulary.keyword(keyword)) ajv.removeKeyword(keyword);
  }
}

/** ajv-formats' formats, and every other format in `inUse` as an annotation (every draft says to ignore unknown formats), not an error. */
export function addFormatsTo(ajv: AnyAjv, inUse: Iterable<string>): void {
  addFormats(ajv);
  const known = new Set(Object.keys(ajv.formats));
  for (const format of [...new Set(inUse)].sort()) if (!known.has(format)) ajv.addFormat(format, true);
}

/** The formats the run's schemas name, found once per run (every instance needs them). */
const formatsOfGraph = new WeakMap<ResolvedGraph, string[]>();

function namedFormats(graph: ResolvedGraph): string[] {
  let named = formatsOfGraph.get(graph);
  if (named) return named;
  const found = new Set<string>();
  for (const doc of graph.registry.documents) {
    for (const { pointer, schema, dialect } of schemaRootsOf(doc)) {
      walkSchema(
        schema,
        pointer,
        null,
        (node) => {
          if (typeof node.format === 'string') found.add(node.format);
          return null;
        },
        dialect,
      );
    }
  }
  formatsOfGraph.set(graph, (named = [...found].sort()));
  return named;
}
