// ajv and ajv-formats are CommonJS; under NodeNext, TypeScript sees their default export
// as the module object. These lines pick the real values once, typed.
import { createRequire } from 'node:module';
import ajv2020Module from 'ajv/dist/2020.js';
import ajvFormatsModule from 'ajv-formats';
import standaloneModule from 'ajv/dist/standalone/index.js';

export const Ajv2020 = ajv2020Module.default;
export type Ajv2020 = InstanceType<typeof Ajv2020>;
export const addFormats = ajvFormatsModule.default;
export const standaloneCode = standaloneModule.default;
/** ajv's own version: part of the validator cache key. */
export const AJV_VERSION: string = (createRequire(import.meta.url)('ajv/package.json') as { version: string }).version;
