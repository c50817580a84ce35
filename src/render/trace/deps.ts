import type { RunView, TypeView } from '../view/generated/view-types.js';

/**
 * What a view field's value is made of, as a dependency name that `Fingerprints` can
 * hash for any run: a type's identity (name and place), its model (doc and body, and the
 * names it prints), the types it imports, its validator module; the run's list of types
 * and of run-time helpers. Everything else a view holds comes from the settings, the
 * template set and schema-gen itself, which every trace is checked against as a whole.
 */
export const dependency = {
  identity: (key: string) => `i:${key}`,
  model: (key: string) => `m:${key}`,
  uses: (key: string) => `u:${key}`,
  validator: (key: string) => `v:${key}`,
  schemas: 'r:schemas',
  runtimeHelpers: 'r:helpers',
} as const;

/** Whether a string names a dependency of this kind (a trace from the cache is checked before it is believed). */
export function isDependency(dep: string): boolean {
  return dep === dependency.schemas || dep === dependency.runtimeHelpers || TYPE_DEPENDENCY_PREFIXES.has(dep.slice(0, 2));
}

/** The prefixes of a type's dependencies (`i:` identity, `m:` model, `u:` uses, `v:` validator). */
export const TYPE_DEPENDENCY_PREFIXES: ReadonlySet<string> = new Set(['i:', 'm:', 'u:', 'v:']);

const TYPE_FIELD_KINDS: Record<keyof TypeView, 'identity' | 'model' | 'uses' | 'validator'> = {
  name: 'identity',
  validatorName: 'identity',
  assertName: 'identity',
  sourceFile: 'identity',
  sourcePointer: 'identity',
  files: 'identity',
  modules: 'identity',
  links: 'identity',
  doc: 'model',
  type: 'model',
  declaration: 'model',
  imports: 'uses',
  validator: 'validator',
};

/** The dependency a field of the view of type `key` stands for. */
export function typeFieldDependency(key: string, field: keyof TypeView): string {
  return dependency[TYPE_FIELD_KINDS[field]](key);
}

/** The dependency a field of the run's view stands for; undefined for what every trace is checked against as a whole. */
export function runFieldDependency(field: keyof RunView): string | undefined {
  return field === 'schemas' ? dependency.schemas : field === 'runtimeHelpers' ? dependency.runtimeHelpers : undefined;
}
