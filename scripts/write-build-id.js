// The last build step: hash dist/ (and nothing else) into dist/build-id.txt, so a run can
// tell one build of schema-gen from another without reading its code (src/up-to-date).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const hash = createHash('sha256');
for (const name of readdirSync(dist, { recursive: true, encoding: 'utf8' }).sort()) {
  if (name === 'build-id.txt' || !/\.(js|cjs|json)$/.test(name)) continue;
  hash.update(`\u0000${name}\u0000`).update(readFileSync(join(dist, name)));
}
writeFileSync(join(dist, 'build-id.txt'), `${hash.digest('hex')}\n`);
