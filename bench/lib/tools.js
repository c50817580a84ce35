// What the reference benchmark runs on one corpus, each row one process per run: an empty
// node, the two I/O floors, schema-gen in its four situations (and cold with types alone), json-schema-to-typescript
// (types alone, with and without prettier), ajv's standalone precompilation, and the cost
// of importing schema-gen's output up to the first validation.
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const HERE = dirname(new URL(import.meta.url).pathname);
const CHILD = (name) => join(HERE, 'children', name);
const JSTT_CLI = join(dirname(require.resolve('json-schema-to-typescript/package.json')), 'dist/src/cli.js');

/** The arguments that generate `corpus` with schema-gen, as its README shows. */
export const schemaGenArgs = (corpus) => [...corpus.inputs, ...corpus.components.flatMap((file) => ['--components', file])];

/**
 * A tool: `{ key, corpus, label, group, prepare(run) → { args, cwd }, cleanup(), inProcess? }`.
 * `prepare` gets the run's number; whatever a run creates is removed by `cleanup`, untimed.
 */
export function toolsFor(corpus, { bin, pack, importOut, only }) {
  const sgArgs = schemaGenArgs(corpus);
  const fresh = (key, run) => join(corpus.dir, 'runs', `${key}-${run}`);
  const inputs = [...corpus.inputs, ...corpus.components];
  const plainIsFile = statSync(corpus.plain).isFile();
  const jsttCwd = plainIsFile ? dirname(corpus.plain) : corpus.plain;
  const jstt = (run, extra) => {
    const out = fresh('jstt', run);
    return { args: [JSTT_CLI, '-i', corpus.plain, '-o', plainIsFile ? join(out, 'catalogue.d.ts') : out, `--cwd=${jsttCwd}`, ...(corpus.jsttOptions ?? []), ...extra], cwd: jsttCwd };
  };
  const removeRuns = () => rmSync(join(corpus.dir, 'runs'), { recursive: true, force: true });
  const firstValidation = (module) =>
    module ? { args: [CHILD('first-validation.js'), module, `validate${corpus.probe.name}`, ...(corpus.probe.instance ? [corpus.probe.instance] : [])], cwd: corpus.dir } : undefined;
  const tools = [
    { key: 'node', group: 'baseline', label: 'node, empty script (start-up; every row pays it)', prepare: () => ({ args: ['-e', ''], cwd: corpus.dir }) },
    { key: 'floor-read', group: 'floor', label: 'I/O floor (a): read + parse the inputs (JSON.parse, js-yaml)', prepare: () => ({ args: [CHILD('floor-read.js'), ...inputs], cwd: corpus.dir }) },
    {
      key: 'floor-write',
      group: 'floor',
      label: 'I/O floor (b): (a) + write the files schema-gen writes, into a new folder',
      prepare: (run) => ({ args: [CHILD('floor-write.js'), pack, fresh('floor-write', run), ...inputs], cwd: corpus.dir }),
      cleanup: removeRuns,
    },
    {
      key: 'sg-cold',
      group: 'schema-gen',
      label: 'schema-gen, cold: no validator cache, no output folder',
      prepare: (run) => ({ args: [bin, ...sgArgs, '-o', fresh('sg-cold', run)], cwd: join(corpus.dir, 'cold') }),
      cleanup: removeRuns,
    },
    {
      key: 'sg-cold-types',
      group: 'schema-gen',
      label: 'schema-gen `--types-only`, cold: types alone, as json-schema-to-typescript makes',
      prepare: (run) => ({ args: [bin, ...sgArgs, '--types-only', '-o', fresh('sg-cold-types', run)], cwd: join(corpus.dir, 'cold') }),
      cleanup: removeRuns,
    },
    { key: 'sg-noop', group: 'schema-gen', label: 'schema-gen, no-op: output current', prepare: () => ({ args: [bin, ...sgArgs, '-o', join(corpus.project, 'generated')], cwd: corpus.project }) },
    {
      key: 'sg-check',
      group: 'schema-gen',
      label: 'schema-gen `--check`, output current',
      prepare: () => ({ args: [bin, ...sgArgs, '-o', join(corpus.project, 'generated'), '--check'], cwd: corpus.project }),
    },
    {
      key: 'sg-edit',
      group: 'schema-gen',
      label: 'schema-gen, one schema edited (one description, alternating A/B)',
      prepare: (run) => {
        writeFileSync(corpus.edit.file, corpus.edit.versions[run % 2]);
        return { args: [bin, ...sgArgs, '-o', join(corpus.project, 'generated')], cwd: corpus.project };
      },
    },
    { key: 'jstt', group: 'other', label: 'json-schema-to-typescript 15 CLI, types only (default: prettier)', prepare: (run) => jstt(run, []), cleanup: removeRuns },
    { key: 'jstt-plain', group: 'other', label: 'json-schema-to-typescript 15 CLI, types only, `--no-format`', prepare: (run) => jstt(run, ['--no-format']), cleanup: removeRuns },
    {
      key: 'ajv',
      group: 'other',
      label: 'ajv 8 standalone: compile every schema, write standaloneCode (one module)',
      prepare: (run) => ({ args: [CHILD('ajv-standalone.js'), corpus.plain, `${fresh('ajv', run)}.js`], cwd: corpus.dir }),
      cleanup: removeRuns,
    },
    { key: 'import-index', group: 'import', label: 'import generated `index.js`, validate once', prepare: () => firstValidation(join(importOut, 'index.js')), inProcess: true },
    { key: 'import-bundle', group: 'import', label: 'import `--bundle`’s `bundle.js`, validate once', prepare: () => firstValidation(existingFile(join(importOut, 'bundle.js'))), inProcess: true },
    {
      key: 'import-one',
      group: 'import',
      label: `import one validator module (${corpus.probe.name}), validate once`,
      prepare: () => firstValidation(deepModule(importOut, corpus.probe.name)),
      inProcess: true,
    },
  ];
  return tools.filter((tool) => !only || only.includes(tool.key)).map((tool) => ({ ...tool, corpus }));
}

const existingFile = (path) => (existsSync(path) ? path : undefined);

/** The per-schema validator module of `name`: `validators/<name>.js` today; searched for if the layout moves it. */
export function deepModule(outDir, name) {
  const usual = join(outDir, 'validators', `${name}.js`);
  if (existsSync(usual)) return usual;
  const search = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'types') {
        const found = search(path);
        if (found) return found;
      } else if (entry.name === `${name}.js` || entry.name === `validate${name}.js`) return path;
    }
    return undefined;
  };
  return search(outDir);
}
