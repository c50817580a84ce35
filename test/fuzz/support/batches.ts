import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { objectOf, type Json } from '../arbitraries/json.js';
import type { Failure, Repro } from './repro.js';
import type { SchemaSet } from '../arbitraries/schemas.js';

/** What one run of the generator over some sets came to. */
export type RunOutcome =
  /** Exit 0, and every check that follows held. */
  | { kind: 'ok' }
  /** Exit 2: the sets the errors name (by file), or `unattributed` when some error names none of them. */
  | { kind: 'refused'; blamed: number[] | 'unattributed' }
  /** The property does not hold. */
  | { kind: 'problem'; failure: Failure };

export interface BatchResult {
  /** Sets whose run exited 0 (and passed its checks), by the run they were in. */
  generated: number[][];
  /** Sets the generator refuses (exit 2) when run on their own. */
  refused: number[];
  failure?: Failure;
}

/**
 * Many sets go into one run for speed; a refusal must not hide the others, nor a
 * neighbour's error be blamed on a set: the sets an exit 2 names run again on their own,
 * the rest together (like test/conformance/run-ours.ts). A set is refused only when it
 * fails alone. Stops at the first problem.
 */
export async function runInBatches(setCount: number, run: (sets: number[], attempt: number) => Promise<RunOutcome>): Promise<BatchResult> {
  const result: BatchResult = { generated: [], refused: [] };
  const pending: number[][] = [Array.from({ length: setCount }, (_, i) => i)];
  let attempt = 0;
  while (pending.length > 0) {
    const sets = pending.shift()!;
    const outcome = await run(sets, attempt++);
    if (outcome.kind === 'problem') return { ...result, failure: outcome.failure };
    if (outcome.kind === 'ok') {
      result.generated.push(sets);
      continue;
    }
    if (sets.length === 1) {
      result.refused.push(sets[0]!);
      continue;
    }
    const alone = outcome.blamed === 'unattributed' || outcome.blamed.length === 0 ? sets : sets.filter((s) => (outcome.blamed as number[]).includes(s));
    const rest = sets.filter((s) => !alone.includes(s));
    pending.push(...alone.map((s) => [s]), ...(rest.length > 0 ? [rest] : []));
  }
  return result;
}

/** Write the files of `sets` into `folder` (created), each as its JSON text. */
export async function writeSets(folder: string, all: SchemaSet[], sets: number[]): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (const i of sets) for (const file of all[i]!.files) await writeFile(join(folder, file.name), `${JSON.stringify(file.schema, null, 2)}\n`);
}

/** Which set a diagnostic's file (`<folder>/<name>`, as the generator shows it) belongs to. */
export function setOfFile(all: SchemaSet[], sets: number[], folder: string, file: string | undefined): number | undefined {
  if (file === undefined) return undefined;
  return sets.find((i) => all[i]!.files.some((f) => `${folder}/${f.name}` === file));
}

/** The files of `sets`: file name → schema. */
export function filesOf(all: SchemaSet[], sets: number[]): Record<string, Json> {
  return objectOf(sets.flatMap((i) => all[i]!.files.map((f) => [f.name, f.schema] as const)));
}

/** A counterexample's files as a set of their own. */
export function setOfRepro(repro: Repro): SchemaSet {
  return { files: Object.entries(repro.files).map(([name, schema]) => ({ name, schema })) };
}
