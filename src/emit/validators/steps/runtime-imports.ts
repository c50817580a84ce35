import type { CallExpression, MemberExpression, Node, VariableDeclaration, VariableDeclarator } from 'acorn';
import type { Step } from '../transform/context.js';
import { isIdentifier, isStringLiteral, memberName } from '../transform/match.js';
import { UnexpectedAjvOutput } from '../transform/unexpected-output.js';

const NAME = 'runtime-imports';

/** Modules ajv's standalone code `require`s, and the runtime module of ours that provides each. */
export const RUNTIME_HELPERS: Readonly<Record<string, string>> = {
  'ajv/dist/runtime/ucs2length': 'ucs2length',
  'ajv/dist/runtime/equal': 'equal',
  'ajv/dist/runtime/uri': 'uri',
  'ajv/dist/runtime/validation_error': 'ValidationError',
  'ajv-formats/dist/formats': 'formats',
};

/**
 * `const func0 = require("ajv/dist/runtime/equal").default;` becomes a use of the
 * imported runtime helper `equal` (the declaration goes, its binding is renamed);
 * `const formats0 = require("ajv-formats/dist/formats").fullFormats.date;` reads the
 * imported `formats` table instead. Any other `require` is refused.
 */
export const runtimeImports: Step = {
  name: NAME,
  run({ ajv, edits, renames, runtimeHelpers }) {
    for (const { node: call } of ajv.ofType<CallExpression>('CallExpression')) {
      if (!isIdentifier(call.callee, 'require')) continue;
      const [source] = call.arguments;
      if (call.arguments.length !== 1 || !isStringLiteral(source)) throw new UnexpectedAjvOutput(NAME, `require with arguments ${ajv.text(call)}`);
      const helper = RUNTIME_HELPERS[source.value];
      if (!helper) throw new UnexpectedAjvOutput(NAME, `generated validator needs unsupported module "${source.value}"`);
      // The member chain read from the module, up to the declaration it initialises.
      const chain: MemberExpression[] = [];
      let node: Node = call;
      for (let up = ajv.refOf(node); up?.parent?.type === 'MemberExpression' && up.field === 'object'; up = ajv.refOf(node)) {
        node = up.parent;
        chain.push(node as MemberExpression);
      }
      const declarator = ajv.refOf(node);
      const declaration = declarator?.parent && ajv.refOf(declarator.parent)?.parent;
      if (declarator?.parent?.type !== 'VariableDeclarator' || declarator.field !== 'init' || declaration?.type !== 'VariableDeclaration' || !ajv.isModuleStatement(declaration)) {
        throw new UnexpectedAjvOutput(NAME, `require outside a module-level declaration: ${ajv.text(node)}`);
      }
      const binding = (declarator.parent as VariableDeclarator).id;
      if (!isIdentifier(binding) || (declaration as VariableDeclaration).declarations.length !== 1) throw new UnexpectedAjvOutput(NAME, `a require declaration of an unexpected form`);
      const names = chain.map(memberName);
      runtimeHelpers.add(helper);
      if (helper === 'formats') {
        if (names.length !== 2 || names[0] !== 'fullFormats' || names[1] === undefined) throw new UnexpectedAjvOutput(NAME, `formats read as ${ajv.text(node)}`);
        edits.replace(call.start, chain[0]!.end, 'formats', NAME);
      } else {
        if (names.length !== 1 || names[0] !== 'default') throw new UnexpectedAjvOutput(NAME, `runtime helper read as ${ajv.text(node)}`);
        edits.removeLines(declaration, NAME);
        renames.set(binding.name, helper);
      }
    }
  },
};
