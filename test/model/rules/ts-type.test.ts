import { isPlainTypeName, MAX_TS_TYPE_LENGTH, tsTypeProblem } from '../../../src/model/rules/ts-type.js';
import { typeErrors } from '../../helpers/typecheck.js';
import { withTempDir } from '../../helpers/temp-dir.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Type expressions json-schema-to-typescript users write, all accepted. */
const ACCEPTED = [
  'string',
  'Date',
  'Foo.Bar',
  'Array<string>',
  'Record<string, unknown> | null',
  'Map<string, Set<number>>',
  '{ a: string, b?: number[] }',
  '{ type: "circle", radius: number }',
  '{ readonly type?: string }',
  '{}',
  '[string, number?, ...boolean[]]',
  '(x: string, y?: number) => void',
  '(type: string) => Promise<void>',
  'new () => Foo',
  'readonly string[]',
  'keyof Foo',
  'typeof globalThis',
  'T extends string ? "yes" : "no"',
  'Foo["bar"]',
  '\'single\' | "double" | -1 | 2.5 | true | null | undefined',
  '{ [key: string]: number }',
];

/** Attempts to leave the type position, each refused with its reason. */
const REFUSED: [string, RegExp][] = [
  ['string; } export declare const x: any; {', /";" cannot appear/],
  ['*/ evil /*', /"\*" cannot appear/],
  ['string // trailing comment', /"\/" cannot appear/],
  ['string /* comment */', /"\/" cannot appear/],
  ['string\nexport declare const x: any', /more than one line/],
  ['string\r\nexport const x = 1', /more than one line/],
  ['string\u2028export declare const x: any', /U\+2028/],
  ['string\u2029x', /U\+2029/],
  ['string } export declare const x: any; {', /";" cannot appear/],
  ['string } export declare const x: any {', /brackets do not match/],
  ['{ a: string } } { ', /brackets do not match/],
  ['Array<string', /not closed/],
  ['{ a: string } export declare const x: any', /"export" declares or imports/],
  ['import("fs").Stats', /"import" declares or imports/],
  ['typeof import("fs")', /"import" declares or imports/],
  ['declare const x: number', /"declare" declares or imports/],
  ['type X = string', /"=" cannot appear/],
  ['string string', /"string string" is not one type/],
  ['Foo<T> Bar', /"> Bar" is not one type/],
  ['`template ${string}`', /"`" cannot appear/],
  ['"a\\" | string', /cannot appear/],
  ['Foo\u0000', /U\+0000/],
  ['ünïcode', /U\+00FC/],
  ['', /names no type/],
  ['   ', /names no type/],
  ['x'.repeat(MAX_TS_TYPE_LENGTH + 1), /longer than/],
];

describe('rule: tsType is accepted only as one type expression', () => {
  it.each(ACCEPTED)('accepts %s', (text) => {
    expect(tsTypeProblem(text)).toBeUndefined();
  });

  it.each(REFUSED)('refuses %j', (text, reason) => {
    expect(tsTypeProblem(text)).toMatch(reason);
  });

  it('what it accepts compiles as a type in every place the printer puts one', () =>
    withTempDir(async (dir) => {
      const file = join(dir, 'accepted.ts');
      const lines = ACCEPTED.flatMap((text, i) => {
        const t = isPlainTypeName(text) ? text : `(${text})`;
        return [`export type A${i} = ${text};`, `export interface P${i} { p?: ${text}; }`, `export type U${i} = ${t} | number;`, `export type L${i} = ${t}[];`];
      });
      // Names the accepted expressions use, declared so the file stands alone.
      const declarations = ['declare namespace Foo { type Bar = string; }', 'interface Foo { bar: number }', 'type T = unknown;'];
      await writeFile(file, `${declarations.join('\n')}\n${lines.join('\n')}\n`);
      expect(typeErrors([file])).toEqual([]);
    }));
});
