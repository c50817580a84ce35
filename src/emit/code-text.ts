/**
 * The one place where text becomes part of generated code. Schemas are untrusted: their
 * strings reach output only as string literals, comment text or constant values written
 * here; identifiers are only ever our own names, checked against an allow-list pattern.
 * A name that fails the check is our bug (an internal error), never silently emitted.
 */

/** Thrown when our own code hands something unsafe to the code writer: a bug, exit 70. */
export class CodeTextError extends Error {
  constructor(message: string) {
    super(`schema-gen: ${message}`);
    this.name = 'CodeTextError';
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Words that cannot name a binding in a strict-mode module (or would mean something else). */
const RESERVED = new Set(
  (
    'await break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'implements import in instanceof interface let new null package private protected public return static super switch this throw ' +
    'true try typeof var void while with yield arguments eval undefined'
  ).split(' '),
);

/** Whether `name` may be written as a binding in generated code. */
export function isSafeIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !RESERVED.has(name);
}

/** One of our own names (a validator, a runtime helper, a type), checked before it becomes code. */
export function identifier(name: string): string {
  if (!isSafeIdentifier(name)) throw new CodeTextError(`refusing to write ${JSON.stringify(name)} as an identifier in generated code`);
  return name;
}

/** A string literal for any text: JSON escaping plus the two line separators JSON leaves raw. */
export function stringLiteral(value: string): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * A regular expression (a schema's `pattern`) as code that builds it: `new RegExp("…", "u")`.
 * Through a string literal rather than a `/…/` literal, so no pattern text can end the
 * expression early; `u` because JSON Schema patterns are Unicode-aware (as in our validators).
 */
export function regExpCode(pattern: string): string {
  return `new RegExp(${stringLiteral(pattern)}, "u")`;
}

/** A property name in a TypeScript declaration: bare when it is an identifier, else quoted exactly. */
export function propertyName(name: string): string {
  return IDENTIFIER.test(name) ? name : stringLiteral(name);
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * A JSON value as a JavaScript expression that builds an equal value. Keys are quoted as
 * JSON does, except `__proto__`: in an object literal `"__proto__": x` sets the prototype
 * instead of making a property, so it is written as a computed key, `["__proto__"]: x`.
 * As in JSON.stringify, array holes are `null` and undefined members are left out.
 * `key` may rename keys as they are written. Iterative, so deeply nested constants
 * cannot overflow the stack.
 */
export function jsLiteral(value: JsonValue, key: (name: string) => string = (name) => name): string {
  type Work = { code: string } | { value: JsonValue | undefined };
  const out: string[] = [];
  const work: Work[] = [{ value }];
  const pushInOrder = (items: Work[]) => {
    for (let i = items.length - 1; i >= 0; i--) work.push(items[i]!);
  };
  while (work.length > 0) {
    const item = work.pop()!;
    if ('code' in item) {
      out.push(item.code);
      continue;
    }
    const v = item.value;
    if (v === undefined || v === null) {
      out.push('null');
    } else if (Array.isArray(v)) {
      const items: Work[] = [{ code: '[' }];
      for (let i = 0; i < v.length; i++) items.push(...(i > 0 ? [{ code: ',' }] : []), { value: v[i] });
      pushInOrder([...items, { code: ']' }]);
    } else if (typeof v === 'object') {
      const items: Work[] = [{ code: '{' }];
      for (const name of Object.keys(v)) {
        if (v[name] === undefined) continue;
        const written = key(name);
        items.push({ code: `${items.length > 1 ? ',' : ''}${written === '__proto__' ? `[${stringLiteral(written)}]` : stringLiteral(written)}:` }, { value: v[name] });
      }
      pushInOrder([...items, { code: '}' }]);
    } else if (typeof v === 'string') {
      out.push(stringLiteral(v));
    } else if (typeof v === 'number') {
      // JSON has no NaN or Infinity; a constant parsed from JSON never holds them.
      if (!Number.isFinite(v)) throw new CodeTextError(`refusing to write the non-JSON number ${v} as a constant`);
      out.push(JSON.stringify(v));
    } else if (typeof v === 'boolean') {
      out.push(String(v));
    } else {
      throw new CodeTextError(`refusing to write a ${typeof v} as a JSON constant`);
    }
  }
  return out.join('');
}

/**
 * Any text, safe inside a block comment: nothing can close it early, line separators
 * that some tools treat as newlines become visible escapes, and `{@` cannot start an
 * inline tag.
 */
export function commentText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\*\//g, '*\\/')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029')
      .replace(/\{@/g, '{\\@')
      // Other control characters would be invisible in review.
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  );
}

/** Text for a `//` comment (the banner's source name): nothing in it can end the line. */
export function lineCommentText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, '?');
}

/** The relative module path of a type's generated file, e.g. `./Pet.js`: a checked name, never a path. */
export function siblingModule(name: string): string {
  return `./${identifier(name)}.js`;
}
