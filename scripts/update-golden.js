// Rewrites test/fixtures/<case>/expected/ from test/fixtures/<case>/input/ with the
// built CLI. Review the diff like code before committing it.
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../dist/index.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures');
for (const name of readdirSync(fixtures).sort()) {
  const dir = join(fixtures, name);
  if (!existsSync(join(dir, 'input'))) continue;
  const settingsFile = join(dir, 'options.json');
  const settings = existsSync(settingsFile) ? JSON.parse(readFileSync(settingsFile, 'utf8')) : {};
  const report = await generate({ ...settings, cwd: dir, inputs: ['input'], outDir: 'expected' });
  console.log(`${name}: ${report.status} (${report.written.length} written, ${report.removed.length} removed)`);
  if (report.status === 'failed') console.log(report.diagnostics);
}
