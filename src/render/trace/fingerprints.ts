import { hexDigest } from '../../hash/digest.js';
import type { ValidatorModule } from '../../emit/validators/index.js';
import type { TypeModel } from '../../model/index.js';
import { dependency, TYPE_DEPENDENCY_PREFIXES } from './deps.js';

export interface FingerprintSources {
  model: TypeModel;
  /** Validator modules by type key; absent when the run writes none. */
  validators?: ReadonlyMap<string, ValidatorModule>;
  helpersUsed: readonly string[];
}

const hash = (data: string) => hexDigest('sha256', data);

/** JSON of what holds only strings, booleans and arrays of them. */
const serialize = (value: unknown) => JSON.stringify(value);

/**
 * JSON that keeps what JSON would lose (`undefined`, `-0`, `NaN`, `Infinity`, dates
 * from YAML), each as a string starting with NUL, and a string that starts with NUL
 * doubled: two model values that could render differently never serialize the same.
 * (V8's serializer is no help: it writes a string by its representation in memory,
 * which two runs need not share.)
 */
function serializeModel(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const held = this[key];
    if (held instanceof Map || held instanceof Set) throw new Error('schema-gen: a model value that JSON cannot show (a Map or Set) cannot be traced');
    if (held instanceof Date) return `\u0000date:${Number.isNaN(held.getTime()) ? 'invalid' : held.toISOString()}`;
    if (typeof v === 'string') return v.charCodeAt(0) === 0 ? `\u0000${v}` : v;
    if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0) ? v : `\u0000number:${Object.is(v, -0) ? '-0' : String(v)}`;
    if (v === undefined) return '\u0000undefined';
    if (typeof v === 'bigint' || typeof v === 'function' || typeof v === 'symbol') throw new Error(`schema-gen: a model value of type ${typeof v} cannot be traced`);
    return v;
  });
}

/**
 * The hash of what a dependency (see `deps.ts`) stands for in this run, each computed
 * once. A dependency that names a type the run does not have hashes as absent, which no
 * earlier value equals.
 */
export class Fingerprints {
  private readonly memo = new Map<string, string>();
  constructor(private readonly sources: FingerprintSources) {}

  of(dep: string): string {
    let value = this.memo.get(dep);
    if (value === undefined) this.memo.set(dep, (value = this.compute(dep)));
    return value;
  }

  /** One file's fingerprint: what it is (path, entry, item) and the fingerprint of each dependency it read. */
  ofFile(identity: readonly string[], deps: readonly string[]): string {
    const parts = [...identity, ''];
    for (const dep of isSorted(deps) ? deps : [...deps].sort()) parts.push(dep, this.of(dep));
    return hash(serialize(parts));
  }

  private compute(dep: string): string {
    const { model, validators, helpersUsed } = this.sources;
    if (dep === dependency.schemas) return hash(serialize(model.types.map((t) => t.key)));
    if (dep === dependency.runtimeHelpers) return hash(serialize(helpersUsed));
    const kind = dep.slice(0, 2);
    if (!TYPE_DEPENDENCY_PREFIXES.has(kind)) throw new Error(`schema-gen: unknown render dependency ${JSON.stringify(dep)}`);
    const type = model.byKey.get(dep.slice(2));
    if (!type) return 'absent';
    const nameOf = (key: string) => model.byKey.get(key)?.name ?? null;
    const isAlias = (key: string) => (model.byKey.get(key)?.body.kind ?? 'object') !== 'object';
    switch (kind) {
      case 'i:':
        return hash(serialize([type.name, type.location.doc.displayPath, type.location.pointer]));
      case 'm:':
        // The declaration prints the names of the types it refers to (and its own), and a
        // tuple's labels depend on whether those are type aliases (print-type's printTuple).
        return hash(serializeModel([type.name, type.doc, type.body, type.uses.map((key) => [key, nameOf(key), isAlias(key)])]));
      case 'u:':
        return hash(serialize(type.uses.map((key) => [key, nameOf(key)])));
      default: {
        const module = validators?.get(type.key);
        // Its code, helpers and calls; the type it is for is the key's.
        return module ? hash(serialize({ ...module, type: undefined })) : 'absent';
      }
    }
  }
}

/** Traces keep their dependencies sorted: checking them needs no copy. */
function isSorted(list: readonly string[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1]! > list[i]!) return false;
  return true;
}
