import ajv2020Module from 'ajv/dist/2020.js';
import ajvFormatsModule from 'ajv-formats';
import type { GenerateOptions } from '../../src/index.js';
import { suiteRemotes, type Compiled, type SuiteGroup } from './suite.js';

const Ajv2020 = ajv2020Module.default;
const addFormats = ajvFormatsModule.default;

let remotes: { url: string; schema: unknown }[] | undefined;

/**
 * ajv's own run-time compilation of a group schema, configured as our generator
 * configures it (src/emit/validators/index.ts, createAjv): same options and formats, the
 * suite's remotes added under their `http://localhost:1234/…` URLs. A fresh instance per
 * group, so that ids of one group never answer refs of another.
 */
export function compileWithAjv(group: SuiteGroup, options: Pick<GenerateOptions, 'formats' | 'allErrors'> = {}): Compiled {
  remotes ??= suiteRemotes();
  const ajv = new Ajv2020({
    allErrors: options.allErrors ?? true,
    strictSchema: false,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    validateFormats: (options.formats ?? 'assert') === 'assert',
    unicodeRegExp: true,
    code: { optimize: true },
    logger: false,
  });
  addFormats(ajv);
  const known = new Set(Object.keys(ajv.formats));
  for (const format of formatsIn(group.schema)) if (!known.has(format)) ajv.addFormat(format, true);
  try {
    // Remotes of other drafts name meta-schemas this instance does not hold: add them unchecked, as our generator does.
    for (const remote of remotes) ajv.addSchema(remote.schema as object, remote.url, undefined, false);
    const validate = ajv.compile(group.schema as object);
    return { validate: (data) => validate(data) as boolean };
  } catch (error) {
    return { rejected: `ajv: ${(error as Error).message}` };
  }
}

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
