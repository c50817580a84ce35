import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate, type GenerateOptions, type Report } from '../../src/index.js';

export type LoadedValidator = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string; schemaPath: string; message?: string }[] | null };

/** Write `schemas` (file name → JSON) under `dir`/schemas, generate, and import the output's index. */
export async function generateAndImport(dir: string, schemas: Record<string, unknown>, options: GenerateOptions = {}): Promise<{ report: Report; index: Record<string, LoadedValidator> }> {
  await mkdir(join(dir, 'schemas'), { recursive: true });
  for (const [name, schema] of Object.entries(schemas)) await writeFile(join(dir, 'schemas', name), JSON.stringify(schema, null, 2));
  const report = await generate({ cwd: dir, ...options });
  if (report.status === 'failed') throw new Error(JSON.stringify(report.diagnostics, null, 2));
  const index = (await import(pathToFileURL(join(dir, options.outDir ?? 'generated', 'index.js')).href)) as Record<string, LoadedValidator>;
  return { report, index };
}
