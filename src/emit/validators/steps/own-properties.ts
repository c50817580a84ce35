import { tokenizer } from 'acorn';

/** Names every plain object inherits: `data.toString` is never `undefined`, even for `{}`. */
const INHERITED_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));
const INHERITED_READ = new RegExp(`\\bdata\\d*\\.(${[...INHERITED_NAMES].join('|')})\\b`);

/**
 * ajv reads properties as `data.name`, so `required: ["toString"]` accepts `{}` and
 * `properties.constructor` checks the inherited function (ajv#2664). Reads of
 * inherited names become own-property reads; every other read stays as fast as it was.
 */
export function ownPropertyReads(code: string): string {
  if (!INHERITED_READ.test(code)) return code; // the usual case: no such name at all
  const tokens = [...tokenizer(code, { ecmaVersion: 'latest', sourceType: 'module' })];
  let out = '';
  let last = 0;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [object, dot, property] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    const objectName = (object as unknown as { value: string }).value;
    const propertyName = (property as unknown as { value: string }).value;
    if (object.type.label !== 'name' || !/^data\d*$/.test(objectName) || dot.type.label !== '.') continue;
    if (property.type.label !== 'name' || !INHERITED_NAMES.has(propertyName)) continue;
    if (i > 0 && tokens[i - 1]!.type.label === '.') continue; // `x.data.toString` is not a data read
    out += `${code.slice(last, object.start)}(Object.hasOwn(${objectName}, "${propertyName}") ? ${objectName}.${propertyName} : undefined)`;
    last = property.end;
  }
  return out + code.slice(last);
}
