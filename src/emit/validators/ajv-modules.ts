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
const versionOf = (name: string) => (createRequire(import.meta.url)(`${name}/package.json`) as { version: string }).version;
/**
 * Versions of the packages whose output (or parse of it) becomes our validator code: part
 * of the validator cache key. ajv and ajv-formats are pinned exactly in package.json,
 * because the transformation steps are written against their output.
 */
export const CODE_DEPENDENCY_VERSIONS: readonly string[] = ['ajv', 'ajv-formats', 'acorn'].map((name) => `${name}@${versionOf(name)}`);
