// ajv set up as a user who compiles the corpus at run time would: draft 2020-12,
// ajv-formats, and the same options our generated validators are compiled with
// (src/emit/validators/index.ts), so both sides validate exactly the same way.
import ajv2020Module from 'ajv/dist/2020.js';
import ajvFormatsModule from 'ajv-formats';
import standaloneModule from 'ajv/dist/standalone/index.js';

const Ajv2020 = ajv2020Module.default ?? ajv2020Module;
const addFormats = ajvFormatsModule.default ?? ajvFormatsModule;
export const standaloneCode = standaloneModule.default ?? standaloneModule;

export const AJV_OPTIONS = {
  allErrors: true,
  strictSchema: false, // OpenAPI annotations (example, x-*) are not mistakes
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  unicodeRegExp: true,
  logger: false, // formats ajv-formats does not know: ignored either way
};

/** An Ajv2020 instance with ajv-formats and every schema of `schemas` added (not compiled). */
export function createAjv(schemas, extra = {}) {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, ...extra });
  addFormats(ajv);
  ajv.addSchema(schemas);
  return ajv;
}

/** The `$id` of AdminInitiateAuthResponse in the ajv copies of the corpus. */
export const ADMIN_INITIATE_AUTH_RESPONSE_ID = 'user-pools-admin-initiate-auth-response-schema.json';
