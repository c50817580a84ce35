/**
 * `--module cjs`: templates are written as ES modules; this turns the few statement
 * forms they (and the validator bodies) use into CommonJS. Anything else is an error
 * naming the line, rather than silently broken output.
 */
export function toCommonJs(code: string, path: string): string {
  const exported: string[] = [];
  const lines = code.split('\n').map((line) => {
    let m = /^import \{ ([^}]+) \} from '([^']+)';$/.exec(line);
    if (m) return `const { ${m[1]!.replace(/ as /g, ': ')} } = require('${m[2]}');`;
    m = /^export \{ ([^}]+) \} from '([^']+)';$/.exec(line);
    if (m)
      return m[1]!
        .split(', ')
        .map((name) => `exports.${name} = require('${m![2]}').${name};`)
        .join('\n');
    m = /^export \{ ([^}]+) \};$/.exec(line);
    if (m)
      return m[1]!
        .split(', ')
        .map((name) => `exports.${name} = ${name};`)
        .join('\n');
    m = /^export (function|const|class) (\w+)/.exec(line);
    if (m) {
      exported.push(m[2]!);
      return line.slice('export '.length);
    }
    if (/^(import|export)\b/.test(line)) throw new Error(`schema-gen: cannot turn this ES module line of ${path} into CommonJS: ${line}`);
    return line;
  });
  const exports = exported.map((name) => `exports.${name} = ${name};`);
  // The banner stays the first line.
  const bannerLines = lines.findIndex((line) => !line.startsWith('//'));
  lines.splice(Math.max(0, bannerLines), 0, '"use strict";');
  return `${lines.join('\n').trimEnd()}\n${exports.length ? `\n${exports.join('\n')}\n` : ''}`;
}
