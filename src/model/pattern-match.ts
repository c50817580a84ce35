/**
 * Whether a `patternProperties` pattern matches a key, decided without running the
 * pattern: a user regex can backtrack for minutes (`^(a+)+$`), and no static check
 * short of a regex engine proves a pattern linear. Only patterns that are plain text,
 * optionally anchored (`^x-`, `^id$`, `Type$`, `_id`), are decided, by string
 * comparison; for any other pattern the answer is `undefined` ("might match"), and the
 * caller keeps its type sound for both outcomes.
 */
export function patternMatchesKey(pattern: string, key: string): boolean | undefined {
  const literal = literalPattern(pattern);
  if (!literal) return undefined;
  const { text, start, end } = literal;
  if (start && end) return key === text;
  if (start) return key.startsWith(text);
  if (end) return key.endsWith(text);
  return key.includes(text);
}

/** Characters with a meaning in a regular expression; escaped with `\`, they stand for themselves. */
const SPECIAL = new Set([...'\\^$.|?*+()[]{}/']);
/** Plain characters: letters, digits and a few common separators, nothing Unicode-dependent. */
const PLAIN = /^[A-Za-z0-9_ :@#%&=,;'"<>!~`-]$/;

function literalPattern(pattern: string): { text: string; start: boolean; end: boolean } | undefined {
  const start = pattern.startsWith('^');
  let body = start ? pattern.slice(1) : pattern;
  // A trailing `$` anchors, unless it is escaped (`\$`).
  const end = body.endsWith('$') && !/(^|[^\\])(\\\\)*\\\$$/.test(body);
  if (end) body = body.slice(0, -1);
  let text = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') {
      const next = body[i + 1];
      if (next === undefined || !SPECIAL.has(next)) return undefined; // \d, \b, \u…: not plain text
      text += next;
      i++;
    } else if (PLAIN.test(c)) {
      text += c;
    } else {
      return undefined;
    }
  }
  return { text, start, end };
}
