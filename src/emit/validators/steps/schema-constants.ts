import type { MemberExpression, VariableDeclaration } from 'acorn';
import { jsLiteral, type JsonValue } from '../../code-text.js';
import type { AjvOutput } from '../transform/ajv-output.js';
import type { Step } from '../transform/context.js';
import { isIdentifier, memberName } from '../transform/match.js';
import { UnexpectedAjvOutput } from '../transform/unexpected-output.js';

const NAME = 'schema-constants';

/**
 * ajv's `code.source` keeps a copy of each schema as a constant for the few values the
 * code reads from it (an `enum` list for error params, say). Keep only what is read: no
 * descriptions, ids or unused copies end up in the output. Every constant is written
 * again by the one JSON-to-JS writer (code-text `jsLiteral`), which makes `__proto__`
 * keys own properties, and `__proto__` property names come back from their stand-in.
 */
export const schemaConstants: Step = {
  name: NAME,
  run({ ajv, edits, settings }) {
    const standIn = settings.protoStandIn;
    const key = (k: string) => (k === standIn ? '__proto__' : k);
    for (const statement of ajv.program.body) {
      if (statement.type !== 'VariableDeclaration') continue;
      const [declarator, ...more] = (statement as VariableDeclaration).declarations;
      if (!declarator || !isIdentifier(declarator.id, /^schema\d+$/)) continue;
      if (more.length > 0 || !declarator.init) throw new UnexpectedAjvOutput(NAME, `a schema constant of an unexpected form: ${ajv.text(statement).slice(0, 80)}`);
      const name = declarator.id.name;
      const paths = readPaths(ajv, name);
      if (paths.length === 0) {
        edits.removeLines(statement, NAME);
        continue;
      }
      const value = parseJson(ajv.text(declarator.init));
      const kept = paths.some((p) => p.length === 0) || !isPlainObject(value) ? value : pick(value, paths);
      edits.replace(declarator.init.start, declarator.init.end, jsLiteral(kept, key), NAME);
    }
  },
};

/** The access paths the code reads from a constant: `schema31.properties["a-b"].enum` → ['properties', 'a-b', 'enum']. */
function readPaths(ajv: AjvOutput, name: string): string[][] {
  const paths: string[][] = [];
  for (const use of ajv.identifiers) {
    if (use.role !== 'reference' || use.node.name !== name) continue;
    const path: string[] = [];
    let ref = ajv.refOf(use.node);
    while (ref?.parent?.type === 'MemberExpression' && ref.field === 'object') {
      const segment = memberName(ref.parent as MemberExpression);
      if (segment === undefined) break; // `schema31.enum[i0]`: the code reads all of `enum`
      path.push(segment);
      ref = ajv.refOf(ref.parent);
    }
    paths.push(path);
  }
  return paths;
}

/**
 * The parts of `value` the paths reach, nothing else. Containers are built without a
 * prototype and read through own properties only, so `__proto__` or `constructor` in a
 * path is a key like any other.
 */
function pick(value: { [key: string]: JsonValue }, paths: string[][]): JsonValue {
  const result: { [key: string]: JsonValue } = Object.create(null) as { [key: string]: JsonValue };
  for (const path of paths) {
    let from: JsonValue = value;
    let to: { [key: string]: JsonValue } | JsonValue[] = result;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      if (!isContainer(from) || !Object.hasOwn(from, segment) || (Array.isArray(from) && !/^\d+$/.test(segment))) break;
      const next: JsonValue = (from as Record<string, JsonValue>)[segment]!;
      const target = to as Record<string, JsonValue>;
      if (i === path.length - 1 || !isContainer(next)) {
        target[segment] = next;
        break;
      }
      if (!Object.hasOwn(target, segment)) target[segment] = Array.isArray(next) ? [] : (Object.create(null) as { [key: string]: JsonValue });
      to = target[segment] as { [key: string]: JsonValue } | JsonValue[];
      from = next;
    }
  }
  return result;
}

function isContainer(value: JsonValue): value is { [key: string]: JsonValue } | JsonValue[] {
  return value !== null && typeof value === 'object';
}

function isPlainObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return isContainer(value) && !Array.isArray(value);
}

function parseJson(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    throw new UnexpectedAjvOutput(NAME, `a schema constant is not JSON: ${text.slice(0, 80)}`);
  }
}
