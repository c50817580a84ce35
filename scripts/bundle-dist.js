// Bundles the compiled CLI and library (dist/cli/main.js, dist/index.js) into a few ES
// modules in dist/bundle/: a run otherwise loads ~170 small modules of ours, ~90 ms of a
// run after an edit on two cores (bench/), and the packages every run loads (commander,
// picomatch, js-yaml, mustache, …: ~30 more files, ~13 ms) with them. Code loaded on first
// need (the pipeline, watch, templates) stays in chunks of its own, so a run that is
// already up to date still loads only what it reads; packages loaded only sometimes (ajv,
// acorn, esbuild, prettier, chokidar, …) stay imports. dist/bundle/ sits one folder below
// dist/ as every compiled module does, so the paths our code finds from import.meta.url
// (package root, meta-schema validators) stay the same.
// (Our own bundle is not minified: measured, no faster, and stack traces keep their names.)
// The licence of every package bundled is written beside its bundle (THIRD_PARTY_LICENSES.txt).
import { build } from 'esbuild';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
/** Packages that stay imports: loaded on first need only, native, or the user's own. */
const STAY_IMPORTS = ['ajv', 'ajv-formats', 'ajv-draft-04', 'acorn', 'esbuild', 'prettier', 'chokidar', 'diff', 'jsonc-parser', 'yaml'];
const outdir = join(dist, 'bundle');

await rm(outdir, { recursive: true, force: true });
// dist/vendor/ held a bundled HTML-to-Markdown package in earlier builds.
await rm(join(dist, 'vendor'), { recursive: true, force: true });
const result = await build({
  entryPoints: { cli: join(dist, 'cli', 'main.js'), index: join(dist, 'index.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: STAY_IMPORTS.flatMap((name) => [name, `${name}/*`]),
  // The CommonJS packages bundled call require() for Node's own modules.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  metafile: true,
  logLevel: 'silent',
});
// A warning here is a module we could not see into (a dynamic import of a computed path
// of our own, say): it would be missing from the bundle at run time, so the build stops.
const problems = [...result.errors, ...result.warnings];
if (problems.length > 0) {
  for (const p of problems) console.error(`bundle-dist: ${p.text}${p.location ? ` (${p.location.file}:${p.location.line})` : ''}`);
  process.exit(1);
}

await writeLicences(result.metafile, join(outdir, 'THIRD_PARTY_LICENSES.txt'));

/** Each package whose code a bundle holds: its name, version, licence and licence text. */
async function writeLicences(metafile, file) {
  const packages = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const found = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (found) packages.add(found[1]);
  }
  const sections = [];
  for (const name of [...packages].sort()) {
    const folder = join(root, 'node_modules', name);
    const manifest = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8'));
    const licenceFile = (await readdir(folder)).find((entry) => /^licen[cs]e/i.test(entry));
    if (!manifest.license) throw new Error(`bundle-dist: ${name} names no licence`);
    const author = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
    const text = licenceFile
      ? (await readFile(join(folder, licenceFile), 'utf8')).trim()
      : `The package ships no licence file; its package.json names the ${manifest.license} licence${author ? `, author ${author}` : ''}.`;
    sections.push(`${name}@${manifest.version} (${manifest.license})\n\n${text}\n`);
  }
  await writeFile(file, `Packages bundled into this folder, with their licences.\n\n${sections.join('\n---\n\n')}`);
}
