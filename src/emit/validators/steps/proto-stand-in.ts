import type { Identifier, Literal, MemberExpression, Node, Property } from 'acorn';
import { stringLiteral } from '../../code-text.js';
import type { AjvOutput } from '../transform/ajv-output.js';
import type { Step } from '../transform/context.js';
import { isStringLiteral } from '../transform/match.js';
import { UnexpectedAjvOutput, UnsupportedSchema } from '../transform/unexpected-output.js';

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
    for (const { node, parent, field } of ajv.ofType<Literal>('Literal')) {
      if (!isStringLiteral(node) || !node.value.includes(standIn) || edits.covering(node.start, node.end)) continue;
      if (parent?.type === 'MemberExpression' && field === 'property') assertRead(ajv, parent as MemberExpression);
      const mapped = stringLiteral(node.value.split(standIn).join('__proto__'));
      edits.replace(node.start, node.end, isObjectKey(parent, field) ? `[${mapped}]` : mapped, NAME);
    }
    for (const { node, parent, field } of ajv.ofType<Identifier>('Identifier')) {
      if (node.name !== standIn || edits.covering(node.start, node.end)) continue;
      // `{x: 1}` in an object literal: a computed key makes an own property, as in schema-constants.
      if (isObjectKey(parent, field)) {
        if ((parent as Property).shorthand) throw new UnexpectedAjvOutput(NAME, `the stand-in as a variable: ${ajv.text(parent!)}`);
        edits.replace(node.start, node.end, '["__proto__"]', NAME);
        continue;
      }
      const member = parent as MemberExpression | undefined;
      if (member?.type !== 'MemberExpression' || field !== 'property' || member.computed) throw new UnexpectedAjvOutput(NAME, `the stand-in as a name of the code: ${ajv.text(parent ?? node)}`);
      assertRead(ajv, member);
      // A read of one of our constants, whose `__proto__` key is an own property (schema-constants).
      edits.replace(node.start, node.end, '__proto__', NAME);
    }
  },
};

/**
 * `x.__proto__ = v` or `x["__proto__"] = v` calls the prototype setter instead of making
 * a property. ajv writes such assignments only to track evaluated properties at run time
 * (`props0.name = true`, merged with Object.assign, which sets `__proto__` the same way):
 * a `__proto__` property there cannot be tracked, and the schema is reported as
 * unsupported rather than given a validator that would be wrong.
 */
function assertRead(ajv: AjvOutput, member: MemberExpression): void {
  const ref = ajv.refOf(member);
  const written = (ref?.parent?.type === 'AssignmentExpression' && ref.field === 'left') || ref?.parent?.type === 'UpdateExpression';
  if (written) {
    throw new UnsupportedSchema(
      NAME,
      'a property named "__proto__" is evaluated at run time for unevaluatedProperties (through anyOf, oneOf, if, dependentSchemas or a $ref), which validators cannot track',
    );
  }
}

/** A key of an object literal (`{"k": v}`), where `__proto__` would set the prototype. */
function isObjectKey(parent: Node | undefined, field: string): parent is Property {
  return parent?.type === 'Property' && field === 'key' && !(parent as Property).computed && (parent as Property).kind === 'init';
}
