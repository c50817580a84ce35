import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file below a templates folder, by absolute path, sorted (none when it is missing: the run reports that). */
export function templateFiles(folder: string): string[] {
  try {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .map((name) => join(folder, name))
      .filter((path) => statSync(path).isFile())
      .sort();
  } catch {
    return [];
  }
}
