import { newAjvFor } from '../../src/ajv/dialects.js';
import { addFormatsTo, ajvOptions, keepDialectKeywords } from '../../src/emit/validators/ajv-instance.js';
import type { ValidatorOptions } from '../../src/emit/validators/index.js';
import type { Dialect } from '../../src/schema/dialect.js';
import { suiteRemotes, type Compiled, type SuiteGroup } from './suite.js';

let remotes: { url: string; schema: unknown }[] | undefined;
let remoteFormats: Set<string> | undefined;

/**
 * ajv's own run-time compilation of a group schema, configured as our generator
 * configures it: ajv's class for the dialect (`newAjvFor`), the options of
 * `ajvOptions`, the dialect's keywords only (`keepDialectKeywords`) and the formats of `addFormatsTo` (src/emit/validators/ajv-instance.ts,
 * what `createAjv` uses), the suite's remotes added under their `http://localhost:1234/…`
 * URLs. A fresh instance per group, so that ids of one group never answer refs of another.
 */
export function compileWithAjv(group: SuiteGroup, dialect: Dialect, options: ValidatorOptions): Compiled {
  remotes ??= suiteRemotes();
  remoteFormats ??= formatsIn(remotes.map((r) => r.schema));
  // ajv's warnings and errors are what our run would report as diagnostics; a compile error also throws.
  const ajv = newAjvFor(dialect, ajvOptions(dialect, options, []));
  keepDialectKeywords(ajv, dialect);
  addFormatsTo(ajv, new Set([...formatsIn(group.schema), ...remoteFormats]));
  try {
    // Remotes of other drafts name meta-schemas this instance does not hold: add them unchecked, as our generator does.
    for (const remote of remotes) ajv.addSchema(remote.schema as object, remote.url, undefined, false);
    const validate = ajv.compile(group.schema as object);
    return { validate: (data) => validate(data) as boolean };
  } catch (error) {
    return { rejected: `ajv: ${(error as Error).message}` };
  }
}

/** Every `format` value in a schema (data that looks like one too: an unused annotation format changes nothing). */
function formatsIn(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => formatsIn(s, found));
  else if (schema !== null && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'format' && typeof value === 'string') found.add(value);
      else formatsIn(value, found);
    }
  }
  return found;
}
