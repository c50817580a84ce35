import type { Options } from 'ajv';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ResolvedGraph } from '../../resolve/index.js';
import { schemaRootsOf, walkSchema } from '../../schema/walk.js';
import { addFormats, Ajv2020 } from '../../ajv/modules.js';
import { externalRefKeyword } from './external-ref-keyword.js';
import type { ValidatorOptions } from './index.js';

/**
 * The ajv instance validators are compiled with (exported for tests that compare with ajv
 * at run time; they may `override` ajv options, e.g. `ownProperties`). `validators`: the
 * export names of the run's validators, the only functions a compiled `$ref` may call
 * (see external-ref-keyword).
 */
export function createAjv(graph: ResolvedGraph, options: ValidatorOptions, diagnostics: Diagnostic[], validators: Iterable<string> = [], override: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({
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
    ...override,
  });
  addFormats(ajv);
  ajv.addKeyword(externalRefKeyword(validators));
  // Formats ajv-formats does not know are annotations (as draft 2020-12 says), not errors.
  for (const format of unknownFormats(graph, new Set(Object.keys(ajv.formats)))) ajv.addFormat(format, true);
  return ajv;
}

function unknownFormats(graph: ResolvedGraph, known: Set<string>): string[] {
  const found = new Set<string>();
  for (const doc of graph.registry.documents) {
    for (const { pointer, schema, dialect } of schemaRootsOf(doc)) {
      walkSchema(
        schema,
        pointer,
        null,
        (node) => {
          if (typeof node.format === 'string' && !known.has(node.format)) found.add(node.format);
          return null;
        },
        dialect,
      );
    }
  }
  return [...found].sort();
}
