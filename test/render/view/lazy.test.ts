import { lazy, lazyView, ReadTracer, trackedView } from '../../../src/render/view/lazy.js';

describe('views', () => {
  it('a lazy field is computed once, on first read; JSON and spread see every field in order', () => {
    let computed = 0;
    const view = lazyView<{ a: number; b: string; c: number }>({ a: 1, b: lazy(() => (computed++, 'two')), c: 3 });
    expect(computed).toBe(0);
    expect([view.b, view.b]).toEqual(['two', 'two']);
    expect(computed).toBe(1);
    expect(JSON.stringify(view)).toBe('{"a":1,"b":"two","c":3}');
    expect(Object.keys({ ...view })).toEqual(['a', 'b', 'c']);
  });

  it('a tracked view tells the tracer of every read of a field with a dependency, each time, and only while a file is traced', () => {
    const tracer = new ReadTracer();
    let computed = 0;
    const view = trackedView<{ name: string; doc: string; version: string }>(
      { name: 'Pet', doc: lazy(() => (computed++, 'A pet.')), version: '1.0' },
      (field) => (field === 'version' ? undefined : `${field}:Pet`),
      tracer,
    );
    expect(view.name).toBe('Pet'); // no file traced: nothing recorded, nothing fails
    const first = new Set<string>();
    tracer.current = first;
    expect([view.doc, view.version]).toEqual(['A pet.', '1.0']);
    expect([...first]).toEqual(['doc:Pet']);
    // A second file reading the same (shared) view is told too; the value is not computed again.
    const second = new Set<string>();
    tracer.current = second;
    expect(JSON.stringify(view)).toBe('{"name":"Pet","doc":"A pet.","version":"1.0"}');
    expect([...second].sort()).toEqual(['doc:Pet', 'name:Pet']);
    expect(computed).toBe(1);
    // Mustache asks with `in` before it reads: the fields are there.
    expect(['name', 'doc', 'version'].every((field) => field in view)).toBe(true);
  });
});
