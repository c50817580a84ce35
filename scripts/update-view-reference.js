// Rewrites templates/README.md (the reference of the manifest, the view and the helpers)
// from the JSON Schemas in templates/schema/ and the helpers' table, with the built code.
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { templateReference } from '../dist/render/view/reference.js';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'templates', 'README.md');
writeFileSync(file, templateReference());
console.log(`wrote ${file}`);
