import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Write a template set under `dir`: `templates.json` from `manifest`, and each file of `files`. */
export async function writeTemplateSet(dir: string, manifest: object | undefined, files: Record<string, string> = {}): Promise<void> {
  await mkdir(dir, { recursive: true });
  if (manifest) await writeFile(join(dir, 'templates.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
}

/** Schemas (file name → JSON) under `dir`/schemas. */
export async function writeSchemas(dir: string, schemas: Record<string, unknown>): Promise<void> {
  await mkdir(join(dir, 'schemas'), { recursive: true });
  for (const [name, schema] of Object.entries(schemas)) await writeFile(join(dir, 'schemas', name), JSON.stringify(schema, null, 2));
}
