import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { locatePointer } from '../../diagnostics/position.js';
import type { SourceDocument } from '../../load/document.js';
import { joinPointer } from '../../schema/pointer.js';
import { schemaRootsOf, walkSchema } from '../../schema/walk.js';

/**
 * `"enum": []` is valid since draft-06 and accepts nothing (its type is `never`), but
 * ajv refuses to compile it ("enum must have non-empty array"); and an empty list is
 * nearly always a slip. A run that compiles validators says so at the keyword, with the
 * spelling that means "nothing is valid", rather than at the schema ajv failed on.
 */
export function emptyEnumProblems(doc: SourceDocument): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const { pointer, schema, dialect } of schemaRootsOf(doc)) {
    walkSchema(
      schema,
      pointer,
      null,
      (node, at) => {
        if (!Array.isArray(node.enum) || node.enum.length > 0) return null;
        const enumPointer = joinPointer(at, 'enum');
        problems.push({
          severity: 'error',
          code: 'empty-enum',
          message: 'an empty "enum" accepts no value, and ajv cannot compile it',
          file: doc.displayPath,
          pointer: enumPointer,
          ...locatePointer(doc.text, doc.format, enumPointer),
          hint: 'list the allowed values, or write the schema as false (or "not": {}) if no value may be valid',
        });
        return null;
      },
      dialect,
    );
  }
  return problems;
}
