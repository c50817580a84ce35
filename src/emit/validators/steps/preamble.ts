import type { EmptyStatement, ExpressionStatement } from 'acorn';
import type { Step } from '../transform/context.js';
import { UnexpectedAjvOutput } from '../transform/unexpected-output.js';

const NAME = 'preamble';

/**
 * Our modules are ES modules (strict already), and ajv's `/*# sourceURL=… *\/` lines
 * name its internal ids: both go. ajv writes no other comment; one would be a shape we
 * have never reviewed, so it stops the run.
 */
export const preamble: Step = {
  name: NAME,
  run({ ajv, edits }) {
    const first = ajv.program.body[0];
    if (first?.type === 'ExpressionStatement' && (first as ExpressionStatement).directive === 'use strict') edits.removeLines(first, NAME);
    const empties = new Map(ajv.ofType<EmptyStatement>('EmptyStatement').map((ref) => [ref.node.start, ref.node]));
    for (const comment of ajv.comments) {
      if (comment.type !== 'Block' || !comment.value.startsWith('# sourceURL=')) {
        throw new UnexpectedAjvOutput(NAME, `a comment ajv does not write: ${ajv.code.slice(comment.start, Math.min(comment.end, comment.start + 80))}`);
      }
      // ajv follows the comment with `;`, an empty statement, on the same line.
      const empty = empties.get(comment.end);
      if (!empty) throw new UnexpectedAjvOutput(NAME, 'a sourceURL comment not followed by ";"');
      edits.removeLines({ start: comment.start, end: empty.end }, NAME);
    }
  },
};
