import { _, Name, type CodeKeywordDefinition, type KeywordCxt } from 'ajv';
import codegenModule from 'ajv/dist/compile/codegen/index.js';
import namesModule from 'ajv/dist/compile/names.js';

/**
 * A `$ref` to another named schema is compiled as a call to that schema's own exported
 * validator (imported from its module) instead of a copy of its code: one function per
 * named schema, shared by every module that uses it, and adding a schema does not
 * renumber the code of others. The prepare step writes such refs as this keyword.
 */
export const EXTERNAL_REF_KEYWORD = 'x-schema-gen-validator';

const { strConcat } = codegenModule;
const N = namesModule.default;

/** Runtime function (runtime/errors.js) that prefixes a callee's error paths and appends them. */
export const APPEND_ERRORS = new Name('appendErrors');

function placeholder(): boolean {
  throw new Error('schema-gen: external validators only run in generated code');
}

/**
 * The call passes only the data: our validators use neither `$data` nor coercion, so
 * parent and root data are never read. (Schemas that need the callee's evaluated
 * properties or dynamic scope are compiled with native refs.)
 */
export const externalRefKeyword: CodeKeywordDefinition = {
  keyword: EXTERNAL_REF_KEYWORD,
  schemaType: 'string',
  code(cxt: KeywordCxt): void {
    const { gen, data, it } = cxt;
    const functionName = cxt.schema as string;
    const callee = gen.scopeValue('keyword', { key: functionName, ref: placeholder, code: _`${new Name(functionName)}` });
    // The callee reports paths relative to its own data; they are prefixed only when
    // it fails, so a passing call allocates nothing.
    const path = strConcat(N.instancePath, it.errorPath);
    cxt.result(_`${callee}(${data})`, undefined, () => {
      gen.assign(N.vErrors, _`${APPEND_ERRORS}(${N.vErrors}, ${callee}.errors, ${path})`);
      gen.assign(N.errors, _`${N.vErrors}.length`);
    });
  },
};
