import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate, type Diagnostic, type GenerateOptions } from '../../src/index.js';
import type { Dialect } from '../../src/schema/dialect.js';
import { vocabularyOf } from '../../src/schema/keywords/index.js';
import { documentDialect, walkSchema } from '../../src/schema/walk.js';
import { resolveUri, stripFragment } from '../../src/schema/uri.js';
import { REMOTE_PREFIX, SUITE_REMOTES, type Compiled, type SuiteGroup } from './suite.js';

type Validator = (data: unknown) => boolean;

/** The input file and forced type name of group `i`; the schema itself is written unchanged. */
const fileOf = (i: number) => `g${String(i).padStart(3, '0')}.json`;
const nameOf = (i: number) => `SuiteCase${String(i).padStart(3, '0')}`;

/**
 * Compile the groups of one suite file through our generator: every group schema is an
 * input file of its own, as few `generate` runs as possible (one, usually), and each
 * group's `validate<Name>` imported from the output. A group whose schema the generator
 * refuses gets the diagnostics as its reason.
 *
 * `dir` must be fresh: ES modules are cached by URL, so no output folder is reused.
 */
export async function compileWithSchemaGen(dir: string, groups: SuiteGroup[], options: Pick<GenerateOptions, 'formats' | 'allErrors' | 'defaultDialect'> = {}): Promise<Compiled[]> {
  const compiled: Compiled[] = new Array(groups.length);
  const pending = planBatches(groups, options.defaultDialect);
  let run = 0;
  while (pending.length > 0) {
    const batch = pending.shift()!;
    const cwd = join(dir, `run-${run++}`);
    await mkdir(join(cwd, 'schemas'), { recursive: true });
    for (const i of batch) await writeFile(join(cwd, 'schemas', fileOf(i)), JSON.stringify(groups[i]!.schema, null, 2));
    const report = await generate({
      cwd,
      inputs: ['schemas'],
      outDir: 'out',
      uriMap: { [REMOTE_PREFIX]: SUITE_REMOTES },
      allowRemote: false,
      names: Object.fromEntries(batch.map((i) => [`schemas/${fileOf(i)}`, nameOf(i)])),
      ...options,
    });
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    if (report.status === 'failed') {
      if (batch.length === 1) {
        compiled[batch[0]!] = { rejected: errors.map(describeDiagnostic).join('; ') || 'generate failed without an error' };
        continue;
      }
      // Batching must not change a result: rerun the groups the errors name on their own
      // (their errors may come from a neighbour), the others together; when an error names
      // no group (a remote document, say), every group on its own.
      const named = new Set(batch.filter((i) => errors.some((d) => d.file === `schemas/${fileOf(i)}`)));
      const unattributed = errors.some((d) => !batch.some((i) => d.file === `schemas/${fileOf(i)}`));
      const alone = unattributed ? batch : batch.filter((i) => named.has(i));
      const rest = batch.filter((i) => !alone.includes(i));
      pending.push(...alone.map((i) => [i]), ...(rest.length > 0 ? [rest] : []));
      continue;
    }
    const index = (await import(pathToFileURL(join(cwd, 'out', 'index.js')).href)) as Record<string, Validator>;
    for (const i of batch) {
      const validate = index[`validate${nameOf(i)}`];
      compiled[i] = validate ? { validate, types: { index: join(cwd, 'out', 'index.js'), name: nameOf(i) } } : { rejected: `no validate${nameOf(i)} in the output` };
    }
  }
  return compiled;
}

function describeDiagnostic(d: Diagnostic): string {
  return `${d.code}${d.pointer !== undefined ? ` at ${d.pointer || '(root)'}` : ''}: ${d.message}`;
}

/**
 * Groups that may share one run: none declares a resource (`$id`) that another declares
 * or refers to. (Otherwise a ref that should fail, or reach a remote, could silently reach
 * a neighbour; duplicate ids would fail the run.) Relative ids and refs are resolved as
 * they will be in the run's `schemas/` folder, each schema read in the dialect the run
 * will read it in (`defaultDialect` unless its `$schema` says otherwise).
 */
export function planBatches(groups: SuiteGroup[], defaultDialect: Dialect = '2020-12'): number[][] {
  const uris = groups.map((g, i) => resourceUris(g.schema, `file:///schemas/${fileOf(i)}`, documentDialect(g.schema, 'input', defaultDialect)));
  const batches: { members: number[]; declared: Set<string>; referenced: Set<string> }[] = [];
  uris.forEach(({ declared, referenced }, i) => {
    const fits = (b: (typeof batches)[number]) => ![...declared].some((u) => b.declared.has(u) || b.referenced.has(u)) && ![...referenced].some((u) => b.declared.has(u));
    let batch = batches.find(fits);
    if (!batch) batches.push((batch = { members: [], declared: new Set(), referenced: new Set() }));
    batch.members.push(i);
    declared.forEach((u) => batch!.declared.add(u));
    referenced.forEach((u) => batch!.referenced.add(u));
  });
  return batches.map((b) => b.members);
}

/**
 * The resources a schema declares and those it refers to. Generous on purpose: an id is
 * counted even where its dialect ignores it (beside a `$ref` up to draft-07), and a ref
 * beside an id is resolved both with and without it, which can only keep groups apart,
 * never put two together that must not be.
 */
function resourceUris(schema: unknown, fileUri: string, dialect: Dialect): { declared: Set<string>; referenced: Set<string> } {
  const declared = new Set<string>();
  const referenced = new Set<string>();
  walkSchema(
    schema,
    '',
    fileUri,
    (node, _pointer, base, here) => {
      let inner = base;
      const idValue = node[vocabularyOf(here).idKeyword];
      if (typeof idValue === 'string') {
        const id = resolveUri(idValue, base);
        if (id) declared.add((inner = stripFragment(id)));
      }
      for (const key of ['$ref', '$dynamicRef', '$recursiveRef']) {
        if (typeof node[key] !== 'string') continue;
        // Up to draft-07 a `$ref` ignores the `$id` beside it: count both readings.
        for (const against of new Set([base, inner])) {
          const target = resolveUri(node[key], against);
          if (target && stripFragment(target) !== fileUri) referenced.add(stripFragment(target));
        }
      }
      return inner;
    },
    dialect,
  );
  return { declared, referenced };
}
