import type { AssignmentExpression, ExpressionStatement, MemberExpression } from 'acorn';
import type { Step } from '../transform/context.js';
import { isIdentifier } from '../transform/match.js';
import { UnexpectedAjvOutput } from '../transform/unexpected-output.js';

const NAME = 'pattern-marks';

/**
 * ajv runs its code in sloppy mode (it compiles it with `new Function`), where setting a
 * property of `true` does nothing; our modules are ES modules, strict, where it throws.
 * For `unevaluatedProperties`, `patternProperties` marks each key it matched in a
 * `propsN` object (`props0[key1] = true;`) that a dynamic merge before it (a `oneOf`
 * branch that evaluated every property, say) may have set to `true`. Each such mark is
 * made only while the props are not `true`, as ajv's own run makes it. Every other write
 * to a `propsN` comes after ajv's own `!== true` test or right after `propsN = {}`.
 */
export const patternMarks: Step = {
  name: NAME,
  run({ ajv, edits }) {
    for (const { node } of ajv.ofType<AssignmentExpression>('AssignmentExpression')) {
      const left = node.left as MemberExpression;
      if (left.type !== 'MemberExpression' || !isIdentifier(left.object, /^props\d+$/) || !left.computed || !isIdentifier(left.property)) continue;
      const statement = ajv.parentOf(node) as ExpressionStatement | undefined;
      if (!isIdentifier(left.property, /^key\d+$/) || node.operator !== '=' || node.right.type !== 'Literal' || node.right.value !== true || statement?.type !== 'ExpressionStatement') {
        throw new UnexpectedAjvOutput(NAME, `a mark of evaluated properties of an unexpected form: ${ajv.text(statement ?? node)}`);
      }
      edits.insert(statement.start, `if(${left.object.name} !== true){`, NAME);
      edits.insert(statement.end, '}', NAME);
    }
  },
};
