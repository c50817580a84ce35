import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { KEYWORDS } from '../../src/schema/keywords/table.js';
import { REPO_ROOT } from '../helpers/paths.js';

/**
 * Issue 10: what the model knows about keywords (which are annotations, doc tags,
 * in-place applicators, object or array shapes, definitions…) comes from the one
 * keyword table, per dialect. A rule may name the keyword it implements (`const`,
 * `items`); a list of keywords in the model's code is a second table that drifts. This
 * finds such lists: an array or set literal, or a regex alternation, naming two or
 * more of the table's keywords.
 */
const keywordNames = new Set(Object.keys(KEYWORDS));

/** Files whose lists are of other things that happen to share a keyword's spelling. */
const NOT_KEYWORD_LISTS: Record<string, string> = {
  'src/model/rules/ts-type.ts': "TypeScript's own words (`const`, `enum`, `type` declare things in TypeScript)",
};

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourcesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

function keywordLists(text: string): string[] {
  const found: string[] = [];
  // Array and Set literals: the string literals between one pair of brackets.
  for (const [list] of text.matchAll(/\[[^[\]]*\]/g)) {
    const names = [...list.matchAll(/'([^'\n]*)'|"([^"\n]*)"/g)].map((m) => m[1] ?? m[2]!).filter((s) => keywordNames.has(s));
    if (names.length >= 2) found.push(list.replace(/\s+/g, ' '));
  }
  // Regex alternations: `(allOf|anyOf|…)`.
  for (const [alternation] of text.matchAll(/\(([\w$\\]+\|)+[\w$\\]+\)/g)) {
    const names = alternation
      .slice(1, -1)
      .split('|')
      .map((s) => s.replace(/\\/g, ''))
      .filter((s) => keywordNames.has(s));
    if (names.length >= 2) found.push(alternation);
  }
  return found;
}

describe('no keyword lists outside the keyword table', () => {
  const files = [...sourcesUnder(join(REPO_ROOT, 'src', 'model')), join(REPO_ROOT, 'src', 'resolve', 'ref-cycles.ts')].map((f) => relative(REPO_ROOT, f).split('\\').join('/'));

  it('the scan finds what it looks for', () => {
    expect(keywordLists(`const A = ['properties', 'additionalProperties'];`)).toHaveLength(1);
    expect(keywordLists(`new Set(['title', 'description', 'x'])`)).toHaveLength(1);
    expect(keywordLists(`/\\/(allOf|anyOf|oneOf)\\/\\d+$/`)).toHaveLength(1);
    expect(keywordLists(`schema['items']; ['string', 'number']`)).toEqual([]);
  });

  it.each(files.filter((f) => !(f in NOT_KEYWORD_LISTS)))('%s derives its keyword lists from the table', (file) => {
    expect(keywordLists(readFileSync(join(REPO_ROOT, file), 'utf8'))).toEqual([]);
  });
});
