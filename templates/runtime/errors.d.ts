/** One problem found by a validator (the shape of ajv's `ErrorObject`). */
export interface ValidationErrorObject {
  /** JSON pointer into the validated data, e.g. `/ChallengeName`; `''` for the root. */
  instancePath: string;
  /** Where the violated keyword is: `<schema file>#<JSON pointer>`. */
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A generated type guard; after a failed call, `errors` lists the problems. */
export interface Validator<T> {
  (data: unknown): data is T;
  errors?: ValidationErrorObject[] | null;
}

/** One line per problem: `<instance pointer>: <message> (schema <file>#<pointer>)`. */
export declare function formatErrors(errors: readonly ValidationErrorObject[] | null | undefined): string;

/** Thrown by `assert<Type>(data)`: the message lists every problem found. */
export declare class ValidationError extends Error {
  constructor(errors: readonly ValidationErrorObject[] | null | undefined, typeName?: string);
  readonly errors: ValidationErrorObject[];
}

/** Builds `assert<Type>(data)` from `validate<Type>`. */
export declare function asserter<T>(validate: Validator<T>, typeName: string): (data: unknown) => asserts data is T;

/** Used by generated validators: prefix a referenced schema's error paths and append them to `into`. */
export declare function appendErrors(
  into: ValidationErrorObject[] | null,
  errors: ValidationErrorObject[],
  path: string,
): ValidationErrorObject[];
