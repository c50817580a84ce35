import { createRequire } from 'node:module';

const versionOf = (name: string) => (createRequire(import.meta.url)(`${name}/package.json`) as { version: string }).version;

/**
 * Versions of the packages whose output (or parse of it) becomes our validator code: part
 * of the validator cache key. ajv and ajv-formats are pinned exactly in package.json,
 * because the transformation steps are written against their output. A module of its own,
 * so that computing cache keys does not load ajv.
 */
export const CODE_DEPENDENCY_VERSIONS: readonly string[] = ['ajv', 'ajv-formats', 'ajv-draft-04', 'acorn'].map((name) => `${name}@${versionOf(name)}`);
