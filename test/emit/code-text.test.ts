import { CodeTextError, commentText, identifier, jsLiteral, lineCommentText, propertyName, siblingModule, stringLiteral } from '../../src/emit/code-text.js';

describe('code-text: the one way text becomes generated code', () => {
  it('identifiers: only names of the allow-listed form, never reserved words', () => {
    expect(identifier('validatePet')).toBe('validatePet');
    expect(identifier('_1$')).toBe('_1$');
    for (const bad of ['eval', 'arguments', 'undefined', 'delete', 'await', 'a-b', '1a', '', 'x;alert(1)', 'caf\u00e9', 'a\u2028']) {
      expect(() => identifier(bad)).toThrow(CodeTextError);
    }
    expect(siblingModule('Pet')).toBe('./Pet.js');
    expect(() => siblingModule('../../etc/passwd')).toThrow(CodeTextError);
  });

  it('string literals: any text, including line separators JSON leaves raw', () => {
    const tricky = 'a"b\\c\n\u2028\u2029</script>${x}`';
    const literal = stringLiteral(tricky);
    expect(literal).not.toMatch(/[\n\u2028\u2029]/);
    expect(new Function(`return ${literal}`)()).toBe(tricky);
  });

  it('property names of declarations: bare identifiers, else quoted exactly', () => {
    expect(propertyName('name')).toBe('name');
    expect(propertyName('a-b')).toBe('"a-b"');
    expect(propertyName('x\u2028')).toBe('"x\\u2028"');
  });

  it('JSON constants: __proto__ keys become own properties, and the value round-trips', () => {
    const value = JSON.parse('{"a":[1,"x",null,true,{"__proto__":{"y":[2]}}],"__proto__":{"z":1},"constructor":0}') as Parameters<typeof jsLiteral>[0];
    const literal = jsLiteral(value);
    expect(literal).toBe('{"a":[1,"x",null,true,{["__proto__"]:{"y":[2]}}],["__proto__"]:{"z":1},"constructor":0}');
    const built = new Function(`return ${literal}`)() as Record<string, unknown>;
    expect(Object.getPrototypeOf(built)).toBe(Object.prototype);
    expect(Object.keys(built)).toEqual(['a', '__proto__', 'constructor']);
    expect(JSON.stringify(built)).toBe(JSON.stringify(value));
  });

  it('JSON constants: keys can be renamed as written, holes are null, nesting depth does not matter', () => {
    expect(jsLiteral({ standIn: 1, b: 2 }, (k) => (k === 'standIn' ? '__proto__' : k))).toBe('{["__proto__"]:1,"b":2}');
    // eslint-disable-next-line no-sparse-arrays -- the hole is what this case is about
    expect(jsLiteral([1, , 3] as unknown as Parameters<typeof jsLiteral>[0])).toBe('[1,null,3]');
    let deep: Parameters<typeof jsLiteral>[0] = 0;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(jsLiteral(deep)).toBe(`${'['.repeat(100_000)}0${']'.repeat(100_000)}`);
  });

  it('comments: nothing closes a block comment or hides in control characters', () => {
    expect(commentText('a */ b {@link x} \u2028 \u0007')).toBe('a *\\/ b {\\@link x} \\u2028 \\u0007');
    expect(lineCommentText('schemas/a\nb\u2029.json')).toBe('schemas/a?b?.json');
  });
});
