import type { VariableDeclaration } from 'acorn';
import type { Step } from '../transform/context.js';
import { isIdentifier } from '../transform/match.js';
import { UnexpectedAjvOutput } from '../transform/unexpected-output.js';

const NAME = 'keyword-aliases';

/**
 * The external-ref keyword makes ajv declare `const keyword0 = validateFoo;`. Other
 * modules' validators are called by their own names instead (the alias goes, its uses
 * are renamed), and only names in the run's table of validators are accepted.
 */
export const keywordAliases: Step = {
  name: NAME,
  run({ ajv, edits, renames, settings, externalValidators }) {
    for (const statement of ajv.program.body) {
      if (statement.type !== 'VariableDeclaration') continue;
      const [declarator, ...more] = (statement as VariableDeclaration).declarations;
      if (!declarator || !isIdentifier(declarator.id, /^keyword\d+$/)) continue;
      if (more.length > 0 || !isIdentifier(declarator.init)) throw new UnexpectedAjvOutput(NAME, `a keyword value of an unexpected form: ${ajv.text(statement)}`);
      const callee = declarator.init.name;
      if (!settings.validatorNames.has(callee)) throw new UnexpectedAjvOutput(NAME, `${declarator.id.name} is ${callee}, which is not a validator of this run`);
      edits.removeLines(statement, NAME);
      renames.set(declarator.id.name, callee);
      if (callee !== settings.exportName) externalValidators.add(callee);
    }
  },
};
