import type { ExportNamedDeclaration, FunctionDeclaration, VariableDeclaration } from 'acorn';
import { identifier } from '../../code-text.js';
import type { Step } from '../transform/context.js';
import { isIdentifier } from '../transform/match.js';
import { UnexpectedAjvOutput } from '../transform/unexpected-output.js';

const NAME = 'export-name';

/**
 * ajv exports `export const validateX = validate20;`. The function itself gets the
 * export name and the `export`: one name for the validator everywhere, in the module, in
 * stack traces and in other modules' calls.
 */
export const exportName: Step = {
  name: NAME,
  run(context) {
    const { ajv, edits, renames, settings } = context;
    const exports = ajv.program.body.filter((s) => s.type.startsWith('Export'));
    if (exports.length !== 1 || exports[0]!.type !== 'ExportNamedDeclaration') throw new UnexpectedAjvOutput(NAME, `${exports.length} exports where one was expected`);
    const declaration = (exports[0] as ExportNamedDeclaration).declaration as VariableDeclaration | null;
    const declarator = declaration?.type === 'VariableDeclaration' && declaration.declarations.length === 1 ? declaration.declarations[0]! : undefined;
    if (!declarator || !isIdentifier(declarator.id) || !isIdentifier(declarator.init)) throw new UnexpectedAjvOutput(NAME, `an export of an unexpected form: ${ajv.text(exports[0]!)}`);
    const target = declarator.init.name;
    const fn = ajv.program.body.find((s): s is FunctionDeclaration => s.type === 'FunctionDeclaration' && s.id.name === target);
    if (!fn) throw new UnexpectedAjvOutput(NAME, `the export names ${target}, which is not a function of the module`);
    edits.removeLines(exports[0]!, NAME);
    renames.set(target, identifier(settings.exportName));
    edits.insert(fn.start, 'export ', NAME);
    context.exportedAt = fn.start;
  },
};
