import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../../../src/index.js';
import { HELPER_DOCS, templateHelpers, TEXT_HELPER_NAMES } from '../../../src/render/helpers.js';
import { templateReference } from '../../../src/render/view/reference.js';
import { VIEW_SCHEMA_FILE } from '../../../src/render/view/description.js';
import { DIALECTS } from '../../../src/schema/dialect.js';
import { vocabularyOf } from '../../../src/schema/keywords/index.js';
import { REPO_ROOT } from '../../helpers/paths.js';

// The view is described once, in templates/schema/view.schema.json; its TypeScript types
// and its reference are written from it. After changing it: npm run view-types:update.
describe('the view, described once', () => {
  it('has TypeScript types that schema-gen writes from view.schema.json today', async () => {
    const report = await generate({
      cwd: REPO_ROOT,
      inputs: ['templates/schema/view.schema.json'],
      templatesDir: 'scripts/view-types',
      outDir: 'src/render/view/generated',
      check: true,
      cache: false,
    });
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.diff).toBe('');
    expect(report.status).toBe('up-to-date');
  });

  it('is shipped in the package, resolvable as schema-gen/view.schema.json', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { files: string[] };
    expect(manifest.files).toContain('templates');
    const resolved = execFileSync(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('schema-gen/view.schema.json'))"], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(fileURLToPath(resolved.trim())).toBe(VIEW_SCHEMA_FILE);
  });

  it('has a reference, templates/README.md, written from the schemas and the helpers today', () => {
    expect(readFileSync(join(REPO_ROOT, 'templates', 'README.md'), 'utf8')).toBe(templateReference());
  });

  it('lists every helper in the reference, and gives mustache exactly the one-text helpers', () => {
    const helpers = Object.keys(templateHelpers(() => '')).sort();
    expect(Object.keys(HELPER_DOCS).sort()).toEqual(helpers);
    for (const name of helpers) expect(templateReference()).toContain(`| \`${HELPER_DOCS[name as keyof typeof HELPER_DOCS].call}\` |`);
    expect(TEXT_HELPER_NAMES.every((name) => helpers.includes(name))).toBe(true);
  });

  it('names no field like a helper (mustache would find the field instead)', () => {
    const schema = JSON.parse(readFileSync(VIEW_SCHEMA_FILE, 'utf8')) as { $defs: Record<string, { properties?: Record<string, unknown> }> };
    const fields = Object.values(schema.$defs).flatMap((d) => Object.keys(d.properties ?? {}));
    expect(fields.filter((f) => (TEXT_HELPER_NAMES as string[]).includes(f))).toEqual([]);
  });

  it('has a constraint for every doc-tag keyword of every dialect', () => {
    const schema = JSON.parse(readFileSync(VIEW_SCHEMA_FILE, 'utf8')) as { $defs: { ConstraintsView: { properties: Record<string, unknown> } } };
    const tagged = new Set(DIALECTS.flatMap((d) => vocabularyOf(d).docTags));
    expect(Object.keys(schema.$defs.ConstraintsView.properties).sort()).toEqual([...tagged].sort());
  });
});
