// Bundles the few ajv / ajv-formats helpers that generated validators call into small
// dependency-free modules (dist/runtime/<helper>.js), which `schema-gen` copies into
// the output next to the validators that need them. Runs as part of `npm run build`.
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'runtime');

// The code of these helpers is theirs: each bundle carries its licence notice.
const AJV = 'ajv, MIT License, Copyright (c) 2015-2021 Evgeny Poberezkin';
const notices = {
  ucs2length: [AJV],
  equal: [],
  uri: [AJV, 'fast-uri, BSD-3-Clause License, Copyright (c) 2011-2021 Gary Court, (c) 2021-present The Fastify team'],
  formats: ['ajv-formats, MIT License, Copyright (c) 2020 Evgeny Poberezkin'],
};

const helpers = {
  ucs2length: "import m from 'ajv/dist/runtime/ucs2length.js'; export const ucs2length = m;",
  // Our own: fast-deep-equal calls methods of the data (see src/runtime/json-equal.ts).
  equal: "export { equal } from './src/runtime/json-equal.ts';",
  uri: "import m from 'ajv/dist/runtime/uri.js'; export const uri = m;",
  formats: "import { fullFormats } from 'ajv-formats/dist/formats.js'; export const formats = fullFormats;",
};

await mkdir(outDir, { recursive: true });
for (const [name, contents] of Object.entries(helpers)) {
  for (const format of ['esm', 'cjs']) {
    const result = await build({
      stdin: { contents, resolveDir: root, sourcefile: `${name}-entry.js` },
      bundle: true,
      format,
      platform: 'neutral',
      mainFields: ['main', 'module'],
      target: 'es2020',
      write: false,
      legalComments: 'none',
      logLevel: 'silent',
    });
    const notice = notices[name].map((line) => `// ${line}\n`).join('');
    // esbuild names each bundled module by its path from here; where node_modules sits
    // (hoisted, linked, a workspace) must not change the bytes users check in.
    const code = result.outputFiles[0].text.replace(/(["\s/])(?:[^"\s]*\/)?node_modules\//g, '$1node_modules/');
    await writeFile(join(outDir, `${name}.${format === 'esm' ? 'js' : 'cjs'}`), notice + code);
  }
}
