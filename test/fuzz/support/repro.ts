import { jsonCopy, objectOf, pasteableJson, type Json } from '../arbitraries/json.js';

/** A counterexample on its own: the input files of one set, and the data it failed on (differential test). */
export interface Repro {
  /** File name → schema, as written into the input folder. */
  files: Record<string, Json>;
  /** The data, and the file whose validator got it. */
  data?: { file: string; value: Json };
  /** The failure was seen through the CLI child process. */
  viaCli?: boolean;
  /** The input folder also held `linked.json`, a symlink to a file outside it (support/canary.ts). */
  canaryLink?: boolean;
}

/** A property failure: the first line of `message` names its kind (the minimiser keeps it), the rest are details. */
export interface Failure {
  message: string;
  repro: Repro;
}

export const kindOf = (failure: Failure): string => failure.message.split('\n')[0]!;

export function renderRepro(repro: Repro): string {
  const lines = ['Input files (ready to paste: each one file of the input folder; a type is named by its title):', pasteableJson(repro.files)];
  if (repro.data) lines.push('', `Data (for the validator of ${repro.data.file}):`, pasteableJson(repro.data.value));
  if (repro.canaryLink) lines.push('', '(the input folder also held linked.json, a symlink to a JSON file outside it)');
  if (repro.viaCli) lines.push('', '(seen through the CLI: `schema-gen <that folder> --out <new folder> --no-cache`)');
  return lines.join('\n');
}

/**
 * Greedy, deterministic minimisation of a counterexample, after fast-check's shrink
 * (which works on the random choices, and through the maps that turn them into JSON
 * does less well): drop a file, a keyword, a property, an array element, or make a
 * value empty, keeping each step only when the same kind of failure remains. Every
 * step is one rerun of the check, so the budget caps the cost.
 */
export async function minimizeRepro(start: Failure, recheck: (repro: Repro) => Promise<Failure | undefined>, budget: number): Promise<{ failure: Failure; rechecks: number }> {
  const kind = kindOf(start);
  let current = start;
  let rechecks = 0;
  // Passes over the candidates; after a step is kept, the pass goes on from about where it
  // was (earlier candidates were just tried), and ends the search when a whole pass keeps nothing.
  let from = 0;
  for (;;) {
    let kept = -1;
    let index = 0;
    for (const candidate of simplerRepros(current.repro)) {
      if (index++ < from) continue;
      if (rechecks >= budget) return { failure: current, rechecks };
      rechecks++;
      const failure = await recheck(candidate);
      if (failure && kindOf(failure) === kind) {
        current = failure;
        kept = index - 1;
        break;
      }
    }
    if (kept >= 0) from = kept;
    else if (from > 0) from = 0;
    else return { failure: current, rechecks };
  }
}

type Path = (string | number)[];

/** Keys the minimiser never shortens: a shortened keyword is no longer the keyword (names, titles and data keys are fair game). */
const KEYWORDS = new Set([
  '$schema',
  '$id',
  '$ref',
  '$defs',
  '$anchor',
  '$dynamicRef',
  '$dynamicAnchor',
  '$comment',
  'type',
  'enum',
  'const',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxContains',
  'minContains',
  'maxProperties',
  'minProperties',
  'required',
  'dependentRequired',
  'properties',
  'patternProperties',
  'additionalProperties',
  'propertyNames',
  'items',
  'prefixItems',
  'contains',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'dependentSchemas',
  'unevaluatedItems',
  'unevaluatedProperties',
  'format',
  'title',
  'description',
  'default',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  'contentMediaType',
  'contentEncoding',
  'contentSchema',
  'definitions',
  'x-schema-gen-validator',
]);

function* simplerRepros(repro: Repro): Generator<Repro> {
  const fileNames = Object.keys(repro.files);
  // Whole files first (but never the file the data is for, nor the last one).
  if (fileNames.length > 1)
    for (const name of fileNames) if (name !== repro.data?.file) yield { ...repro, files: objectOf(Object.entries(repro.files).filter(([n]) => n !== name)) as Record<string, Json> };
  for (const name of fileNames) {
    for (const simpler of simplerJson(repro.files[name]!))
      yield { ...repro, files: objectOf(Object.entries(repro.files).map(([n, s]) => [n, n === name ? simpler : s] as const)) as Record<string, Json> };
  }
  if (repro.data) for (const simpler of simplerJson(repro.data.value)) yield { ...repro, data: { file: repro.data.file, value: simpler } };
}

/** Simpler variants of a JSON value, biggest cuts first: each a fresh copy. */
function* simplerJson(root: Json): Generator<Json> {
  const nodes: Path[] = [];
  const visit = (value: Json, path: Path) => {
    nodes.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v as Json, [...path, k]);
  };
  visit(root, []);
  for (const path of nodes) {
    const node = at(root, path);
    if (path.length > 0) yield without(root, path);
    const key = path[path.length - 1];
    if (typeof key === 'string' && [...key].length > 1 && !KEYWORDS.has(key)) {
      const shorter = [...key].slice(0, Math.ceil([...key].length / 2)).join('');
      if (!Object.hasOwn(at(root, path.slice(0, -1)) as object, shorter)) yield renamed(root, path, shorter);
    }
    if (Array.isArray(node) && node.length > 0) yield replaced(root, path, []);
    else if (node !== null && typeof node === 'object' && Object.keys(node).length > 0) yield replaced(root, path, {});
    else if (typeof node === 'string' && node.length > 1) yield replaced(root, path, [...node].slice(0, Math.ceil([...node].length / 2)).join(''));
    else if (typeof node === 'number' && node !== 0) yield replaced(root, path, 0);
  }
}

function at(root: Json, path: Path): Json {
  let node: Json = root;
  for (const key of path) node = (node as Record<string, Json>)[key as string]!;
  return node;
}

function replaced(root: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const copy = jsonCopy(root);
  const parent = at(copy, path.slice(0, -1)) as Record<string, Json> | Json[];
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) parent[key as number] = value;
  else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** The same tree with the object key at `path` renamed `key` (its place among the keys kept). */
function renamed(root: Json, path: Path, key: string): Json {
  const parent = at(root, path.slice(0, -1)) as Record<string, Json>;
  return replaced(root, path.slice(0, -1), objectOf(Object.entries(parent).map(([k, v]) => [k === path[path.length - 1] ? key : k, v] as const)));
}

function without(root: Json, path: Path): Json {
  const copy = jsonCopy(root);
  const parent = at(copy, path.slice(0, -1)) as Record<string, Json> | Json[];
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete parent[key as string];
  return copy;
}
