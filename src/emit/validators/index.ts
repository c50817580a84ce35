import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { NamedType, TypeModel } from '../../model/index.js';
import type { ResolvedGraph } from '../../resolve/index.js';
import type { ValidatorCache } from './cache.js';
import type { ValidatorCompiler } from './compiler.js';
import type { ValidatorModuleCode } from './module-code.js';
import type { UnicodePatterns } from '../../schema/patterns.js';
import { ValidatorRun } from './run.js';

export type { ValidatorModuleCode } from './module-code.js';
export { MemoryValidatorCache, type ValidatorCache } from './cache.js';
export type { RunTimeValidators } from './external-ref-keyword.js';

export interface ValidatorOptions {
  /** Report every problem (true) or stop at the first (false). */
  allErrors: boolean;
  /** `assert`: check the formats ajv-formats knows; `annotate`: formats are annotations only (2020-12 default). */
  formats: 'assert' | 'annotate';
  /** Schemas whose keywords imply a kind (`properties` without `type`) check that kind. */
  assumeTypes?: boolean;
  /** Patterns valid only without the `u` flag: compiled without it (`fallback`, default) or refused (`require`). */
  unicodePatterns?: UnicodePatterns;
}

export interface ValidatorModule extends ValidatorModuleCode {
  type: NamedType;
  exportName: string;
}

export interface CompiledValidators {
  modules: ValidatorModule[];
  /** How many modules came from the cache rather than from ajv. */
  reused: number;
  diagnostics: Diagnostic[];
}

/**
 * Compile each named schema to standalone validator code, one module per schema. What
 * the cache holds is not compiled again; ajv (and the code that transforms its output) is
 * loaded only when something must be.
 */
export async function compileValidators(graph: ResolvedGraph, model: TypeModel, options: ValidatorOptions, cache?: ValidatorCache): Promise<CompiledValidators> {
  const run = new ValidatorRun(graph, model, options, cache?.keyMemo);
  // ajv refuses `"enum": []`: said at the keyword, before anything is compiled.
  const emptyEnums = run.emptyEnumProblems();
  if (emptyEnums.length > 0) return { modules: [], reused: 0, diagnostics: emptyEnums };
  const modules: ValidatorModule[] = [];
  let reused = 0;
  let compiler: ValidatorCompiler | undefined;
  for (const type of model.types) {
    const { exportName } = run.settingsOf(type);
    const key = cache && run.keyOf(type);
    const cached = key ? cache.get(key) : undefined;
    if (cached) {
      modules.push({ type, exportName, ...cached });
      reused++;
      continue;
    }
    compiler ??= (await import('./compiler.js')).validatorCompiler(run);
    const standalone = compiler.standalone(type);
    if (standalone === undefined) continue;
    const code = compiler.transform(type, standalone);
    if (code === undefined) continue;
    if (key) cache.set(key, code);
    modules.push({ type, exportName, ...code });
  }
  return { modules, reused, diagnostics: run.diagnostics };
}
