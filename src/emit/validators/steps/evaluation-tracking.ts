/**
 * Draft 2020-12 makes ajv track which properties/items each function evaluated, for
 * `unevaluated*` in callers. When every function's result is static and nothing in
 * the module reads it, that bookkeeping is dead code: remove it.
 */
export function dropStaticEvaluationTracking(code: string): string {
  const stripped = code
    .replace(/^const (evaluated\d+) = \w+\.evaluated;\nif\(\1\.dynamicProps\)\{\n\1\.props = undefined;\n\}\nif\(\1\.dynamicItems\)\{\n\1\.items = undefined;\n\}\n/gm, '')
    .replace(/^\w+\.evaluated = \{.*"dynamicProps":false,"dynamicItems":false\};$\n?/gm, '');
  return /\.evaluated\b/.test(stripped) ? code : stripped;
}
