import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GenerateOptions } from '../../src/index.js';

/**
 * A small project with two versions of its schemas, whose outputs differ in every way a
 * write can: v1 (types only) has A and B; v2 (types and validators) changes A, drops B,
 * adds C, and needs folders v1 does not have (validators/, runtime/).
 */
export const V1_SCHEMAS: Record<string, object> = {
  'a.json': { title: 'A', type: 'object', properties: { x: { type: 'string' } } },
  'b.json': { title: 'B', type: 'object', properties: { y: { type: 'number' } } },
};
export const V2_SCHEMAS: Record<string, object> = {
  'a.json': { title: 'A', type: 'object', properties: { x: { type: 'string' }, z: { type: 'boolean' } } },
  'c.json': { title: 'C', enum: ['p', 'q'] },
};

export const V1: GenerateOptions = { inputs: ['schemas-v1'], typesOnly: true, cache: false };
export const V2: GenerateOptions = { inputs: ['schemas-v2'], cache: false };
export const V1_ARGS = ['schemas-v1', '--types-only', '--no-cache'];
export const V2_ARGS = ['schemas-v2', '--no-cache'];

export async function writeTwoVersionProject(dir: string): Promise<void> {
  for (const [folder, schemas] of [
    ['schemas-v1', V1_SCHEMAS],
    ['schemas-v2', V2_SCHEMAS],
  ] as const) {
    await mkdir(join(dir, folder), { recursive: true });
    for (const [file, schema] of Object.entries(schemas)) await writeFile(join(dir, folder, file), `${JSON.stringify(schema, null, 2)}\n`);
  }
  await writeFile(join(dir, 'README.md'), '# a project that uses schema-gen\n');
}
