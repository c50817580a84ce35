import yaml from 'js-yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locatePointer, offsetToPosition, type SourcePosition } from '../diagnostics/position.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { joinPointer } from '../schema/pointer.js';
import { checkDocumentShape, offsetBeyondDepth, type ShapeProblem } from './document-shape.js';
import { explainJsonSyntaxError } from './json-syntax.js';
import { describeYamlError } from './yaml-errors.js';
import type { YamlParseMemo } from './yaml-parse-memo.js';

export type ParseResult = { ok: true; json: unknown } | { ok: false; diagnostic: Diagnostic };

export type ParseLimits = Pick<Limits, 'maxDepth' | 'maxAliasExpansion'>;

let freshYamlParses = 0;

/** How many YAML texts js-yaml has parsed in this process (not recalled from a memo): for tests. */
export function yamlTextsParsedSoFar(): number {
  return freshYamlParses;
}

export function formatOf(path: string): 'json' | 'yaml' {
  return /\.ya?ml$/i.test(path) ? 'yaml' : 'json';
}

/**
 * Parse JSON or YAML text into a value every later stage can walk safely: a syntax
 * error, a second YAML document, nesting deeper than `maxDepth` or YAML aliases that
 * expand past `maxAliasExpansion` become a diagnostic with line and column. No
 * message quotes the text.
 */
export function parseDocumentText(text: string, format: 'json' | 'yaml', displayPath: string, limits: ParseLimits = DEFAULT_LIMITS, yamlParses?: YamlParseMemo): ParseResult {
  const fail = (code: string, message: string, at?: SourcePosition, extra: Partial<Diagnostic> = {}): ParseResult => ({
    ok: false,
    diagnostic: { severity: 'error', code, message, file: displayPath, ...at, ...extra },
  });
  let json: unknown;
  if (format === 'json') {
    try {
      json = JSON.parse(text);
    } catch (error) {
      const explained = explainJsonSyntaxError(text) ?? { offset: v8ErrorOffset(error), message: 'is not valid JSON' };
      return fail('syntax-error', `invalid JSON: ${explained.message}`, explained.offset === undefined ? undefined : offsetToPosition(text, explained.offset));
    }
  } else {
    const entry = yamlParses?.entry(text, yamlParseSettings(limits));
    const recalled = entry?.recalled;
    try {
      if (!recalled) freshYamlParses++;
      json = recalled ? recalled.value : yaml.load(text, yamlOptions(limits));
    } catch (error) {
      if (!(error instanceof yaml.YAMLException)) throw error;
      const described = describeYamlError(error, text, limits);
      return fail(described.code, described.message, described.at);
    }
    const problem = checkDocumentShape(json, limits, true);
    if (problem) return shapeFailure(problem, text, format, limits, fail);
    if (!recalled) entry?.keep(json);
    return { ok: true, json };
  }
  const problem = checkDocumentShape(json, limits, false);
  if (problem) return shapeFailure(problem, text, format, limits, fail);
  return { ok: true, json };
}

/**
 * What a parse is made with besides the text: js-yaml's schema and depth limit (where a
 * fresh parse would stop, js-yaml says so itself). js-yaml's version is part of the tool
 * fingerprint the memo file is kept under.
 */
function yamlParseSettings(limits: ParseLimits): string {
  return `js-yaml JSON_SCHEMA maxDepth ${limits.maxDepth}`;
}

/**
 * js-yaml ≥ 4.2 stops at `maxDepth` itself (its types do not know the option yet);
 * it counts scalars as a level too, and our own check below is the exact one.
 */
function yamlOptions(limits: ParseLimits): yaml.LoadOptions {
  const options: yaml.LoadOptions & { maxDepth: number } = { schema: yaml.JSON_SCHEMA, maxDepth: limits.maxDepth + 1 };
  return options;
}

/** Pointers in messages stop after this many segments: the start says where, line:column says exactly. */
const SHOWN_SEGMENTS = 8;

function shapeFailure(
  problem: ShapeProblem,
  text: string,
  format: 'json' | 'yaml',
  limits: ParseLimits,
  fail: (code: string, message: string, at?: SourcePosition, extra?: Partial<Diagnostic>) => ParseResult,
): ParseResult {
  const shown = problem.path.slice(0, SHOWN_SEGMENTS);
  const pointer = joinPointer('', ...shown);
  const below = shown.length < problem.path.length ? `, ${problem.path.length - shown.length} levels below the pointer shown` : '';
  if (problem.limit === 'maxDepth') {
    const offset = format === 'json' ? offsetBeyondDepth(text, limits.maxDepth) : undefined;
    const at = offset !== undefined ? offsetToPosition(text, offset) : locateNearest(text, format, shown);
    return fail('too-deep', `objects and arrays nest more than ${limits.maxDepth} levels deep${below} (the maxDepth limit)`, at, {
      pointer,
      hint: 'no real schema nests this deep; if yours must, raise limits.maxDepth',
    });
  }
  if (problem.limit === 'unpairedSurrogate') {
    return fail(
      'invalid-key',
      'a key is not well-formed Unicode: it holds half of a surrogate pair (a JSON escape such as \\udfff), which no pointer, URI or name can carry',
      locateNearest(text, format, shown.slice(0, -1)),
      {
        pointer,
        hint: 'write the character whole, or remove the escape',
      },
    );
  }
  return fail('alias-expansion', `YAML aliases (*name) expand to more than ${limits.maxAliasExpansion} values${below} (the maxAliasExpansion limit)`, locateNearest(text, format, shown), {
    pointer,
    hint: 'an anchor repeated through aliases of aliases grows exponentially; write the shared part once and $ref it',
  });
}

/** Position of the longest prefix of `segments` that the text itself holds (aliases have no place of their own). */
function locateNearest(text: string, format: 'json' | 'yaml', segments: string[]): SourcePosition | undefined {
  for (let length = segments.length; length >= 0; length--) {
    const at = locatePointer(text, format, joinPointer('', ...segments.slice(0, length)));
    if (at) return at;
  }
  return undefined;
}

/** V8 says "... at position N" (and quotes the text around it, which we drop). */
function v8ErrorOffset(error: unknown): number | undefined {
  const at = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  return at ? Number(at[1]) : undefined;
}
