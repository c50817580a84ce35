import type { RegExpEngine } from 'ajv/dist/types/index.js';
import { validOnlyWithoutUnicode, type UnicodePatterns } from '../../schema/patterns.js';

/**
 * ajv's regular expression engine (its `code.regExp` option) as ajv's default is:
 * `new RegExp(pattern, "u")` at compile time and the same expression in standalone code.
 * With `fallback`, a pattern valid only without `u` is compiled without it here; the
 * standalone code still says `"u"`, and the pattern-flags step writes `""` there, for
 * exactly the patterns that cannot be compiled with `u`.
 */
export function patternEngine(mode: UnicodePatterns): RegExpEngine {
  const engine = (pattern: string, flags: string): RegExp => {
    try {
      return new RegExp(pattern, flags);
    } catch (error) {
      if (mode === 'fallback' && flags.includes('u') && validOnlyWithoutUnicode(pattern)) return new RegExp(pattern, flags.replace('u', ''));
      throw error;
    }
  };
  // ajv writes `new RegExp(…)` into standalone code only for an engine named so.
  engine.code = 'new RegExp';
  return engine as RegExpEngine;
}
