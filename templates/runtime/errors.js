/**
 * Error reporting shared by every generated validator: `formatErrors` turns ajv-style
 * errors into one line each, and `ValidationError` is what `assert<Type>()` throws.
 */

/** One line per problem: `<instance pointer>: <message> (schema <file>#<pointer>)`. */
export function formatErrors(errors) {
  if (!errors || errors.length === 0) return 'no errors';
  return errors.map(formatError).join('\n');
}

function formatError(error) {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  return `${where}: ${error.message ?? 'is invalid'}${detail(error)} (schema ${error.schemaPath})`;
}

function detail(error) {
  const params = error.params ?? {};
  switch (error.keyword) {
    case 'enum':
      return `: ${preview(params.allowedValues)}`;
    case 'const':
      return `: ${preview([params.allowedValue])}`;
    case 'additionalProperties':
      return `: "${params.additionalProperty}"`;
    case 'unevaluatedProperties':
      return `: "${params.unevaluatedProperty}"`;
    default:
      return '';
  }
}

function preview(values) {
  if (!Array.isArray(values)) return '';
  const shown = values.slice(0, 12).map((v) => JSON.stringify(v)).join(', ');
  return values.length > 12 ? `${shown}, … (${values.length} in all)` : shown;
}

/** Thrown by `assert<Type>(data)`: the message lists every problem found. */
export class ValidationError extends Error {
  constructor(errors, typeName) {
    const list = errors ?? [];
    super(`${typeName ? `not a valid ${typeName}` : 'invalid data'} (${list.length} problem${list.length === 1 ? '' : 's'}):\n${formatErrors(list)}`);
    this.name = 'ValidationError';
    this.errors = list;
  }
}

/** `assert<Type>(data)`: throws a ValidationError unless `validate(data)` passes. */
export function asserter(validate, typeName) {
  return (data) => {
    if (!validate(data)) throw new ValidationError(validate.errors, typeName);
  };
}

/**
 * Used by generated validators when a schema they reference fails: its errors, whose
 * paths are relative to the referenced data, get the path of that data in front and
 * join `into` (created when null). Called on failure only, so valid data pays nothing.
 */
export function appendErrors(into, errors, path) {
  for (const error of errors) {
    error.instancePath = path + error.instancePath;
    (into ??= []).push(error);
  }
  return into;
}
