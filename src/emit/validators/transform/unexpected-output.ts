/**
 * A transformation step met ajv output it was not written for: the shape it edits is
 * there, but not as expected. This is our bug (or an ajv we were not pinned to), never
 * the user's: the run stops with an internal error (exit 70) instead of writing a
 * validator that silently skipped the step.
 */
export class UnexpectedAjvOutput extends Error {
  constructor(
    readonly step: string,
    what: string,
  ) {
    super(`unexpected ajv output in step ${step}: ${what}`);
    this.name = 'UnexpectedAjvOutput';
  }
}

/**
 * A schema whose validator our steps cannot write correctly (a known limit, not a bug):
 * the module is reported as a diagnostic at the schema (exit 2) and not written.
 */
export class UnsupportedSchema extends Error {
  constructor(
    readonly step: string,
    what: string,
  ) {
    super(what);
    this.name = 'UnsupportedSchema';
  }
}
