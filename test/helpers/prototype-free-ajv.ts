/**
 * ajv's code records the properties evaluated at run time (for `unevaluatedProperties`)
 * in `{}` objects, where a data key such as `toString` or `__proto__` reads as evaluated
 * (inherited) or cannot be marked; our validators make them without a prototype
 * (src/emit/validators/steps/prototype-free-props.ts), as the spec's plain set of names
 * is. An ajv that tests compare with is given the same through its `code.process`
 * option, in the two forms ajv writes; any other `propsN` object fails the compile.
 */
export function prototypeFreeProps(code: string): string {
  const rewritten = code.replace(/\bvar (props\d+) = \{\};/g, 'var $1 = Object.create(null);').replace(/\b(props\d+) = \1 \|\| \{\};/g, '$1 = $1 || Object.create(null);');
  const left = /\bprops\d+ = [^;]*\{/.exec(rewritten);
  if (left) throw new Error(`prototypeFreeProps: ajv made an evaluated-properties object in a form the tests do not know: ${left[0]}`);
  return rewritten;
}
