import type { ArrayExpression, AssignmentExpression, BinaryExpression, CallExpression, ExpressionStatement, IfStatement, Node } from 'acorn';
import type { Step } from '../transform/context.js';
import { isIdentifier, isMemberOf } from '../transform/match.js';
import { UnexpectedAjvOutput } from '../transform/unexpected-output.js';

const NAME = 'error-pushes';

/**
 * ajv spends six lines on each error it records,
 * `if(vErrors === null){vErrors = [err0];} else {vErrors.push(err0);}`;
 * `(vErrors ??= []).push(err0);` says the same. Every `vErrors.push` of the module must
 * be part of such a statement.
 */
export const errorPushes: Step = {
  name: NAME,
  run({ ajv, edits }) {
    let compacted = 0;
    for (const { node } of ajv.ofType<IfStatement>('IfStatement')) {
      const error = recordedError(node);
      if (error === undefined) continue;
      edits.replace(node.start, node.end, `(vErrors ??= []).push(${error});`, NAME);
      compacted++;
    }
    const pushes = ajv.ofType<CallExpression>('CallExpression').filter(({ node }) => isMemberOf(node.callee, 'vErrors', 'push')).length;
    if (pushes !== compacted) throw new UnexpectedAjvOutput(NAME, `${pushes} vErrors.push calls, of which ${compacted} in the recording pattern`);
  },
};

/** The error variable a statement records, when it is ajv's recording pattern. */
function recordedError(node: IfStatement): string | undefined {
  const test = node.test as BinaryExpression;
  if (test.type !== 'BinaryExpression' || test.operator !== '===' || !isIdentifier(test.left, 'vErrors') || test.right.type !== 'Literal' || test.right.value !== null) return undefined;
  const first = onlyExpression(node.consequent) as AssignmentExpression | undefined;
  const second = onlyExpression(node.alternate) as CallExpression | undefined;
  if (first?.type !== 'AssignmentExpression' || first.operator !== '=' || !isIdentifier(first.left, 'vErrors')) return undefined;
  const list = first.right as ArrayExpression;
  if (list.type !== 'ArrayExpression' || list.elements.length !== 1 || !isIdentifier(list.elements[0])) return undefined;
  const error = list.elements[0].name;
  if (second?.type !== 'CallExpression' || !isMemberOf(second.callee, 'vErrors', 'push') || second.arguments.length !== 1 || !isIdentifier(second.arguments[0], error)) return undefined;
  return error;
}

function onlyExpression(block: Node | null | undefined): Node | undefined {
  if (block?.type !== 'BlockStatement') return undefined;
  const body = (block as unknown as { body: Node[] }).body;
  return body.length === 1 && body[0]!.type === 'ExpressionStatement' ? (body[0] as ExpressionStatement).expression : undefined;
}
