import mustache from 'mustache';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { offsetToPosition } from '../diagnostics/position.js';
import type { TemplateSet, TemplateSource } from '../load/template-set/index.js';
import { lineOf } from '../load/template-set/template-module.js';
import { CodeTextError } from '../emit/code-text.js';
import { parseMustache } from './check-template.js';
import { mustacheLambdas, TemplateHelperError, templateHelpers, type TemplateHelpers } from './helpers.js';
import type { Described, DescribeScope } from './view/description.js';
import { strictView, unwrapView, ViewAccessError } from './view/strict.js';

/** Renders templates of one set: mustache with the helpers as lambdas, ES modules with the helpers object. */
export class TemplateRenderer {
  private readonly partials: Record<string, string>;
  private readonly helpers: TemplateHelpers;
  private readonly lambdas = new mustache.Context(mustacheLambdas());

  constructor(set: TemplateSet) {
    this.partials = Object.fromEntries([...set.partials].map(([name, p]) => [name, p.text]));
    this.helpers = templateHelpers((name, view) => {
      const text = this.partials[name];
      if (text === undefined) throw new TemplateHelperError(`partial: the set has no partial "${name}"`, 'partial');
      return this.mustache(text, unwrapView(view) as object);
    });
  }

  /** The text of one file, or a diagnostic naming the template (and the line, where it can be known). */
  render(template: TemplateSource, view: object, description: () => { view: Described; scope: DescribeScope }): { text: string } | { diagnostic: Diagnostic } {
    try {
      if (template.engine === 'mustache') return { text: finish(this.mustache(template.text, view)) };
      const { view: described, scope } = description();
      const result = template.render!(strictView(view, 'view', described, scope), this.helpers);
      if (typeof result !== 'string') return { diagnostic: failed(template, `the template must return a string, not ${result === null ? 'null' : typeof result}`) };
      return { text: finish(result) };
    } catch (error) {
      // Our own escaping refusing what our own code made is our bug; the rest is the template's.
      if (error instanceof CodeTextError) throw error;
      if (template.engine === 'mustache') {
        if (!(error instanceof TemplateHelperError)) throw error;
        return { diagnostic: { ...failed(template, error.message), ...helperSection(template, error.helper) } };
      }
      const message = error instanceof ViewAccessError || error instanceof TemplateHelperError ? error.message : `${(error as Error).name ?? 'Error'}: ${(error as Error).message}`;
      return { diagnostic: { ...failed(template, message), ...lineOf(error, template.absolute) } };
    }
  }

  private mustache(text: string, view: object): string {
    // Values reach templates already escaped for their place (or through a helper): no HTML escaping.
    return mustache.render(text, new mustache.Context(view, this.lambdas), this.partials, { escape: (value: string) => value });
  }
}

function failed(template: TemplateSource, message: string): Diagnostic {
  return { severity: 'error', code: 'template-failed', message: `the template failed: ${message}`, file: template.file };
}

/** Where a helper section that failed starts: mustache does not say, so the first section of that helper. */
function helperSection(template: TemplateSource, helper: string): { line?: number; column?: number } {
  const parsed = parseMustache(template);
  if (!('tokens' in parsed)) return {};
  const find = (tokens: unknown[]): number | undefined => {
    for (const token of tokens as [string, string, number, number, unknown[]?][]) {
      if (token[0] === '#' && token[1] === helper) return token[2];
      const inner = token[4] ? find(token[4]) : undefined;
      if (inner !== undefined) return inner;
    }
    return undefined;
  };
  const offset = find(parsed.tokens);
  return offset === undefined ? {} : offsetToPosition(template.text, offset);
}

/**
 * LF endings, no more than one blank line in a row, exactly one final newline. A line of
 * only spaces or tabs is blank too, and so are the lines before the first text.
 */
export function finish(text: string): string {
  return `${text
    .replace(/\r\n?/g, '\n')
    .replace(/(^|\n)(?:[ \t]*\n){2,}/g, '$1\n')
    .trimEnd()}\n`;
}
