import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { NamedType, TypeModel } from '../../model/index.js';
import type { ResolvedGraph } from '../../resolve/index.js';
import { walkSchema } from '../../resolve/schema-walk.js';
import { schemaRootsOf } from '../../resolve/schema-walk.js';
import { addFormats, Ajv2020, standaloneCode } from './ajv-modules.js';
import { externalRefKeyword } from './external-ref-keyword.js';
import { toModuleCode, type ValidatorModuleCode } from './module-code.js';
import { assignAjvIds, needsNativeRefs, pointerFragment, prepareSchemas, type RefMode } from './prepare-schemas.js';

export type { ValidatorModuleCode } from './module-code.js';

export interface ValidatorOptions {
  /** Report every problem (true) or stop at the first (false). */
  allErrors: boolean;
  /** `assert`: check the formats ajv-formats knows; `annotate`: formats are annotations only (2020-12 default). */
  formats: 'assert' | 'annotate';
}

export interface ValidatorModule extends ValidatorModuleCode {
  type: NamedType;
  exportName: string;
}

export interface CompiledValidators {
  modules: ValidatorModule[];
  diagnostics: Diagnostic[];
}

/** Compile each named schema to standalone validator code, one module per schema. */
export function compileValidators(graph: ResolvedGraph, model: TypeModel, options: ValidatorOptions): CompiledValidators {
  const diagnostics: Diagnostic[] = [];
  const ids = assignAjvIds(graph.registry.documents);
  const displayPathOfId = new Map([...ids].map(([doc, id]) => [id, doc.displayPath]));
  const instances = new Map<RefMode, Ajv2020>();
  const ajvFor = (mode: RefMode): Ajv2020 => {
    let ajv = instances.get(mode);
    if (!ajv) {
      ajv = createAjv(graph, options, diagnostics);
      ajv.addSchema(prepareSchemas(graph, model, ids, mode));
      instances.set(mode, ajv);
    }
    return ajv;
  };
  const modules: ValidatorModule[] = [];
  for (const type of model.types) {
    const { doc, pointer } = type.location;
    const ajv = ajvFor(needsNativeRefs(doc) ? 'native' : 'external');
    const id = pointer === '' ? ids.get(doc)! : `${ids.get(doc)!}#${pointerFragment(pointer)}`;
    const exportName = `validate${type.name}`;
    try {
      ajv.getSchema(id);
      const code = standaloneCode(ajv, { [exportName]: id });
      modules.push({ type, exportName, ...toModuleCode(code, { exportName, schemaPathPrefix: `${doc.displayPath}#${pointer}`, displayPathOfId }) });
    } catch (error) {
      diagnostics.push({
        severity: 'error',
        code: 'validator-compile-failed',
        message: `ajv cannot compile this schema: ${(error as Error).message}`,
        file: doc.displayPath,
        pointer,
      });
    }
  }
  return { modules, diagnostics };
}

/** The ajv instance validators are compiled with (exported for tests that compare with ajv at run time). */
export function createAjv(graph: ResolvedGraph, options: ValidatorOptions, diagnostics: Diagnostic[]): Ajv2020 {
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
  });
  addFormats(ajv);
  ajv.addKeyword(externalRefKeyword);
  // Formats ajv-formats does not know are annotations (as draft 2020-12 says), not errors.
  for (const format of unknownFormats(graph, new Set(Object.keys(ajv.formats)))) ajv.addFormat(format, true);
  return ajv;
}

function unknownFormats(graph: ResolvedGraph, known: Set<string>): string[] {
  const found = new Set<string>();
  for (const doc of graph.registry.documents) {
    for (const { pointer, schema } of schemaRootsOf(doc.json, doc.role === 'components')) {
      walkSchema(schema, pointer, null, (node) => {
        if (typeof node.format === 'string' && !known.has(node.format)) found.add(node.format);
        return null;
      });
    }
  }
  return [...found].sort();
}
