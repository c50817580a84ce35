import type { TemplateLiteral } from 'acorn';
import type { AjvOutput } from '../transform/ajv-output.js';
import { UnexpectedAjvOutput } from '../transform/unexpected-output.js';

const NAME = 'layout';

/** Nodes whose braces open a level of indentation. */
const BRACED = new Set(['BlockStatement', 'StaticBlock', 'ClassBody', 'SwitchStatement', 'ObjectExpression', 'ObjectPattern']);

/**
 * ajv writes one statement per line, unindented. Each output line is indented two
 * spaces per braced node of ajv's tree that encloses the line's first character (a
 * line that starts with the closing brace is outside it). Template literals spanning
 * lines would be re-indented inside; ajv writes none, and one stops the run.
 */
export function indentation(ajv: AjvOutput): (position: number) => string {
  for (const { node } of ajv.ofType<TemplateLiteral>('TemplateLiteral')) {
    if (ajv.text(node).includes('\n')) throw new UnexpectedAjvOutput(NAME, 'a template literal spanning lines');
  }
  const lineStarts = [0];
  for (let at = ajv.code.indexOf('\n'); at !== -1; at = ajv.code.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const lineOf = (position: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // Depth per line: +1 for the lines strictly inside each braced node's braces.
  const delta = new Array<number>(lineStarts.length + 1).fill(0);
  for (const { node } of ajv.nodes) {
    if (!BRACED.has(node.type)) continue;
    const first = lineOf(node.start) + 1;
    const closing = lineOf(node.end - 1);
    const last = lineStarts[closing]! === node.end - 1 ? closing - 1 : closing;
    if (first > last) continue;
    delta[first]!++;
    delta[last + 1]!--;
  }
  const depth: number[] = [];
  let level = 0;
  for (let line = 0; line < lineStarts.length; line++) depth.push((level += delta[line]!));
  return (position) => '  '.repeat(depth[lineOf(position)]!);
}
