import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The config file names looked for in each folder, in this order. */
export const CONFIG_FILE_NAMES = ['schema-gen.config.json', 'schema-gen.config.yaml', 'schema-gen.config.yml', 'schema-gen.config.mjs', 'schema-gen.config.js'];

/** The key of `package.json` that may hold the config instead of a file of its own. */
export const PACKAGE_JSON_KEY = 'schema-gen';

export type FoundConfig = { path: string } | { ambiguous: string[] } | undefined;

/**
 * The config that applies in `from`: the first folder, from `from` upward, that holds a
 * config file (or a `package.json` with a `"schema-gen"` key). The search stops at the
 * repository's root (a folder holding `.git`) or the file system's root, so a config in
 * a monorepo's root applies in each of its packages. Two configs in one folder are
 * ambiguous: neither is guessed.
 */
export function findConfigFile(from: string): FoundConfig {
  for (let folder = from; ; folder = dirname(folder)) {
    const found = CONFIG_FILE_NAMES.map((name) => join(folder, name)).filter((path) => existsSync(path));
    const packageJson = join(folder, 'package.json');
    if (holdsConfigKey(packageJson)) found.push(packageJson);
    if (found.length > 1) return { ambiguous: found };
    if (found.length === 1) return { path: found[0]! };
    if (existsSync(join(folder, '.git')) || dirname(folder) === folder) return undefined;
  }
}

/** A package.json that does not parse is npm's to report; here it is just not a config. */
function holdsConfigKey(packageJson: string): boolean {
  if (!existsSync(packageJson)) return false;
  try {
    const json = JSON.parse(readFileSync(packageJson, 'utf8')) as unknown;
    return json !== null && typeof json === 'object' && Object.hasOwn(json, PACKAGE_JSON_KEY);
  } catch {
    return false;
  }
}
