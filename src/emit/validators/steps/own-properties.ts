import type { MemberExpression } from 'acorn';
import { stringLiteral } from '../../code-text.js';
import type { Step } from '../transform/context.js';
import { isIdentifier, memberName } from '../transform/match.js';
import { UnexpectedAjvOutput } from '../transform/unexpected-output.js';

const NAME = 'own-properties';

/** Names every plain object inherits: `data.toString` is never `undefined`, even for `{}`. */
const INHERITED_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * ajv reads properties as `data.name`, so `required: ["toString"]` accepts `{}` and
 * `properties.constructor` checks the inherited function (ajv#2664). Reads of inherited
 * names from the data (`data`, `data0`, … are ajv's data variables) become own-property
 * reads; the `__proto__` stand-in becomes such a read of `__proto__`. Every other read
 * stays as fast as ajv wrote it.
 */
export const ownProperties: Step = {
  name: NAME,
  run({ ajv, edits, settings }) {
    for (const { node, parent, field } of ajv.ofType<MemberExpression>('MemberExpression')) {
      if (!isIdentifier(node.object, /^data\d*$/)) continue;
      const read = memberName(node);
      if (read === undefined) continue;
      const name = read === settings.protoStandIn ? '__proto__' : read;
      if (!INHERITED_NAMES.has(name)) continue;
      const written =
        parent &&
        ((parent.type === 'AssignmentExpression' && field === 'left') ||
          parent.type === 'UpdateExpression' ||
          (parent.type === 'CallExpression' && field === 'callee') ||
          (parent.type === 'UnaryExpression' && (parent as { operator?: string }).operator === 'delete'));
      if (written) throw new UnexpectedAjvOutput(NAME, `the data's "${name}" is not only read: ${ajv.text(parent)}`);
      const object = node.object.name;
      // Inherited names are identifiers, and an own `__proto__` shadows the accessor: `data.name` reads the own value.
      edits.replace(node.start, node.end, `(Object.hasOwn(${object}, ${stringLiteral(name)}) ? ${object}.${name} : undefined)`, NAME);
    }
  },
};
