import { createRequire } from 'node:module';
import type { Options } from 'ajv';
import { baseDraft, type Dialect } from '../schema/dialect.js';
import type { Ajv2019, Ajv2020, AjvDraft04, AjvDraft07, AnyAjv } from './modules.js';

const require = createRequire(import.meta.url);

/** ajv's class of one draft, loaded when first asked for: a run whose checks are precompiled or remembered loads no ajv. */
const ajvClass = <T>(module: string): T => (require(module) as { default: T }).default;

/**
 * A new ajv instance that reads `dialect`: ajv's class for each draft (ajv-draft-04 for
 * draft-04 and OpenAPI 3.0's schema objects, the default class with the draft-06
 * meta-schema added for draft-06, Ajv2019, Ajv2020 for 2020-12 and OpenAPI 3.1).
 */
export function newAjvFor(dialect: Dialect, options: Options): AnyAjv {
  switch (baseDraft(dialect)) {
    case 'draft-04':
      return new (ajvClass<typeof AjvDraft04>('ajv-draft-04'))(options);
    case 'draft-06': {
      const ajv = new (ajvClass<typeof AjvDraft07>('ajv'))(options);
      ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
      return ajv;
    }
    case 'draft-07':
      return new (ajvClass<typeof AjvDraft07>('ajv'))(options);
    case '2019-09':
      return new (ajvClass<typeof Ajv2019>('ajv/dist/2019.js'))(options);
    case '2020-12':
      return new (ajvClass<typeof Ajv2020>('ajv/dist/2020.js'))(options);
  }
}
