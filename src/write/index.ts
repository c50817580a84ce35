import { createTwoFilesPatch } from 'diff';
import { readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { glob } from 'tinyglobby';
import type { OutputFile } from '../render/index.js';

/** What a run did (or, with `--check`, would do) to the output folder. */
export interface WriteReport {
  outDir: string;
  /** Files created or changed. */
  written: string[];
  unchanged: string[];
  /** Generated files of an earlier run that no schema produces any more. */
  removed: string[];
  /** `--check` only: a unified diff of what is stale, empty when up to date. */
  diff: string;
}

interface OutputPlan {
  create: OutputFile[];
  change: { file: OutputFile; before: string }[];
  unchanged: string[];
  remove: { path: string; before: string }[];
}

/** Where to write, and how to recognise files an earlier run generated (only those are ever removed). */
export interface OutputTarget {
  outDir: string;
  /** Text at the start of every generated file (the banner's). */
  generatedMarker: string;
}

async function planOutput({ outDir, generatedMarker }: OutputTarget, files: OutputFile[]): Promise<OutputPlan> {
  const plan: OutputPlan = { create: [], change: [], unchanged: [], remove: [] };
  const wanted = new Set(files.map((f) => f.path));
  // Synchronous reads: much faster than fs/promises for many small files.
  const current = files.map((file) => readIfPresent(join(outDir, file.path)));
  files.forEach((file, i) => {
    const before = current[i];
    if (before === undefined) plan.create.push(file);
    else if (before === file.content) plan.unchanged.push(file.path);
    else plan.change.push({ file, before });
  });
  const existing = await glob('**/*', { cwd: outDir, onlyFiles: true, dot: false }).catch(() => [] as string[]);
  const leftovers = existing.map((p) => p.split(sep).join('/')).filter((path) => !wanted.has(path)).sort();
  const leftoverTexts = leftovers.map((path) => readIfPresent(join(outDir, path)) ?? '');
  leftovers.forEach((path, i) => {
    if (leftoverTexts[i]!.slice(0, 500).includes(generatedMarker)) plan.remove.push({ path, before: leftoverTexts[i]! });
  });
  return plan;
}

/**
 * Bring the output folder up to date. Every new file is first written beside its
 * destination, then all are renamed into place, so a failure part-way leaves the
 * earlier output as it was rather than half-replaced.
 */
export async function writeOutput(target: OutputTarget, files: OutputFile[]): Promise<WriteReport> {
  const { outDir } = target;
  const plan = await planOutput(target, files);
  const pending = [...plan.create, ...plan.change.map((c) => c.file)];
  const temporary: [string, string][] = [];
  try {
    for (const dir of new Set(pending.map((file) => dirname(join(outDir, file.path))))) await mkdir(dir, { recursive: true });
    await inParallel(pending, async (file) => {
      const target = join(outDir, file.path);
      const tmp = `${target}.${process.pid}.tmp`;
      temporary.push([tmp, target]);
      await writeFile(tmp, file.content);
    });
  } catch (error) {
    await Promise.all(temporary.map(([tmp]) => rm(tmp, { force: true })));
    throw error;
  }
  await inParallel(temporary, ([tmp, target]) => rename(tmp, target));
  await inParallel(plan.remove, ({ path }) => rm(join(outDir, path), { force: true }));
  return {
    outDir,
    written: pending.map((f) => f.path).sort(),
    unchanged: plan.unchanged,
    removed: plan.remove.map((r) => r.path),
    diff: '',
  };
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** `work` over `items`, a bounded number at a time (file handles are finite); results in order. */
async function inParallel<T, R>(items: readonly T[], work: (item: T) => Promise<R>, limit = 32): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Compare without writing: the report's `diff` shows every stale file. */
export async function checkOutput(target: OutputTarget, files: OutputFile[], cwd: string): Promise<WriteReport> {
  const { outDir } = target;
  const plan = await planOutput(target, files);
  const shown = (path: string) => relative(cwd, join(outDir, path)).split(sep).join('/');
  const patches = [
    ...plan.create.map((f) => createTwoFilesPatch('/dev/null', `b/${shown(f.path)}`, '', f.content, '', '', { context: 2 })),
    ...plan.change.map((c) => createTwoFilesPatch(`a/${shown(c.file.path)}`, `b/${shown(c.file.path)}`, c.before, c.file.content, '', '', { context: 2 })),
    ...plan.remove.map((r) => createTwoFilesPatch(`a/${shown(r.path)}`, '/dev/null', r.before, '', '', '', { context: 2 })),
  ];
  return {
    outDir,
    written: [...plan.create.map((f) => f.path), ...plan.change.map((c) => c.file.path)].sort(),
    unchanged: plan.unchanged,
    removed: plan.remove.map((r) => r.path),
    diff: patches.map((p) => p.replace(/^=+\n/, '')).join(''),
  };
}
