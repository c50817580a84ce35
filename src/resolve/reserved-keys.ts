import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locatePointer } from '../diagnostics/position.js';
import type { SourceDocument } from '../load/document.js';
import { mayHoldKeyWith } from '../load/key-search.js';
import { joinPointer } from '../schema/pointer.js';

/** Keys schema-gen writes into its own copies of schemas (e.g. `x-schema-gen-validator`); never the user's. */
export const RESERVED_KEY_PREFIX = 'x-schema-gen-';

/** Keywords whose keys are names (of properties, definitions), not keywords. */
const NAME_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas', 'dependentRequired', '$defs', 'definitions', 'dependencies']);

/**
 * Every key of a document that starts with `x-schema-gen-`, wherever a keyword could be:
 * since a `$ref` can point anywhere in a document, that is every object key except the
 * names in a name map (`properties`, `$defs`, … and OpenAPI `components`). Walked
 * iteratively: nesting depth cannot overflow the stack.
 */
export function reservedKeyProblems(doc: SourceDocument): Diagnostic[] {
  // Documents whose text can hold no such key (see mayHoldKeyWith) need no walk.
  if (!mayHoldKeyWith(doc, RESERVED_KEY_PREFIX)) return [];
  const problems: Diagnostic[] = [];
  // Pointers are built only for a key found: most documents have none.
  type Place = { parent: Place | undefined; key: string | number } | undefined;
  const pointerOf = (place: Place, key: string) => {
    const segments: (string | number)[] = [key];
    for (let p = place; p; p = p.parent) segments.unshift(p.key);
    return joinPointer('', ...segments);
  };
  const stack: { value: object; place: Place; depth: number; namesHere: boolean }[] = [{ value: doc.json as object, place: undefined, depth: 0, namesHere: false }];
  while (stack.length > 0) {
    const { value, place, depth, namesHere } = stack.pop()!;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (item !== null && typeof item === 'object') stack.push({ value: item, place: { parent: place, key: i }, depth: depth + 1, namesHere: false });
      }
      continue;
    }
    const object = value as Record<string, unknown>;
    for (const key in object) {
      if (!Object.hasOwn(object, key)) continue;
      if (!namesHere && key.startsWith(RESERVED_KEY_PREFIX)) {
        const at = pointerOf(place, key);
        problems.push({
          severity: 'error',
          code: 'reserved-keyword',
          message: `"${key}": keys starting with "${RESERVED_KEY_PREFIX}" are reserved for schema-gen's own use`,
          file: doc.displayPath,
          pointer: at,
          ...locatePointer(doc.text, doc.format, at),
          hint: 'rename the extension (for example to "x-<your tool>-…"); schema-gen does not read such keys from schemas',
        });
      }
      const child = object[key];
      if (child === null || typeof child !== 'object') continue;
      // OpenAPI: `components` holds maps (`schemas`, …) of names.
      const inComponents = depth === 0 ? key === 'components' : depth === 1 && place?.key === 'components' && place.parent === undefined;
      stack.push({ value: child, place: { parent: place, key }, depth: depth + 1, namesHere: (!namesHere && NAME_MAPS.has(key)) || inComponents });
    }
  }
  return problems.sort((a, b) => (a.pointer! < b.pointer! ? -1 : 1));
}
