import { watch } from 'chokidar';
import { resolve } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import type { GenerateOptions } from '../options.js';
import { DEFAULT_INPUT, DEFAULT_OUT_DIR } from '../options.js';
import { globBase } from '../paths/glob-base.js';

/**
 * Re-run `run` whenever an input, components document, template or the config file of
 * any of the runs changes (debounced, one run at a time), until `signal` aborts. Output
 * folders are never watched: a run's own writes do not start another.
 */
export async function watchAndRegenerate(runs: readonly GenerateOptions[], extraPaths: string[], run: () => Promise<void>, signal: AbortSignal, onReady: () => void = () => undefined): Promise<void> {
  const paths = [...runs.flatMap(watchedPaths), ...extraPaths];
  const outDirs = runs.map((options) => resolve(options.cwd ?? process.cwd(), options.outDir ?? DEFAULT_OUT_DIR));
  const watcher = watch([...new Set(paths)], { ignoreInitial: true, ignored: (path) => outDirs.some((out) => path.startsWith(out)) });
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  onReady();

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(run);
    }, 80);
  });
  await new Promise<void>((stop) => signal.addEventListener('abort', () => stop(), { once: true }));
  clearTimeout(timer);
  await running;
  await watcher.close();
}

function watchedPaths(options: GenerateOptions): string[] {
  const cwd = options.cwd ?? process.cwd();
  const inputs = (options.inputs?.length ? options.inputs : [DEFAULT_INPUT]).map((input) => resolve(cwd, isDynamicPattern(input) ? globBase(input) : input));
  return [...inputs, ...(options.components ?? []).map((c) => resolve(cwd, c)), ...(options.templatesDir ? [resolve(cwd, options.templatesDir)] : [])];
}
