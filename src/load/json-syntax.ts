import { createRequire } from 'node:module';

// Loaded when a file fails JSON.parse, which most runs never see.
const require = createRequire(import.meta.url);

/**
 * Where JSON text first breaks the grammar, and what was expected and found there, in
 * our own words: never a quote of the text (V8's JSON.parse messages quote the start
 * of the file, which may be a secret) and never a recursion (the text may nest
 * 100,000 levels deep).
 */
export function explainJsonSyntaxError(text: string): { offset: number; message: string } | undefined {
  const { createScanner } = require('jsonc-parser') as typeof import('jsonc-parser');
  const scanner = createScanner(text, false);
  const stack: ('object' | 'array')[] = [];
  let expected: Expectation = 'value';
  for (;;) {
    const token = scanner.scan() as number;
    if (token === TOKEN.whitespace || token === TOKEN.lineBreak) continue;
    const offset = scanner.getTokenOffset();
    const fail = (message: string) => ({ offset, message });
    const scanError = scanner.getTokenError() as number;
    if (scanError !== 0) return fail(SCAN_ERRORS[scanError] ?? 'text that is not JSON');
    if (token === TOKEN.lineComment || token === TOKEN.blockComment) return fail('found a comment (JSON has none)');
    if (token === TOKEN.eof) return expected === 'end' ? undefined : fail(`expected ${EXPECTED[expected]}, found the end of the file`);
    const found = describeToken(token);
    const afterValue = (): Expectation => (stack.length === 0 ? 'end' : 'comma or close');
    switch (expected) {
      case 'value':
      case 'value or close':
        if (token === TOKEN.openBrace) {
          stack.push('object');
          expected = 'key or close';
        } else if (token === TOKEN.openBracket) {
          stack.push('array');
          expected = 'value or close';
        } else if (isScalar(token)) {
          expected = afterValue();
        } else if (expected === 'value or close' && token === TOKEN.closeBracket) {
          stack.pop();
          expected = afterValue();
        } else {
          return fail(`expected ${EXPECTED[expected]}, found ${found}`);
        }
        break;
      case 'key':
      case 'key or close':
        if (token === TOKEN.string) expected = 'colon';
        else if (expected === 'key or close' && token === TOKEN.closeBrace) {
          stack.pop();
          expected = afterValue();
        } else return fail(`expected ${EXPECTED[expected]}, found ${found}`);
        break;
      case 'colon':
        if (token !== TOKEN.colon) return fail(`expected a colon after the property name, found ${found}`);
        expected = 'value';
        break;
      case 'comma or close': {
        const inObject = stack[stack.length - 1] === 'object';
        if (token === TOKEN.comma) expected = inObject ? 'key' : 'value';
        else if (token === (inObject ? TOKEN.closeBrace : TOKEN.closeBracket)) {
          stack.pop();
          expected = afterValue();
        } else return fail(`expected a comma or ${inObject ? 'a closing brace' : 'a closing bracket'}, found ${found}`);
        break;
      }
      case 'end':
        return fail(`expected the end of the file after the value, found ${found}`);
    }
  }
}

type Expectation = 'value' | 'value or close' | 'key' | 'key or close' | 'colon' | 'comma or close' | 'end';

const EXPECTED: Record<Expectation, string> = {
  value: 'a value',
  'value or close': 'a value or a closing bracket',
  key: 'a property name in double quotes',
  'key or close': 'a property name in double quotes or a closing brace',
  colon: 'a colon',
  'comma or close': 'a comma or a closing bracket',
  end: 'the end of the file',
};

/** jsonc-parser's SyntaxKind values (a const enum, which isolated modules cannot import). */
const TOKEN = {
  openBrace: 1,
  closeBrace: 2,
  openBracket: 3,
  closeBracket: 4,
  comma: 5,
  colon: 6,
  null: 7,
  true: 8,
  false: 9,
  string: 10,
  number: 11,
  lineComment: 12,
  blockComment: 13,
  lineBreak: 14,
  whitespace: 15,
  unknown: 16,
  eof: 17,
} as const;

/** jsonc-parser's ScanError values. */
const SCAN_ERRORS: Record<number, string> = {
  1: 'found a comment that is never closed (JSON has no comments)',
  2: 'found a string that is not closed on its line',
  3: 'found a number that ends too early',
  4: 'found a \\u escape without four hexadecimal digits',
  5: 'found an escape sequence that JSON does not have',
  6: 'found a control character inside a string (write it as an escape such as \\n)',
};

function isScalar(token: number): boolean {
  return token === TOKEN.string || token === TOKEN.number || token === TOKEN.true || token === TOKEN.false || token === TOKEN.null;
}

function describeToken(token: number): string {
  switch (token) {
    case TOKEN.openBrace:
      return 'an opening brace';
    case TOKEN.closeBrace:
      return 'a closing brace';
    case TOKEN.openBracket:
      return 'an opening bracket';
    case TOKEN.closeBracket:
      return 'a closing bracket';
    case TOKEN.comma:
      return 'a comma';
    case TOKEN.colon:
      return 'a colon';
    case TOKEN.string:
      return 'a string';
    case TOKEN.number:
      return 'a number';
    case TOKEN.true:
    case TOKEN.false:
      return 'a boolean';
    case TOKEN.null:
      return 'null';
    default:
      return 'text that is not JSON (a word without quotes, or a character JSON does not allow here)';
  }
}
