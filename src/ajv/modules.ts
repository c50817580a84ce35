// ajv and ajv-formats are CommonJS; under NodeNext, TypeScript sees their default export
// as the module object. These lines pick the real values once, typed.
import { createRequire } from 'node:module';
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
const versionOf = (name: string) => (createRequire(import.meta.url)(`${name}/package.json`) as { version: string }).version;
/**
 * Versions of the packages whose output (or parse of it) becomes our validator code: part
 * of the validator cache key. ajv and ajv-formats are pinned exactly in package.json,
 * because the transformation steps are written against their output.
 */
export const CODE_DEPENDENCY_VERSIONS: readonly string[] = ['ajv', 'ajv-formats', 'ajv-draft-04', 'acorn'].map((name) => `${name}@${versionOf(name)}`);
