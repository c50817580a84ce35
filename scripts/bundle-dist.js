// Bundles the compiled CLI and library (dist/cli/main.js, dist/index.js) into a few ES
// modules in dist/bundle/: a run otherwise loads ~170 small modules of ours, ~90 ms of a
// run after an edit on two cores (bench/). Code loaded on first need (the pipeline, watch,
// templates) stays in chunks of its own, so a run that is already up to date still loads
// only what it reads. Packages stay imports: they are dependencies, installed with their
// licences, and their versions are part of the tool's fingerprint (src/up-to-date).
// dist/bundle/ sits one folder below dist/ as every compiled module does, so the paths our
// code finds from import.meta.url (package root, meta-schema validators) stay the same.
// One package is bundled too, into dist/vendor/: node-html-markdown, 55 CommonJS files
// with what it requires, loaded by any run that converts an HTML description (~15 ms
// less as one file); src/load/assets.ts falls back to the package where there is none.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const outdir = join(dist, 'bundle');

await rm(outdir, { recursive: true, force: true });
await rm(join(dist, 'vendor'), { recursive: true, force: true });
const result = await build({
  entryPoints: { cli: join(dist, 'cli', 'main.js'), index: join(dist, 'index.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'silent',
});
const vendored = await build({
  entryPoints: { 'node-html-markdown': 'node-html-markdown' },
  outdir: join(dist, 'vendor'),
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Their licence notices stay with their code.
  legalComments: 'eof',
  logLevel: 'silent',
});
// A warning here is a module we could not see into (a dynamic import of a computed path
// of our own, say): it would be missing from the bundle at run time, so the build stops.
const problems = [result, vendored].flatMap((r) => [...r.errors, ...r.warnings]);
if (problems.length > 0) {
  for (const p of problems) console.error(`bundle-dist: ${p.text}${p.location ? ` (${p.location.file}:${p.location.line})` : ''}`);
  process.exit(1);
}
