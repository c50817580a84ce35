import { _, Name, type CodeKeywordDefinition, type KeywordCxt } from 'ajv';
import refModule from 'ajv/dist/vocabularies/core/ref.js';

/**
 * A `$ref` to another named schema is compiled as a call to that schema's own exported
 * validator (imported from its module) instead of a copy of its code: one function per
 * named schema, shared by every module that uses it, and adding a schema does not
 * renumber the code of others. The prepare step writes such refs as this keyword.
 */
export const EXTERNAL_REF_KEYWORD = 'x-schema-gen-validator';

// The callee's evaluated properties/items are not known statically; schemas whose
// closure uses unevaluated* are compiled with native refs instead (see prepare-schemas).
const OPAQUE_EVALUATION = { validate: { evaluated: { props: undefined, items: undefined, dynamicProps: false, dynamicItems: false } } };

function placeholder(): boolean {
  throw new Error('schema-gen: external validators only run in generated code');
}

export const externalRefKeyword: CodeKeywordDefinition = {
  keyword: EXTERNAL_REF_KEYWORD,
  schemaType: 'string',
  code(cxt: KeywordCxt): void {
    const functionName = cxt.schema as string;
    const callee = cxt.gen.scopeValue('keyword', { key: functionName, ref: placeholder, code: _`${new Name(functionName)}` });
    // ajv's own `$ref` call: passes instancePath etc. and appends the callee's errors.
    refModule.callRef(cxt, callee, OPAQUE_EVALUATION as never, false);
  },
};
