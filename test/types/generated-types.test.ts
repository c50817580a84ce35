import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths.js';
import { typeErrors } from '../helpers/typecheck.js';

describe('checked-in generated/ types', () => {
  it('compile with tsc --strict, with a probe that assigns a valid literal to each type', () => {
    const generated = join(REPO_ROOT, 'generated');
    const declarations = [join(generated, 'index.d.ts'), ...readdirSync(join(generated, 'types')).map((f) => join(generated, 'types', f))];
    const probe = join(REPO_ROOT, 'test', 'types', 'probe', 'auth-flow.ts');
    expect(typeErrors([...declarations, probe])).toEqual([]);
  });
});

describe('checked-in generated/ declarations', () => {
  const typesDir = join(REPO_ROOT, 'generated', 'types');
  const sources = readdirSync(typesDir).map((f) => ({ file: f, text: readFileSync(join(typesDir, f), 'utf8') }));

  it('declare each type exactly once, in the file named after it', () => {
    const declared = sources.flatMap(({ file, text }) => [...text.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => ({ file, name: m[1]! })));
    expect(declared.map((d) => `${d.name}.d.ts`)).toEqual(declared.map((d) => d.file));
    expect(new Set(declared.map((d) => d.name)).size).toBe(declared.length);
  });

  it('have no numbered names, no index-signature intersections and no `& unknown`', () => {
    for (const { text } of sources) {
      expect(text).not.toMatch(/^export (?:interface|type) \w+\d\b/m);
      expect(text).not.toMatch(/&\s*\{\s*\[k(ey)?: string\]: unknown/);
      expect(text).not.toMatch(/& unknown/);
    }
  });
});
