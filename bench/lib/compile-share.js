// One thread's share of a validator compile job (bench/compile-workers.js): the same
// calls compileValidators makes per type (src/emit/validators/index.ts), given only
// what a structured clone carries. Used by the worker threads and, in the "main + 1
// worker" variant, by the main thread too. Types are taken from a shared counter
// (Atomics.add), so the threads balance themselves.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { REPO } from './corpus.js';

const dist = (path) => import(pathToFileURL(join(REPO, 'dist', path)).href);
const [{ newAjvFor }, { standaloneCode }, { ajvOptions, keepDialectKeywords, addFormatsTo }, { externalRefKeyword }, { toModuleCode }] = await Promise.all([
  dist('ajv/dialects.js'),
  dist('ajv/modules.js'),
  dist('emit/validators/ajv-instance.js'),
  dist('emit/validators/external-ref-keyword.js'),
  dist('emit/validators/module-code.js'),
]);

/**
 * CPU time of the calling thread alone, in ms (Linux /proc/thread-self; 10 ms ticks):
 * on a shared machine, what each thread itself needed, whatever the others ran.
 */
export function threadCpuMs() {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime (fields 14, 15), at USER_HZ = 100
  } catch {
    return NaN;
  }
}

/**
 * job: { options, formats, validatorNames, displayPathOfId, protoStandIn,
 *        instances: { [key]: { dialect, schemas } }, types: [{ key, id, exportName, schemaPathPrefix }] }
 * (the settings every type shares travel once, not once per type).
 * next: Int32Array over a SharedArrayBuffer, [0] = the next type index to take.
 * Returns { results: [{ index, code } | { index, error }], diagnostics, setupMs (building the ajv instances) }.
 */
export function compileShare(job, next) {
  const diagnostics = [];
  let setupMs = 0;
  const instances = new Map();
  const ajvFor = (key) => {
    let ajv = instances.get(key);
    if (!ajv) {
      const start = performance.now();
      const { dialect, schemas } = job.instances[key];
      // createAjv's steps, with the run's formats computed by the main thread.
      ajv = newAjvFor(dialect, ajvOptions(dialect, job.options, diagnostics));
      keepDialectKeywords(ajv, dialect);
      ajv.addKeyword(externalRefKeyword(job.validatorNames));
      addFormatsTo(ajv, job.formats);
      ajv.addSchema(schemas, undefined, undefined, false);
      instances.set(key, ajv);
      setupMs += performance.now() - start;
    }
    return ajv;
  };
  const results = [];
  for (;;) {
    const index = Atomics.add(next, 0, 1);
    if (index >= job.types.length) break;
    const { key, id, exportName, schemaPathPrefix } = job.types[index];
    const settings = { exportName, schemaPathPrefix, displayPathOfId: job.displayPathOfId, validatorNames: job.validatorNames, protoStandIn: job.protoStandIn };
    try {
      const ajv = ajvFor(key);
      ajv.getSchema(id);
      const standalone = standaloneCode(ajv, { [exportName]: id });
      results.push({ index, code: toModuleCode(standalone, settings) });
    } catch (error) {
      // The real wiring maps these to the same diagnostics as the sequential path; the bench only reports them.
      results.push({ index, error: { name: error?.name, message: String(error?.message ?? error) } });
    }
  }
  return { results, diagnostics, setupMs };
}
