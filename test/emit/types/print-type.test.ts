import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from '../../../src/index.js';
import { typeErrors } from '../../helpers/typecheck.js';
import { withTempDir } from '../../helpers/temp-dir.js';

/**
 * Tuples that refer back to the alias being declared, in the forms where TypeScript's
 * choice between resolving element types at once or later decides whether it can
 * (TS2456): each schema's output must compile with tsc --strict, and the labelling
 * the printer chose is the one that does.
 */
const SCHEMAS: Record<string, { schema: object; printed: string }> = {
  // The rest names the alias: resolved later only unlabelled.
  SelfRest: { schema: { prefixItems: [{}], items: { $ref: '#' } }, printed: '[unknown?, ...SelfRest[]]' },
  // An optional element's array type names it, nothing resolves later: labelled.
  NestedPath: { schema: { type: 'array', prefixItems: [{ type: 'array', items: { $ref: '#' } }] }, printed: '[item0?: NestedPath[], ...rest: unknown[]]' },
  // The rest names it inside an intersection (found by the hostile-input fuzz too).
  SelfAndString: { schema: { prefixItems: [{}], items: { type: ['string'], $ref: '#' } }, printed: '[unknown?, ...(SelfAndString & string)[]]' },
  // Both: the rest makes it resolved later, unlabelled.
  Both: { schema: { prefixItems: [{ type: 'array', items: { $ref: '#' } }], items: { $ref: '#' } }, printed: '[Both[]?, ...Both[]]' },
  // Through another alias.
  Outer: { schema: { prefixItems: [{}], items: { $ref: '#/components/schemas/Inner' } }, printed: '[unknown?, ...Inner[]]' },
  Inner: { schema: { anyOf: [{ $ref: '#/components/schemas/Outer' }, { type: 'number' }] }, printed: 'Outer | number' },
  // An interface names nothing TypeScript would wait for: the optional array element keeps the labels.
  WithObject: {
    schema: { type: 'array', prefixItems: [{ $ref: '#/components/schemas/Point' }, { type: 'array', items: { $ref: '#' } }] },
    printed: '[item0?: Point, item1?: WithObject[], ...rest: unknown[]]',
  },
  Point: { schema: { type: 'object', properties: { x: { type: 'number' } } }, printed: '{' },
  // In a union inside an array.
  InArray: { schema: { type: 'array', items: { anyOf: [{ type: 'array', prefixItems: [{}], items: { $ref: '#' } }, { type: 'string' }] } }, printed: '([unknown?, ...InArray[]] | string)[]' },
};

describe('tuples that refer back to their alias', () => {
  it('are printed in the form TypeScript resolves, and compile', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      for (const [title, { schema }] of Object.entries(SCHEMAS)) await writeFile(join(dir, 'schemas', `${title}.json`), JSON.stringify({ title, ...schema }));
      const report = await generate({ cwd: dir, inputs: ['schemas'], outDir: 'out', typesOnly: true, cache: false });
      expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const types = join(dir, 'out', 'types');
      for (const [title, { printed }] of Object.entries(SCHEMAS)) expect(await readFile(join(types, `${title}.d.ts`), 'utf8')).toContain(printed);
      expect(typeErrors((await readdir(types)).map((name) => join(types, name)))).toEqual([]);
    }));
});
