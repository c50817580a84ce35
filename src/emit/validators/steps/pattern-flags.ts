import type { NewExpression } from 'acorn';
import { validOnlyWithoutUnicode } from '../../../schema/patterns.js';
import type { Step } from '../transform/context.js';
import { isIdentifier, isStringLiteral } from '../transform/match.js';
import { UnexpectedAjvOutput } from '../transform/unexpected-output.js';

const NAME = 'pattern-flags';

/**
 * ajv writes each pattern as `new RegExp("…", "u")`. A pattern that is valid only
 * without the `u` flag (compiled so at compile time by pattern-engine, with a warning
 * from the resolve stage) gets the flags ajv writes without `unicodeRegExp`, `""`:
 * the module then runs what ajv compiled. Any other `new RegExp` shape stops the run.
 */
export const patternFlags: Step = {
  name: NAME,
  run({ ajv, edits }) {
    for (const { node } of ajv.ofType<NewExpression>('NewExpression')) {
      if (!isIdentifier(node.callee, 'RegExp')) continue;
      const [pattern, flags, ...more] = node.arguments;
      if (!isStringLiteral(pattern) || !isStringLiteral(flags) || more.length > 0 || flags.value !== 'u') {
        throw new UnexpectedAjvOutput(NAME, `a regular expression of an unexpected form: ${ajv.text(node)}`);
      }
      if (!validOnlyWithoutUnicode(pattern.value)) continue;
      edits.replace(flags.start, flags.end, '""', NAME);
    }
  },
};
