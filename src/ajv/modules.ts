// ajv and ajv-formats are CommonJS; under NodeNext, TypeScript sees their default export
// as the module object. These lines pick the real values once, typed.
import ajvModule from 'ajv';
import type ajvCoreModule from 'ajv/dist/core.js';
import ajv2019Module from 'ajv/dist/2019.js';
import ajv2020Module from 'ajv/dist/2020.js';
import ajvDraft04Module from 'ajv-draft-04';
import ajvFormatsModule from 'ajv-formats';
import standaloneModule from 'ajv/dist/standalone/index.js';

export const Ajv2020 = ajv2020Module.default;
export type Ajv2020 = InstanceType<typeof Ajv2020>;
/** Draft-07 (and, with its meta-schema added, draft-06). */
export const AjvDraft07 = ajvModule.default;
export const Ajv2019 = ajv2019Module.default;
export const AjvDraft04 = ajvDraft04Module.default;
/** Every ajv class extends the core: the type our code uses for any of them. */
export type AnyAjv = InstanceType<typeof ajvCoreModule.default>;
export const addFormats = ajvFormatsModule.default;
export const standaloneCode = standaloneModule.default;
export { CODE_DEPENDENCY_VERSIONS } from './versions.js';
