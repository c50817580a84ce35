import type { AssignmentPattern, FunctionDeclaration, Identifier, Property } from 'acorn';
import type { Step } from '../transform/context.js';
import { isIdentifier } from '../transform/match.js';
import { UnexpectedAjvOutput } from '../transform/unexpected-output.js';

const NAME = 'signatures';

/** ajv's signatures: with the dynamic scope where the class has dynamic refs (2019-09, 2020-12), without it before. */
const FULL_SIGNATURES = new Set(['{instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}', '{instancePath="", parentData, parentDataProperty, rootData=data}={}']);
const CONTEXT_NAMES = new Set(['parentData', 'parentDataProperty', 'rootData', 'dynamicAnchors']);

/**
 * Functions that never read parent or root data (no `$data`, no native ref passing
 * them on) take the instance path as a plain second argument: no options object is
 * built or destructured on each call. Such a module is only ever called as
 * `validateX(data)`, by users and by other modules (see external-ref-keyword).
 */
export const signatures: Step = {
  name: NAME,
  run({ ajv, edits }) {
    const functions = ajv.program.body.filter((s): s is FunctionDeclaration => s.type === 'FunctionDeclaration');
    const options: AssignmentPattern[] = [];
    for (const fn of functions) {
      const [data, second] = fn.params;
      if (fn.params.length !== 2 || !isIdentifier(data, 'data') || second?.type !== 'AssignmentPattern' || !FULL_SIGNATURES.has(ajv.text(second))) {
        throw new UnexpectedAjvOutput(NAME, `function ${fn.id.name} has the signature (${fn.params.map((p) => ajv.text(p)).join(', ')})`);
      }
      options.push(second as AssignmentPattern);
    }
    const inSignature = (at: number) => options.some((o) => o.start <= at && at < o.end);
    // Any other mention as a name (a variable, or a key of the options passed to a call) keeps the full signature.
    const mentioned =
      ajv.identifiers.some(({ node }) => CONTEXT_NAMES.has(node.name) && !inSignature(node.start)) ||
      ajv.ofType<Property>('Property').some(({ node }) => !node.computed && CONTEXT_NAMES.has((node.key as Identifier).name) && !inSignature(node.start));
    if (mentioned) return;
    for (const o of options) edits.replace(o.start, o.end, 'instancePath=""', NAME);
  },
};
