import { walkSchema } from '../../../src/schema/walk.js';
import type { SchemaSet } from '../arbitraries/schemas.js';

/** Every property name the schemas of `sets` declare (to put data under each of them). */
export function propertyNamesIn(all: SchemaSet[], sets: number[]): string[] {
  const names = new Set<string>();
  for (const i of sets) {
    for (const file of all[i]!.files) {
      walkSchema(file.schema, '', null, (node) => {
        const properties = node.properties;
        if (properties !== null && typeof properties === 'object') Object.keys(properties).forEach((k) => names.add(k));
        return null;
      });
    }
  }
  return [...names];
}
