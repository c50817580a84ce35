import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildId, CODE_ROOT, PACKAGE_ROOT } from '../load/assets.js';

/** Packages whose code or output ends up in what we write. */
const OUTPUT_SHAPING_PACKAGES = ['ajv', 'ajv-formats', 'ajv-draft-04', 'acorn', 'yaml', 'js-yaml', 'mustache', 'esbuild'];

let fingerprint: string | undefined;

/**
 * What makes one schema-gen differ from another in what it writes: its code, its default
 * templates and the versions of the packages it builds output with. A new version, a
 * rebuilt dist/ or (in development) an edited source file changes it, so no earlier
 * run's record is trusted across them.
 */
export function toolFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash('sha256');
  const build = buildId();
  if (build !== undefined) hash.update(build);
  else hashFolder(hash, CODE_ROOT, (name) => /\.(ts|js|json)$/.test(name));
  hashFolder(hash, join(PACKAGE_ROOT, 'templates'), () => true);
  const require = createRequire(import.meta.url);
  for (const name of OUTPUT_SHAPING_PACKAGES) {
    let version = 'absent';
    try {
      version = (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      // a package that cannot be found plays no part in the output
    }
    hash.update(`\u0000${name}@${version}`);
  }
  return (fingerprint = hash.digest('hex'));
}

/** Each file's path (relative, sorted) and bytes, so a renamed or moved file changes the hash too. */
export function hashFolder(hash: ReturnType<typeof createHash>, folder: string, take: (name: string) => boolean): void {
  let names: string[];
  try {
    names = readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort();
  } catch {
    return;
  }
  for (const name of names) {
    if (!take(name)) continue;
    try {
      hash.update(`\u0000${name}\u0000`).update(readFileSync(join(folder, name)));
    } catch {
      // a folder: its files are listed on their own
    }
  }
}
