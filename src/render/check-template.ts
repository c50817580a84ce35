import { closest, distance } from 'fastest-levenshtein';
import mustache from 'mustache';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { offsetToPosition } from '../diagnostics/position.js';
import { TEXT_HELPER_NAMES } from './helpers.js';
import type { Described, DescribeScope } from './view/description.js';

/** A mustache template or partial: its text and where it is, for messages. */
export interface MustacheSource {
  text: string;
  file: string;
}

export interface MustacheCheck {
  /** The description of the view the template gets. */
  view: Described;
  scope: DescribeScope;
  partials: ReadonlyMap<string, MustacheSource>;
  /** The file is code (`.js`, `.ts`, `.json`…): schema text put in unescaped is worth a warning. */
  code: boolean;
}

type Token = [type: string, value: string, start: number, end: number, children?: Token[], closeStart?: number];

const HELPERS = new Set<string>(TEXT_HELPER_NAMES);

/** The tokens of a template, or a diagnostic naming the line of a syntax error. */
export function parseMustache(source: MustacheSource): { tokens: Token[] } | { diagnostic: Diagnostic } {
  try {
    return { tokens: mustache.parse(source.text) as unknown as Token[] };
  } catch (error) {
    const message = (error as Error).message;
    const at = / at (\d+)$/.exec(message);
    const position = at ? offsetToPosition(source.text, openingOf(message, source.text, Number(at[1]))) : undefined;
    return { diagnostic: { severity: 'error', code: 'bad-template', message: `invalid template: ${message.replace(/ at \d+$/, '')}`, file: source.file, ...position } };
  }
}

/** mustache places an unclosed section at the end of the text; the reader wants the tag that opens it. */
function openingOf(message: string, text: string, offset: number): number {
  const unclosed = /^Unclosed section "(.*)"/.exec(message);
  if (!unclosed) return offset;
  const name = unclosed[1]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const openings = [...text.slice(0, offset).matchAll(new RegExp(`\\{\\{\\s*[#^]\\s*${name}\\s*\\}\\}`, 'g'))];
  return openings.at(-1)?.index ?? offset;
}

/**
 * Walk a mustache template as mustache would render it, against the description of its
 * view: a name must resolve in some context of the stack (innermost first, as mustache
 * looks it up), a variable must not be a list or an object (mustache would print
 * `[object Object]`), a partial must exist. A misspelt name is an error with its line,
 * where mustache would print nothing. Schema text put into a code file outside an
 * escaping section is a warning.
 */
export function checkMustache(source: MustacheSource, check: MustacheCheck): Diagnostic[] {
  const parsed = parseMustache(source);
  if ('diagnostic' in parsed) return [parsed.diagnostic];
  const diagnostics: Diagnostic[] = [];
  walk(parsed.tokens, source, [check.view], { escaped: false, partials: [] }, check, diagnostics);
  return diagnostics;
}

interface WalkState {
  /** Inside a helper section: its output is escaped (or a case form) whatever the text. */
  escaped: boolean;
  /** Partials being expanded, so a partial that includes itself is checked once. */
  partials: string[];
}

type Resolved = { kind: 'field'; value: Described; raw: boolean } | { kind: 'helper' } | { kind: 'unknown' };

function walk(tokens: Token[], source: MustacheSource, stack: Described[], state: WalkState, check: MustacheCheck, out: Diagnostic[]): void {
  const at = (token: Token, message: string, hint?: string, severity: Diagnostic['severity'] = 'error'): void => {
    out.push({
      severity,
      code: severity === 'error' ? 'unknown-template-variable' : 'raw-schema-text',
      message,
      file: source.file,
      ...offsetToPosition(source.text, token[2]),
      ...(hint ? { hint } : {}),
    });
  };
  for (const token of tokens) {
    const [type, name] = token;
    switch (type) {
      case 'name':
      case '&': {
        const found = resolve(stack, name, check.scope);
        if (found.kind === 'unknown') at(token, `unknown variable "${name}"`, hintFor(stack, name, check.scope));
        else if (found.kind === 'helper') at(token, `"${name}" is a helper: use it as a section, {{#${name}}}…{{/${name}}}`);
        else if (!found.value.scalar) at(token, `"${name}" is ${found.value.list ? 'a list' : 'an object'}, which mustache would print as "[object Object]": use a section, {{#${name}}}…{{/${name}}}`);
        else if (found.raw && check.code && !state.escaped) {
          at(
            token,
            `"${name}" is schema text, written into code as it is`,
            'pass it through an escaping helper: {{#stringLiteral}}…{{/stringLiteral}}, {{#commentText}}…{{/commentText}}, {{#lineCommentText}}…{{/lineCommentText}} or {{#regExp}}…{{/regExp}}',
            'warning',
          );
        }
        break;
      }
      case '#':
      case '^': {
        const found = resolve(stack, name, check.scope);
        const children = token[4] ?? [];
        if (found.kind === 'unknown') {
          at(token, `unknown section "${name}"`, hintFor(stack, name, check.scope));
          walk(children, source, stack, state, check, out);
        } else if (found.kind === 'helper') {
          walk(children, source, stack, { ...state, escaped: true }, check, out);
        } else if (type === '^') {
          walk(children, source, stack, state, check, out);
        } else {
          // A list pushes each item, an object itself; a scalar pushes a value with no fields.
          const pushed = found.value.list ?? (found.value.object ? found.value : SCALAR);
          walk(children, source, [...stack, pushed], state, check, out);
        }
        break;
      }
      case '>': {
        const partial = check.partials.get(name);
        if (!partial) {
          at(token, `unknown partial "${name}"`, check.partials.size > 0 ? `partials of the set: ${[...check.partials.keys()].join(', ')}` : 'the set declares no partials');
          break;
        }
        if (state.partials.includes(name)) break;
        const parsed = parseMustache(partial);
        if ('diagnostic' in parsed) out.push(parsed.diagnostic);
        else walk(parsed.tokens, partial, stack, { ...state, partials: [...state.partials, name] }, check, out);
        break;
      }
      default:
        // text, comments (!) and delimiter changes (=) hold no names.
        break;
    }
  }
}

const SCALAR: Described = { object: false, scalar: true, field: () => undefined, fieldNames: () => [] };

/** Mustache's lookup: a dotted name is tried whole in each context, innermost first; helpers sit outside the root. */
function resolve(stack: Described[], name: string, scope: DescribeScope): Resolved {
  if (name === '.') return { kind: 'field', value: stack[stack.length - 1]!, raw: false };
  const parts = name.split('.');
  for (let i = stack.length - 1; i >= 0; i--) {
    let current: Described = stack[i]!;
    let raw = false;
    let found = true;
    for (const part of parts) {
      const field = current.field(part, scope);
      if (!field) {
        found = false;
        break;
      }
      current = field.value;
      raw = field.raw;
    }
    if (found) return { kind: 'field', value: current, raw };
  }
  return parts.length === 1 && HELPERS.has(name) ? { kind: 'helper' } : { kind: 'unknown' };
}

function hintFor(stack: Described[], name: string, scope: DescribeScope): string {
  const parts = name.split('.');
  // The deepest context where the name starts resolving says most about what was meant.
  for (let i = stack.length - 1; i >= 0; i--) {
    let current: Described = stack[i]!;
    for (let p = 0; p < parts.length; p++) {
      const field = current.field(parts[p]!, scope);
      if (!field) {
        if (p === 0) break;
        const known = current.fieldNames(scope);
        const validatorsOnly = !scope.validators && parts[p] !== undefined && ['validator', 'runtimeHelpers'].includes(parts[p]!);
        if (validatorsOnly) return `"${parts[p]}" is in the view only of entries with "validators": true`;
        return `"${parts.slice(0, p).join('.')}" has ${known.length > 0 ? known.join(', ') : 'no fields'}${suggestion(parts[p]!, known)}`;
      }
      current = field.value;
    }
  }
  const visible = [...new Set(stack.flatMap((d) => d.fieldNames(scope)))];
  if (!scope.validators && ['validator', 'runtimeHelpers'].includes(parts[0]!)) return `"${parts[0]}" is in the view only of entries with "validators": true`;
  return `names here: ${visible.join(', ')}${suggestion(parts[0]!, [...visible, ...HELPERS])}`;
}

function suggestion(name: string, known: string[]): string {
  if (known.length === 0) return '';
  const best = closest(name, known);
  return best && best !== name && distance(best, name) <= Math.max(2, Math.floor(name.length / 3)) ? `; did you mean "${best}"?` : '';
}
