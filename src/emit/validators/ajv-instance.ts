import type { Options } from 'ajv';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ResolvedGraph } from '../../resolve/index.js';
import type { Dialect } from '../../schema/dialect.js';
import { schemaRootsOf, walkSchema } from '../../schema/walk.js';
import { addFormats, Ajv2020, type AnyAjv } from '../../ajv/modules.js';
import { externalRefKeyword } from './external-ref-keyword.js';
import type { ValidatorOptions } from './index.js';

/**
 * The ajv instance validators are compiled with (exported for tests that compare with ajv
 * at run time; they may `override` ajv options, e.g. `ownProperties`). `validators`: the
 * export names of the run's validators, the only functions a compiled `$ref` may call
 * (see external-ref-keyword).
 */
export function createAjv(graph: ResolvedGraph, options: ValidatorOptions, diagnostics: Diagnostic[], validators: Iterable<string> = [], override: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ ...ajvOptions('2020-12', options, diagnostics), ...override });
  addFormatsTo(ajv, formatsOf(graph));
  ajv.addKeyword(externalRefKeyword(validators));
  return ajv;
}

/**
 * The options of every ajv instance our validators are compiled with, for schemas of
 * `dialect`. Exported so that the conformance tests configure ajv at run time exactly as
 * we do: an option that differs per draft belongs here, where they read it.
 */
export function ajvOptions(dialect: Dialect, options: ValidatorOptions, diagnostics: Diagnostic[]): Options {
  return {
    allErrors: options.allErrors,
    // OpenAPI keywords (example, x-*, discriminator…) are annotations, not mistakes.
    strictSchema: false,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    validateFormats: options.formats === 'assert',
    unicodeRegExp: true,
    code: { source: true, esm: true, lines: true, optimize: true },
    logger: {
      log: () => undefined,
      warn: (...args: unknown[]) => diagnostics.push({ severity: 'warning', code: 'ajv-warning', message: args.map(String).join(' ') }),
      error: (...args: unknown[]) => diagnostics.push({ severity: 'error', code: 'ajv-error', message: args.map(String).join(' ') }),
    },
  };
}

/** ajv-formats' formats, and every other format in `inUse` as an annotation (as draft 2020-12 says), not an error. */
export function addFormatsTo(ajv: AnyAjv, inUse: Iterable<string>): void {
  addFormats(ajv);
  const known = new Set(Object.keys(ajv.formats));
  for (const format of [...new Set(inUse)].sort()) if (!known.has(format)) ajv.addFormat(format, true);
}

function formatsOf(graph: ResolvedGraph): Set<string> {
  const found = new Set<string>();
  for (const doc of graph.registry.documents) {
    for (const { pointer, schema, dialect } of schemaRootsOf(doc)) {
      walkSchema(
        schema,
        pointer,
        null,
        (node) => {
          if (typeof node.format === 'string') found.add(node.format);
          return null;
        },
        dialect,
      );
    }
  }
  return found;
}
