import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locatePointer } from '../diagnostics/position.js';
import { Ajv2020 } from '../emit/validators/ajv-modules.js';
import type { SourceDocument } from '../load/document.js';
import { joinPointer, lastSegment } from '../schema/pointer.js';
import { reservedKeyProblems } from './reserved-keys.js';
import { isSchemaObject, schemaRootsOf, walkSchema } from '../schema/walk.js';

let metaValidator: Ajv2020 | undefined;

/**
 * Every schema of a document checked against the draft 2020-12 meta-schema, and every
 * pattern compiled as ajv will (Unicode): each mistake at its place in the file, for
 * types-only runs too, before anything downstream trips over it.
 */
export function schemaProblems(doc: SourceDocument): Diagnostic[] {
  let problems = checked.get(doc);
  if (!problems) checked.set(doc, (problems = findSchemaProblems(doc)));
  return problems;
}

/** Resolution runs again when refs load more documents; each document is checked once. */
const checked = new WeakMap<SourceDocument, Diagnostic[]>();

function findSchemaProblems(doc: SourceDocument): Diagnostic[] {
  metaValidator ??= new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  const problems: Diagnostic[] = reservedKeyProblems(doc);
  for (const { pointer, schema } of schemaRootsOf(doc.json, doc.role === 'components')) {
    // Every schema is read as draft 2020-12, whatever its `$schema` says.
    const checked = isSchemaObject(schema) ? { ...schema, $schema: undefined } : schema;
    if (!metaValidator.validateSchema(checked as object)) problems.push(...metaSchemaErrors(doc, pointer, metaValidator.errors ?? []));
    else problems.push(...patternProblems(doc, pointer, schema));
  }
  return problems;
}

type MetaError = NonNullable<Ajv2020['errors']>[number];

function metaSchemaErrors(doc: SourceDocument, root: string, errors: MetaError[]): Diagnostic[] {
  const seen = new Set<string>();
  return errors.flatMap((error) => {
    // anyOf alternatives repeat one mistake several ways: report each place once.
    if (seen.has(error.instancePath) || error.keyword === 'anyOf') return [];
    seen.add(error.instancePath);
    const pointer = root + error.instancePath;
    const allowed = Array.isArray(error.params.allowedValues) ? `: ${error.params.allowedValues.map((v: unknown) => JSON.stringify(v)).join(', ')}` : '';
    return [
      {
        severity: 'error' as const,
        code: 'invalid-schema',
        message: `invalid schema: "${lastSegment(pointer)}" ${error.message ?? 'is invalid'}${allowed}`,
        file: doc.displayPath,
        pointer,
        ...locatePointer(doc.text, doc.format, pointer),
      },
    ];
  });
}

function patternProblems(doc: SourceDocument, root: string, schema: unknown): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const check = (pattern: string, pointer: string) => {
    try {
      new RegExp(pattern, 'u');
    } catch (error) {
      problems.push({
        severity: 'error',
        code: 'invalid-schema',
        message: `invalid schema: ${(error as Error).message}`,
        file: doc.displayPath,
        pointer,
        ...locatePointer(doc.text, doc.format, pointer),
        hint: 'patterns are ECMAScript regular expressions with the u flag',
      });
    }
  };
  walkSchema(schema, root, null, (node, at) => {
    if (typeof node.pattern === 'string') check(node.pattern, joinPointer(at, 'pattern'));
    if (isSchemaObject(node.patternProperties)) for (const key of Object.keys(node.patternProperties)) check(key, joinPointer(at, 'patternProperties', key));
    return null;
  });
  return problems;
}
