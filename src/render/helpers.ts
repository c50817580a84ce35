import { CodeTextError, commentText, identifier, jsLiteral, lineCommentText, propertyName, regExpCode, stringLiteral, type JsonValue } from '../emit/code-text.js';
import { camel, kebab, pascal, snake } from './case.js';

/**
 * What a template may call: the escaping of `src/emit/code-text.ts` (the one writer of
 * text into code) and the case forms of names. ES-module templates get them as their
 * second argument; mustache templates as sections, `{{#kebab}}{{name}}{{/kebab}}`.
 */
export interface TemplateHelpers {
  /** `name` as an identifier; an error when it is not one (or is a reserved word). */
  identifier(name: string): string;
  /** Any text as a string literal: `"…"`, JSON escaping plus U+2028/U+2029. */
  stringLiteral(text: string): string;
  /** A property name as a key: bare when it is an identifier, else a string literal. */
  propertyKey(name: string): string;
  /** Any text, safe inside a `/* … *\/` comment. */
  commentText(text: string): string;
  /** Any text, safe in a `//` comment (line breaks and control characters become `?`). */
  lineCommentText(text: string): string;
  /** A pattern as code that builds the regular expression: `new RegExp("…", "u")`. */
  regExp(pattern: string): string;
  /** A JSON value as a JavaScript expression (`__proto__` keys stay own properties). */
  jsLiteral(value: unknown): string;
  /** `PetOwner`, `petOwner`, `pet-owner`, `pet_owner`: case forms of a name, letters and digits only. */
  pascal(text: string): string;
  camel(text: string): string;
  kebab(text: string): string;
  snake(text: string): string;
  /** `text` with `prefix` before every line that is not empty. */
  indent(text: string, prefix: string): string;
  /** A mustache partial of the set rendered with `view` (`helpers.partial('banner', view)`). */
  partial(name: string, view: unknown): string;
}

/** Each helper as the reference shows it (templates/README.md): every helper has an entry, or this does not compile. */
export const HELPER_DOCS: Readonly<Record<keyof TemplateHelpers, { call: string; doc: string }>> = {
  identifier: { call: 'identifier(name)', doc: 'The name as an identifier; the template fails when it is not one (or is a reserved word).' },
  stringLiteral: { call: 'stringLiteral(text)', doc: 'Any text as a string literal, `"…"`: JSON escaping plus U+2028/U+2029.' },
  propertyKey: { call: 'propertyKey(name)', doc: 'A property name as a key: bare when it is an identifier, else a string literal.' },
  commentText: { call: 'commentText(text)', doc: 'Any text, safe inside a `/* … */` comment: `*/`, `{@`, line separators and control characters escaped.' },
  lineCommentText: { call: 'lineCommentText(text)', doc: 'Any text, safe in a `//` comment: line breaks and control characters become `?`.' },
  regExp: { call: 'regExp(pattern)', doc: 'A pattern (`doc.constraints.pattern`) as code that builds it: `new RegExp("…", "u")`.' },
  jsLiteral: { call: 'jsLiteral(value)', doc: 'A JSON value as a JavaScript expression (`__proto__` keys stay own properties). ES-module templates only.' },
  pascal: { call: 'pascal(text)', doc: '`PetOwner`: words (letters and digits, split where the case changes) joined, each capitalised; a leading digit gets `_`.' },
  camel: { call: 'camel(text)', doc: '`petOwner`, `httpHeader` for `HTTPHeader`.' },
  kebab: { call: 'kebab(text)', doc: '`pet-owner`.' },
  snake: { call: 'snake(text)', doc: '`pet_owner`.' },
  indent: { call: 'indent(text, prefix)', doc: 'The text with `prefix` before every line that is not empty. ES-module templates only.' },
  partial: { call: 'partial(name, view)', doc: 'A mustache partial of the set rendered with a view (`partial("banner", view)`). ES-module templates only.' },
};

/** A helper refused what a template gave it: the template's problem (exit 2), not ours. */
export class TemplateHelperError extends Error {
  constructor(
    message: string,
    readonly helper: string,
  ) {
    super(message);
  }
}

function refusing<A extends unknown[]>(name: string, write: (...args: A) => string): (...args: A) => string {
  return (...args) => {
    try {
      return write(...args);
    } catch (error) {
      if (error instanceof CodeTextError) throw new TemplateHelperError(`${name}: ${error.message.replace(/^schema-gen: /, '')}`, name);
      throw error;
    }
  };
}

const expectString = (name: string, value: unknown): string => {
  if (typeof value !== 'string') throw new TemplateHelperError(`${name} expects a string, not ${value === null ? 'null' : typeof value}`, name);
  return value;
};

/** The helpers that take one string and give one string: the ones mustache templates get as sections too. */
export const TEXT_HELPERS = {
  identifier: refusing('identifier', (name: string) => identifier(expectString('identifier', name))),
  stringLiteral: (text: string) => stringLiteral(expectString('stringLiteral', text)),
  propertyKey: (name: string) => propertyName(expectString('propertyKey', name)),
  commentText: (text: string) => commentText(expectString('commentText', text)),
  lineCommentText: (text: string) => lineCommentText(expectString('lineCommentText', text)),
  regExp: (pattern: string) => regExpCode(expectString('regExp', pattern)),
  pascal: (text: string) => pascal(expectString('pascal', text)),
  camel: (text: string) => camel(expectString('camel', text)),
  kebab: (text: string) => kebab(expectString('kebab', text)),
  snake: (text: string) => snake(expectString('snake', text)),
} as const;

export type TextHelperName = keyof typeof TEXT_HELPERS;
export const TEXT_HELPER_NAMES = Object.keys(TEXT_HELPERS) as TextHelperName[];

export function templateHelpers(partial: (name: string, view: unknown) => string): TemplateHelpers {
  return Object.freeze({
    ...TEXT_HELPERS,
    jsLiteral: refusing('jsLiteral', (value: unknown) => jsLiteral(value as JsonValue)),
    indent: (text: string, prefix: string) => expectString('indent', text).replace(/^(?=.)/gm, prefix),
    partial,
  });
}

/** The text helpers as mustache lambdas: `{{#kebab}}{{name}}{{/kebab}}` renders the section, then applies the helper. */
export function mustacheLambdas(): Record<TextHelperName, () => (text: string, render: (text: string) => string) => string> {
  return Object.fromEntries(TEXT_HELPER_NAMES.map((name) => [name, () => (text: string, render: (text: string) => string) => TEXT_HELPERS[name](render(text))])) as Record<
    TextHelperName,
    () => (text: string, render: (text: string) => string) => string
  >;
}
