import fc from 'fast-check';

/**
 * Strings that try to break out of every place a schema string can land: doc comments,
 * string literals, template literals, regex sources, mustache, file names, terminals.
 * Each is a fact about some output syntax, not a guess at our implementation.
 */
export const BREAKOUT_STRINGS: readonly string[] = [
  '*/', '/*', '/**', '//', '*/ globalThis.__fuzzPwned = 1; /*', '\n*/\nglobalThis.__fuzzPwned = 1;\n/**',
  '<p>html</p>', '<script>globalThis.__fuzzPwned = 1</script>', '</script>', '<!--', '-->', '<![CDATA[', '<note>n</note>',
  '`', '${globalThis.__fuzzPwned = 1}', '`+(globalThis.__fuzzPwned = 1)+`', "'", '"', '\\', '\\u2028', "');globalThis.__fuzzPwned=1;('",
  '"+(globalThis.__fuzzPwned = 1)+"', '\u2028', '\u2029', 'a\u2028b\u2029c', '\0', 'nul\0byte', '\x1b[2J\x1b[H', '\x1b]0;pwned\x07',
  '\x1b[31mred\x1b[0m', '\r', '\r\n', '\t', '\b\v\f', '\x7f', '\x9b2J', '\ud800', '\udfff', 'lone\ud83d', '\ud83d\ude00', '\ufeff',
  '\u202e', '\u200b', 'e\u0301', '名前', 'Ω', '', ' ', '  ', '{{x}}', '{{{x}}}', '{{#x}}{{/x}}', '{{=<% %>=}}', '{{>partial}}',
  '@type {x}', '{@link y}', '@returns x', '@ts-ignore', '// @ts-nocheck', '/// <reference path="x" />', '#!/bin/sh', '# heading', '[a](javascript:x)',
  '../', '../../secret.json', '..%2F..%2Fsecret.json', '..\\..\\x', 'C:\\x', '/etc/passwd', '%00', '%2e%2e', '%', '%25', '#', '?', '~', '~0', '~1', 'a/b',
  'file:///etc/passwd', 'https://json-schema.org/draft/2020-12/..%2F..%2Fx.json', '//host/x', '\\\\host\\share',
  '3D model', '123', '-1', '1e400', 'NaN', 'Infinity', 'true', 'null', 'undefined',
];

/** Names every object has, or that JavaScript treats specially. */
export const OBJECT_NAMES: readonly string[] = [
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable',
  'toLocaleString', '__defineGetter__', '__lookupSetter__', 'then', 'length', 'name', 'caller', 'arguments', 'call', 'apply', 'bind',
];

export const JS_RESERVED_WORDS: readonly string[] = [
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends',
  'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw',
  'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'implements', 'interface', 'package', 'private',
  'protected', 'public', 'await', 'async', 'of', 'eval', 'Function', 'globalThis', 'require', 'module', 'exports',
  // TypeScript's own words, where a type name may land.
  'type', 'namespace', 'declare', 'keyof', 'readonly', 'unique', 'infer', 'never', 'unknown', 'any', 'object', 'string', 'number',
  'boolean', 'symbol', 'bigint', 'is', 'asserts', 'abstract', 'satisfies', 'accessor', 'global', 'Object', 'Array', 'Date', 'Promise',
];

/** Prefixes of the variables ajv's standalone code declares, which take a number suffix. */
export const AJV_NUMBERED_PREFIXES: readonly string[] = [
  'validate', 'schema', 'formats', 'pattern', 'func', 'wrapper', 'root', 'keyword', 'obj', 'Error', 'data', 'evaluated', 'props',
  'items', 'valid', '_errs', 'i', 'key', 'len', 'errs', 'vErrors', 'errors',
];

/** Names ajv's code (and ours around it) uses as they are. */
export const AJV_PLAIN_NAMES: readonly string[] = [
  'data', 'errors', 'vErrors', 'instancePath', 'parentData', 'parentDataProperty', 'rootData', 'dynamicAnchors', 'evaluated', 'self',
  'scope', 'ucs2length', 'equal', 'validate', 'appendErrors', 'formatErrors', 'ValidationError', 'Validator', 'ValidationErrorObject',
  'x-schema-gen-validator', '__schema_gen_own_proto__', 'schemaPath', 'keyword', 'params', 'message',
];

export const UNICODE_NAMES: readonly string[] = ['ü', 'naïve', '名前', 'Ω', '\u{1F600}', 'e\u0301', '\u200b', 'ℌ', 'a b', 'a-b', 'a.b', 'a/b', 'a~b', '0', '01', '-'];

/** `prefix` + a digit or two: `validate0`, `schema7`, `func2`, `root1`, … */
export const ajvNumberedName: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...AJV_NUMBERED_PREFIXES), fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 40 })))
  .map(([prefix, n]) => `${prefix}${n}`);

/** The names the differential test gives properties and `$defs`: ajv's, JavaScript's, unicode, empty. */
export const adversarialName: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: ajvNumberedName },
  { weight: 2, arbitrary: fc.constantFrom(...AJV_PLAIN_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...OBJECT_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom(...JS_RESERVED_WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...UNICODE_NAMES, '') },
  { weight: 1, arbitrary: fc.constantFrom('a', 'b', 'id', 'name', 'kind', 'value') },
);

/** A very long string built from breakout pieces (long enough to stress wrapping, not to exhaust memory). */
const longHostile: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...BREAKOUT_STRINGS.filter((s) => s.length > 0)), fc.integer({ min: 200, max: 4000 }), fc.constantFrom('', ' ', '\n'))
  .map(([piece, times, sep]) => Array.from({ length: times }, () => piece).join(sep));

/** Any of the above, glued together, or random unicode: what the hostile test puts everywhere. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...BREAKOUT_STRINGS) },
  { weight: 3, arbitrary: adversarialName },
  { weight: 1, arbitrary: fc.constantFrom(...JS_RESERVED_WORDS) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...BREAKOUT_STRINGS, ...OBJECT_NAMES), { minLength: 2, maxLength: 5 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: longHostile },
);

/**
 * Regex sources: valid ones made of the characters that break out elsewhere (the tool
 * must still treat them as data), and now and then a hostile string as it is (often an
 * invalid regex: the run must then exit 2). Patterns with catastrophic backtracking are
 * left out on purpose: a test that hangs finds nothing (issue 8 item 7 has its own test).
 */
export const VALID_PATTERNS: readonly string[] = [
  '^[a-z]+$', '^$', '.*', '\\*/', '/\\*', '</script>', '\\$\\{x\\}', '`', "'", '"', '\\\\', '\\u2028', '[\\u0000-\\u001f]', '^\\p{L}+$',
  '(?<name>x)', '^(?:a|b)$', '[^*/]', '\\d{2,3}', 'a{0,5}', '^__proto__$', '^constructor$', '\\x1b', '[\\ud800-\\udfff]', '^\\$', '^x-',
];

export const patternString = (hostile: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...VALID_PATTERNS) }, { weight: 1, arbitrary: hostile });

/** Formats ajv-formats checks, and names it does not know (annotations, or hostile). */
export const KNOWN_FORMATS: readonly string[] = [
  'date', 'time', 'date-time', 'duration', 'uri', 'uri-reference', 'uri-template', 'url', 'email', 'hostname', 'ipv4', 'ipv6', 'regex',
  'uuid', 'json-pointer', 'relative-json-pointer', 'byte', 'int32', 'int64', 'float', 'double', 'password', 'binary',
];

export const formatName = (hostile: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...KNOWN_FORMATS) }, { weight: 1, arbitrary: fc.constantFrom('my-format', 'x-custom') }, { weight: 1, arbitrary: hostile });

/** A name usable as a file name on any POSIX file system, keeping as much of `raw` as it can. */
export function toFileStem(raw: string): string {
  // `/` and NUL cannot be in a file name; a leading dot hides the file from folder expansion.
  let stem = raw.replace(/[/\0]/g, '_');
  if (stem === '' || stem.startsWith('.')) stem = `_${stem}`;
  while (Buffer.byteLength(stem) > 120) stem = stem.slice(0, Math.max(1, stem.length - 16));
  // As the disk will spell it: a lone surrogate is written as U+FFFD.
  return Buffer.from(stem).toString();
}
