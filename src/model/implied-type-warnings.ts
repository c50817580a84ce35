import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locatePointer } from '../diagnostics/position.js';
import { locationKey } from '../resolve/index.js';
import { kindsOf, type KindsOfRef } from './rules/kinds.js';
import type { ImpliedType, TypeOptions } from './schema-to-type.js';

const listed = (words: string[]) => (words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}` : words.join(''));

const PLURAL: Record<string, string> = { string: 'strings', number: 'numbers', boolean: 'booleans', null: 'null', array: 'arrays', object: 'objects' };

/**
 * `properties` without `type` constrains objects only: ajv accepts `12` and `"s"` there,
 * and so does the type, which then is a union a reader may not expect. Say so where the
 * schema is, with the fix. Silent with `assumeTypes` (then both sides check the kind)
 * and where the kinds were narrowed after all (by a `$ref` or `allOf` beside it).
 */
export function impliedTypeWarnings(found: readonly ImpliedType[], kindsOfRef: KindsOfRef, options: TypeOptions): Diagnostic[] {
  if (options.assumeTypes) return [];
  const warnings = new Map<string, Diagnostic>();
  for (const { location, kinds, type } of found) {
    const key = locationKey(location);
    if (warnings.has(key)) continue;
    const others = [...kindsOf(type, kindsOfRef)].filter((k) => !kinds.includes(k));
    if (others.length === 0) continue;
    const { doc, pointer } = location;
    const keyword = kinds.includes('object') ? 'object' : 'array';
    warnings.set(key, {
      severity: 'warning',
      code: 'implied-type',
      message: `${kinds.join(' and ')} keywords without "type": this schema also accepts ${listed(others.map((k) => PLURAL[k]!))}, and its type says so`,
      file: doc.displayPath,
      pointer,
      ...locatePointer(doc.text, doc.format, pointer),
      hint: `add "type": "${keyword}" if only ${PLURAL[keyword]} are meant (or set "assumeTypes": true to check the kind in every such schema)`,
    });
  }
  return [...warnings.values()];
}
