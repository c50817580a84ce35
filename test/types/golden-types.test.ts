import { existsSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { FIXTURES } from '../helpers/paths.js';
import { typeErrors } from '../helpers/typecheck.js';

/**
 * Every golden case's expected/ declarations (and its probe.ts, when it has one: valid
 * literals, and `@ts-expect-error` lines for values the schema rejects) compile with
 * tsc --strict. All cases go into one program (they are modules, so names cannot
 * collide), then each case is checked for its own errors.
 */
const cases = readdirSync(FIXTURES)
  .filter((name) => existsSync(join(FIXTURES, name, 'expected')))
  .sort();

function declarationsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return declarationsUnder(path);
      return entry.name.endsWith('.d.ts') ? [path] : [];
    })
    .sort();
}

const filesOf = (name: string) => {
  const dir = join(FIXTURES, name);
  const probe = join(dir, 'probe.ts');
  return [...declarationsUnder(join(dir, 'expected')), ...(existsSync(probe) ? [probe] : [])];
};

describe('golden expected/ types', () => {
  let errors: string[] = [];
  beforeAll(() => {
    errors = typeErrors(cases.flatMap(filesOf));
  });

  it('has cases, some with a probe', () => {
    expect(cases.length).toBeGreaterThan(20);
    expect(cases.filter((name) => existsSync(join(FIXTURES, name, 'probe.ts'))).length).toBeGreaterThan(0);
  });

  it.each(cases)('%s: compiles with tsc --strict (with its probe, if any)', (name) => {
    expect(filesOf(name).length).toBeGreaterThan(0);
    expect(errors.filter((e) => e.startsWith(`${join(FIXTURES, name)}${sep}`))).toEqual([]);
  });

  it('no error falls outside the cases', () => {
    expect(errors.filter((e) => !cases.some((name) => e.startsWith(`${join(FIXTURES, name)}${sep}`)))).toEqual([]);
  });
});
