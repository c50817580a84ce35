import type { FunctionDeclaration, Identifier, Property } from 'acorn';
import { stringLiteral } from '../../code-text.js';
import type { Step } from '../transform/context.js';
import { isStringLiteral } from '../transform/match.js';
import { UnexpectedAjvOutput } from '../transform/unexpected-output.js';

const NAME = 'schema-paths';

/**
 * Error schema paths name the user's files: `schemas/x.json#/properties/a/type`. The
 * module's own file is named once, in `const schemaFile`, and joined where used; paths
 * into other documents (refs compiled inline) get that document's path, with the
 * pointer percent-decoded as the user wrote it. ajv writes a path inside a function as
 * relative to the schema that function was compiled from (`#/properties/a/type`): in
 * the exported function that is the module's schema; in a function compiled for a
 * referenced schema (one ajv does not inline, as under `unevaluatedProperties`), it is
 * that schema's place (`functionPlaces`). Paths of documents we did not give ajv (its
 * own meta-schemas) stay as ajv wrote them.
 */
export const schemaPaths: Step = {
  name: NAME,
  run({ ajv, edits, settings, exportedAt }) {
    const [file, rootPointer] = splitOnce(settings.schemaPathPrefix, '#');
    const unProto = (text: string) => text.split(settings.protoStandIn).join('__proto__');
    const functions = ajv.program.body.filter((s): s is FunctionDeclaration => s.type === 'FunctionDeclaration');
    let current = 0;
    /**
     * The place of the schema the function around `position` was compiled from: undefined
     * in the exported function, `null` in one compiled from a document we did not give ajv.
     * Paths come in source order, as the functions do: one pass over both, however many.
     */
    const placeAt = (position: number): string | null | undefined => {
      while (current < functions.length && functions[current]!.end <= position) current++;
      const fn = functions[current];
      if (!fn || position < fn.start) throw new UnexpectedAjvOutput(NAME, 'a schema path outside every function');
      return fn.start === exportedAt ? undefined : (settings.functionPlaces?.get(fn.id.name) ?? null);
    };
    let usesOwnFile = false;
    for (const { node } of ajv.ofType<Property>('Property')) {
      if (node.computed || (node.key as Identifier).name !== 'schemaPath') continue;
      const value = node.value;
      if (!isStringLiteral(value)) throw new UnexpectedAjvOutput(NAME, `a schemaPath that is not a string literal: ${ajv.text(node)}`);
      const path = value.value;
      const place = path.startsWith('#') ? placeAt(value.start) : undefined;
      if (place === null) continue;
      if (place !== undefined && place !== settings.schemaPathPrefix) {
        edits.replace(value.start, value.end, stringLiteral(unProto(`${place}${path.slice(1)}`)), NAME);
        continue;
      }
      if (path.startsWith('#')) {
        usesOwnFile = true;
        edits.replace(value.start, value.end, `schemaFile+${stringLiteral(unProto(`#${rootPointer}${path.slice(1)}`))}`, NAME);
        continue;
      }
      const [id, pointer] = splitOnce(path, '#');
      const displayPath = settings.displayPathOfId.get(id);
      if (displayPath !== undefined) edits.replace(value.start, value.end, stringLiteral(unProto(`${displayPath}#${safeDecode(pointer)}`)), NAME);
    }
    if (usesOwnFile) edits.insert(0, `const schemaFile = ${stringLiteral(file)};\n`, NAME);
  },
};

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}
