import fc from 'fast-check';
import { relative } from 'node:path';
import { outputRelative } from '../../src/up-to-date/settings.js';

describe('paths as the record names them', () => {
  it('are the relative path from the output folder, folder by folder remembered or not', () => {
    const segment = fc.constantFrom('a', 'b', 'schemas', 'out', 'generated', '..', '.', 'x y', 'é');
    const absolute = fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => `/${parts.join('/')}`);
    fc.assert(
      fc.property(absolute, absolute, fc.constantFrom('a.json', 'b.yaml', 'c'), (outDir, folder, name) => {
        const path = `${folder}/${name}`;
        // Twice: the second answer comes from the memo of the folder.
        return outputRelative(outDir, path) === relative(outDir, path) && outputRelative(outDir, path) === relative(outDir, path);
      }),
      { numRuns: 500 },
    );
    expect(outputRelative('/p/generated', '/p/schemas/a.json')).toBe('../schemas/a.json');
    expect(outputRelative('/p/schemas', '/p/schemas/a.json')).toBe('a.json');
  });
});
