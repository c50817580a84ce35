import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Absolute paths of the files under `dir` whose names end with `suffix`, sorted. */
export async function filesEnding(dir: string, suffix: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
