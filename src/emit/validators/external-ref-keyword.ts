import { _, Name, type CodeKeywordDefinition, type KeywordCxt } from 'ajv';
import type { AnyValidateFunction } from 'ajv/dist/types/index.js';
import codegenModule from 'ajv/dist/compile/codegen/index.js';
import namesModule from 'ajv/dist/compile/names.js';
import { identifier } from '../code-text.js';
import { EXTERNAL_REF_KEYWORD } from './external-ref-name.js';

/**
 * A `$ref` to another named schema is compiled as a call to that schema's own exported
 * validator (imported from its module) instead of a copy of its code: one function per
 * named schema, shared by every module that uses it, and adding a schema does not
 * renumber the code of others. The prepare step writes such refs as this keyword.
 *
 * Its value is only a key into the run's own table of validators: the name written into
 * code is the table's entry, never the schema's text. Input schemas cannot hold the
 * keyword at all (the resolve stage rejects every `x-schema-gen-*` key), so a key
 * missing from the table is our bug, and compilation stops with an internal error.
 */
export { EXTERNAL_REF_KEYWORD };

const { strConcat } = codegenModule;
const N = namesModule.default;

/** Runtime function (runtime/errors.js) that prefixes a callee's error paths and appends them. */
export const APPEND_ERRORS = new Name('appendErrors');

/** Thrown when the keyword meets a value that is not one of the run's validators: our bug, exit 70. */
export class UnknownValidatorError extends Error {
  constructor(value: unknown) {
    super(`schema-gen: ${EXTERNAL_REF_KEYWORD} names ${JSON.stringify(value)}, which is not a validator of this run`);
    this.name = 'UnknownValidatorError';
  }
}

function placeholder(): boolean {
  throw new Error('schema-gen: external validators only run in generated code');
}

/**
 * The run's validators for an ajv that runs at compile time (tests that compare with
 * ajv): their export names, and the function each name calls there.
 */
export interface RunTimeValidators {
  names: Iterable<string>;
  callee(name: string): AnyValidateFunction;
}

/** The runtime's appendErrors (templates/runtime/errors.js), for code ajv runs itself. */
function appendErrorsAtRunTime(into: unknown[] | null, errors: { instancePath: string }[], path: string): unknown[] | null {
  for (const error of errors) {
    error.instancePath = path + error.instancePath;
    (into ??= []).push(error);
  }
  return into;
}

/**
 * The keyword for one run. `validators` holds the export names of every validator the
 * run generates (`validateX`); each is checked as an identifier once, here.
 * The call passes only the data: our validators use neither `$data` nor coercion, so
 * parent and root data are never read. (Schemas that need the callee's evaluated
 * properties or dynamic scope are compiled with native refs.)
 */
export function externalRefKeyword(validators: Iterable<string> | RunTimeValidators): CodeKeywordDefinition {
  const runTime = 'callee' in validators ? validators : undefined;
  const table = new Map<string, Name>();
  for (const name of runTime ? runTime.names : (validators as Iterable<string>)) table.set(name, new Name(identifier(name)));
  const called = (name: string) => {
    const call = (data: unknown): boolean => {
      const validate = runTime!.callee(name);
      const valid = validate(data) as boolean;
      call.errors = validate.errors;
      return valid;
    };
    call.errors = undefined as AnyValidateFunction['errors'];
    return call;
  };
  return {
    keyword: EXTERNAL_REF_KEYWORD,
    schemaType: 'string',
    code(cxt: KeywordCxt): void {
      const { gen, data, it } = cxt;
      const callee = table.get(cxt.schema as string);
      if (!callee) throw new UnknownValidatorError(cxt.schema);
      const alias = gen.scopeValue('keyword', { key: callee.str, ref: runTime ? called(callee.str) : placeholder, code: _`${callee}` });
      const append = runTime ? gen.scopeValue('func', { ref: appendErrorsAtRunTime }) : APPEND_ERRORS;
      // The callee reports paths relative to its own data; they are prefixed only when
      // it fails, so a passing call allocates nothing.
      const path = strConcat(N.instancePath, it.errorPath);
      cxt.result(_`${alias}(${data})`, undefined, () => {
        gen.assign(N.vErrors, _`${append}(${N.vErrors}, ${alias}.errors, ${path})`);
        gen.assign(N.errors, _`${N.vErrors}.length`);
      });
    },
  };
}
