import type { Identifier, Literal, MemberExpression } from 'acorn';
import { stringLiteral } from '../../code-text.js';
import type { Step } from '../transform/context.js';
import { isStringLiteral } from '../transform/match.js';
import { UnexpectedAjvOutput } from '../transform/unexpected-output.js';

const NAME = 'proto-stand-in';

/**
 * `__proto__` property names were given to ajv as a stand-in (proto-stand-in.ts, chosen
 * absent from every input string, so each occurrence is ours). The data reads, schema
 * constants and schema paths that hold it are mapped by their own steps; this one maps
 * what is left: string literals (`key0 === "…"`, error paths and params) and reads of
 * schema constants. It runs after those steps and skips what they already rewrote.
 */
export const protoStandIn: Step = {
  name: NAME,
  run({ ajv, edits, settings }) {
    const standIn = settings.protoStandIn;
    if (!ajv.code.includes(standIn)) return;
    for (const { node } of ajv.ofType<Literal>('Literal')) {
      if (!isStringLiteral(node) || !node.value.includes(standIn) || edits.covering(node.start, node.end)) continue;
      edits.replace(node.start, node.end, stringLiteral(node.value.split(standIn).join('__proto__')), NAME);
    }
    for (const { node, parent, field } of ajv.ofType<Identifier>('Identifier')) {
      if (node.name !== standIn || edits.covering(node.start, node.end)) continue;
      const member = parent as MemberExpression | undefined;
      if (member?.type !== 'MemberExpression' || field !== 'property' || member.computed) throw new UnexpectedAjvOutput(NAME, `the stand-in as a name of the code: ${ajv.text(parent ?? node)}`);
      const memberRef = ajv.refOf(member);
      if (memberRef?.parent?.type === 'AssignmentExpression' && memberRef.field === 'left') throw new UnexpectedAjvOutput(NAME, `an assignment to the stand-in: ${ajv.text(memberRef.parent)}`);
      // A read of one of our constants, whose `__proto__` key is an own property (schema-constants).
      edits.replace(node.start, node.end, '__proto__', NAME);
    }
  },
};
