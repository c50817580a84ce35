import type { AssignmentExpression, BlockStatement, ExpressionStatement, IfStatement, MemberExpression, Node, Statement, VariableDeclaration } from 'acorn';
import type { Step } from '../transform/context.js';
import { isIdentifier, isMemberOf, memberName } from '../transform/match.js';
import { UnexpectedAjvOutput } from '../transform/unexpected-output.js';

const NAME = 'evaluation-tracking';

/**
 * Draft 2020-12 makes ajv track which properties/items each function evaluated, for
 * `unevaluated*` in callers: `validate20.evaluated = {…}` after a function, and at its
 * start `const evaluated0 = validate20.evaluated;` with two `if`s resetting dynamic
 * results. When every function's result is static and nothing else in the module reads
 * `.evaluated`, that bookkeeping is dead code: all of it goes, or none.
 */
export const evaluationTracking: Step = {
  name: NAME,
  run({ ajv, edits }) {
    const dead: Node[] = [];
    const understood = new Set<Node>(); // the `.evaluated` reads that belong to the patterns
    let allStatic = true;
    for (const statement of ajv.program.body) {
      const assignment = statement.type === 'ExpressionStatement' ? ((statement as ExpressionStatement).expression as AssignmentExpression) : undefined;
      if (assignment?.type !== 'AssignmentExpression' || !isMemberOf(assignment.left, /^validate\d+$/, 'evaluated')) continue;
      if (assignment.operator !== '=' || assignment.right.type !== 'ObjectExpression') throw new UnexpectedAjvOutput(NAME, `evaluation result of an unexpected form: ${ajv.text(statement)}`);
      const result = parseJson(ajv.text(assignment.right));
      if (typeof result.dynamicProps !== 'boolean' || typeof result.dynamicItems !== 'boolean')
        throw new UnexpectedAjvOutput(NAME, `evaluation result without dynamicProps/dynamicItems: ${ajv.text(statement)}`);
      if (result.dynamicProps || result.dynamicItems) allStatic = false;
      dead.push(statement);
      understood.add(assignment.left);
    }
    for (const { node, parent, field } of ajv.ofType<VariableDeclaration>('VariableDeclaration')) {
      const [declarator] = node.declarations;
      if (!declarator || !isIdentifier(declarator.id, /^evaluated\d+$/)) continue;
      const name = declarator.id.name;
      const siblings = parent && field === 'body' ? ((parent as BlockStatement).body as Statement[]) : [];
      const at = siblings.indexOf(node as Statement);
      const resets = [siblings[at + 1], siblings[at + 2]];
      if (
        node.declarations.length !== 1 ||
        !isMemberOf(declarator.init, /^validate\d+$/, 'evaluated') ||
        !isReset(resets[0], name, 'dynamicProps', 'props') ||
        !isReset(resets[1], name, 'dynamicItems', 'items')
      ) {
        throw new UnexpectedAjvOutput(NAME, `evaluation tracking of an unexpected form: ${ajv.text(node)}`);
      }
      dead.push(node, resets[0]!, resets[1]!);
      understood.add(declarator.init);
    }
    const otherReads = ajv.ofType<MemberExpression>('MemberExpression').filter(({ node }) => memberName(node) === 'evaluated' && !understood.has(node));
    if (!allStatic || otherReads.length > 0) return;
    for (const node of dead) edits.removeLines(node, NAME);
  },
};

/** `if(evaluated0.dynamicProps){ evaluated0.props = undefined; }` */
function isReset(statement: Statement | undefined, name: string, flag: string, field: string): boolean {
  if (statement?.type !== 'IfStatement') return false;
  const { test, consequent, alternate } = statement as IfStatement;
  if (alternate || !isMemberOf(test, name, flag) || consequent.type !== 'BlockStatement' || consequent.body.length !== 1) return false;
  const only = consequent.body[0]!;
  const assignment = only.type === 'ExpressionStatement' ? (only.expression as AssignmentExpression) : undefined;
  return assignment?.type === 'AssignmentExpression' && assignment.operator === '=' && isMemberOf(assignment.left, name, field) && isIdentifier(assignment.right, 'undefined');
}

function parseJson(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new UnexpectedAjvOutput(NAME, `evaluation result is not JSON: ${text.slice(0, 80)}`);
  }
}
