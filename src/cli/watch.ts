import { watch } from 'chokidar';
import { resolve } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import type { GenerateOptions } from '../options.js';
import { DEFAULT_INPUT } from '../options.js';
import { globBase } from '../load/expand-inputs.js';

/**
 * Re-run `run` whenever an input, components document, template or the config file
 * changes (debounced, one run at a time), until `signal` aborts.
 */
export async function watchAndRegenerate(
  options: GenerateOptions,
  extraPaths: string[],
  run: () => Promise<void>,
  signal: AbortSignal,
  onReady: () => void = () => undefined,
): Promise<void> {
  const cwd = options.cwd ?? process.cwd();
  const inputs = (options.inputs?.length ? options.inputs : [DEFAULT_INPUT]).map((input) =>
    resolve(cwd, isDynamicPattern(input) ? globBase(input) : input),
  );
  const paths = [...inputs, ...(options.components ?? []).map((c) => resolve(cwd, c)), ...extraPaths.map((p) => resolve(cwd, p))];
  if (options.templatesDir) paths.push(resolve(cwd, options.templatesDir));
  const outDir = resolve(cwd, options.outDir ?? 'generated');
  const watcher = watch(paths, { ignoreInitial: true, ignored: (path) => path.startsWith(outDir) });
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
