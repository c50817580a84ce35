import type { Draft } from '../../src/schema/dialect.js';

/** One folder of the suite's `tests/` and the dialect its schemas are written in. */
export interface SuiteDialect {
  /** The suite's folder name (`draft7`), also the name of its known-failure lists. */
  folder: string;
  /** What `defaultDialect` says for it: most of the suite's schemas have no `$schema`. */
  dialect: Draft;
}

export const SUITE_DIALECTS: readonly SuiteDialect[] = [
  { folder: 'draft4', dialect: 'draft-04' },
  { folder: 'draft6', dialect: 'draft-06' },
  { folder: 'draft7', dialect: 'draft-07' },
  { folder: 'draft2019-09', dialect: '2019-09' },
  { folder: 'draft2020-12', dialect: '2020-12' },
];

/**
 * The dialects this run covers: all of them, or those `SUITE_DIALECT` names
 * (comma-separated, by folder or dialect name: `draft7`, `draft-07,2019-09`). A name that
 * matches nothing is an error, not an empty run that passes.
 */
export function selectedDialects(env: string | undefined): SuiteDialect[] {
  if (env === undefined || env.trim() === '') return [...SUITE_DIALECTS];
  const wanted = env
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = wanted.filter((name) => !SUITE_DIALECTS.some((d) => d.folder === name || d.dialect === name));
  if (unknown.length > 0) {
    throw new Error(`SUITE_DIALECT: no suite dialect named ${unknown.join(', ')}; one of ${SUITE_DIALECTS.map((d) => d.folder).join(', ')}`);
  }
  return SUITE_DIALECTS.filter((d) => wanted.includes(d.folder) || wanted.includes(d.dialect));
}
