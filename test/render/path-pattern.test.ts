import { expandPath, parsePathPattern, patternOverlap, type PathPattern } from '../../src/render/path-pattern.js';

const pattern = (source: string, scope: 'schema' | 'run' | 'runtimeHelper' = 'schema'): PathPattern => {
  const parsed = parsePathPattern(source, scope);
  if (!('pattern' in parsed)) throw new Error(parsed.problem);
  return parsed.pattern;
};
const problem = (source: string, scope: 'schema' | 'run' | 'runtimeHelper' = 'schema') => {
  const parsed = parsePathPattern(source, scope);
  return 'problem' in parsed ? parsed : undefined;
};

describe('output path patterns', () => {
  it('expand {{name}} and the case helpers', () => {
    expect(expandPath(pattern('types/{{name}}.d.ts'), 'PetOwner')).toBe('types/PetOwner.d.ts');
    expect(expandPath(pattern('{{kebab name}}.ts'), 'PetOwner')).toBe('pet-owner.ts');
    expect(expandPath(pattern('a/{{ snake  name }}/{{camel name}}.md'), 'PetOwner')).toBe('a/pet_owner/petOwner.md');
    expect(expandPath(pattern('all.ts', 'run'), '')).toBe('all.ts');
  });

  it.each([
    ['../{{name}}.ts', 'would leave the output folder'],
    ['/abs/{{name}}.ts', 'would leave the output folder'],
    ['types//{{name}}.ts', 'would leave the output folder'],
    ['a/./{{name}}.ts', 'would leave the output folder'],
    ['.schema-gen-manifest/{{name}}', 'bookkeeping'],
    ['types/{{name}}\u0000.ts', 'U+0000'],
    ['C:\\{{name}}.ts', 'not ":"'],
    ['types/{{name}} copy.ts', 'not U+0020'],
    ['{{nmae}}.ts', 'unknown placeholder "{{nmae}}"'],
    ['{{upper name}}.ts', 'unknown placeholder'],
    ['{name}.ts', 'a placeholder is {{name}}'],
    ['types/all.d.ts', 'holds no {{name}}'],
  ])('refuse %j', (source, expected) => {
    expect(problem(source)?.problem).toContain(expected);
  });

  it('say where in the pattern the problem is', () => {
    expect(problem('types/{{nmae}}.ts')?.offset).toBe(6);
    expect(problem('ab\u0000c/{{name}}')?.offset).toBe(2);
  });

  it('refuse placeholders in a once-per-run path', () => {
    expect(problem('{{name}}.ts', 'run')?.problem).toContain('cannot hold a placeholder');
  });

  it('tell paths that are always, maybe or never the same', () => {
    expect(patternOverlap(pattern('types/{{name}}.ts'), pattern('TYPES/{{pascal name}}.ts'))).toBe('always');
    expect(patternOverlap(pattern('{{name}}.ts'), pattern('{{camel name}}.ts'))).toBe('always');
    expect(patternOverlap(pattern('{{kebab name}}.ts'), pattern('{{snake name}}.ts'))).toBe('maybe');
    expect(patternOverlap(pattern('index.ts', 'run'), pattern('{{kebab name}}.ts'))).toBe('maybe');
    expect(patternOverlap(pattern('types/{{name}}.d.ts'), pattern('validators/{{name}}.d.ts'))).toBe('never');
    expect(patternOverlap(pattern('index.js', 'run'), pattern('{{name}}.ts'))).toBe('never');
  });
});
