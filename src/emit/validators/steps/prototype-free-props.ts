import type { AssignmentExpression, LogicalExpression, Node, ObjectExpression, VariableDeclarator } from 'acorn';
import type { Step } from '../transform/context.js';
import { isIdentifier } from '../transform/match.js';
import { UnexpectedAjvOutput } from '../transform/unexpected-output.js';

const NAME = 'prototype-free-props';
const PROPS = /^props\d+$/;
const EMPTY_MAP = 'Object.create(null)';

/**
 * For `unevaluatedProperties`, ajv records the properties evaluated at run time in a
 * `propsN` object and asks `!props0[key1]` of each key of the data. ajv makes that object
 * with `{}`, so a data key named like a property every object inherits (`toString`,
 * `constructor`, `__proto__`) reads as evaluated and is let through, and a mark for a
 * `__proto__` key (`props0[key0] = true` after a pattern matched it) sets the prototype
 * instead of making a mark. Each such object is made without a prototype instead; they
 * are made in exactly two forms, `var propsN = {}` and `propsN = propsN || {}` (the
 * others take `true` or another function's result, itself made so), and any other
 * object given to a `propsN` stops the step.
 */
export const prototypeFreeProps: Step = {
  name: NAME,
  run({ ajv, edits }) {
    const madeHere = new Set<Node>();
    for (const { node } of ajv.ofType<VariableDeclarator>('VariableDeclarator')) {
      if (!isIdentifier(node.id, PROPS) || !isEmptyObject(node.init)) continue;
      madeHere.add(node.init!);
      edits.replace(node.init!.start, node.init!.end, EMPTY_MAP, NAME);
    }
    for (const { node } of ajv.ofType<AssignmentExpression>('AssignmentExpression')) {
      const fallback = node.right as LogicalExpression;
      if (!isIdentifier(node.left, PROPS) || fallback.type !== 'LogicalExpression' || fallback.operator !== '||' || !isEmptyObject(fallback.right)) continue;
      if (node.operator !== '=' || !isIdentifier(fallback.left, node.left.name)) throw new UnexpectedAjvOutput(NAME, `an evaluated-properties object of an unexpected form: ${ajv.text(node)}`);
      madeHere.add(fallback.right);
      edits.replace(fallback.right.start, fallback.right.end, EMPTY_MAP, NAME);
    }
    // Any other object literal that becomes a `propsN` would keep its prototype: refuse it.
    for (const { node, parent } of ajv.ofType<ObjectExpression>('ObjectExpression')) {
      if (madeHere.has(node) || !parent) continue;
      const to = parent.type === 'VariableDeclarator' ? (parent as VariableDeclarator).id : parent.type === 'AssignmentExpression' ? (parent as AssignmentExpression).left : undefined;
      const viaFallback = parent.type === 'LogicalExpression' && isIdentifier((ajv.parentOf(parent) as AssignmentExpression | undefined)?.left, PROPS);
      if (isIdentifier(to, PROPS) || viaFallback) throw new UnexpectedAjvOutput(NAME, `an evaluated-properties object of an unexpected form: ${ajv.text(parent)}`);
    }
  },
};

function isEmptyObject(node: Node | null | undefined): node is ObjectExpression {
  return node?.type === 'ObjectExpression' && (node as ObjectExpression).properties.length === 0;
}
