import { join } from 'node:path';
import type { OutputFile } from './output-file.js';

interface PrettierApi {
  format(source: string, options: Record<string, unknown>): Promise<string>;
  resolveConfig(filePath: string): Promise<Record<string, unknown> | null>;
}

/**
 * `--format`: the output as the user's own prettier (and config) would print it. Our
 * printer's layout is already deterministic, so prettier is optional and loaded only here.
 * Bundled runtime helpers and package.json are left as they are.
 */
export async function formatWithPrettier(files: OutputFile[], outDir: string): Promise<OutputFile[]> {
  let prettier: PrettierApi;
  try {
    prettier = (await import('prettier')) as unknown as PrettierApi;
  } catch {
    throw new Error('--format needs prettier: install it in your project (npm install --save-dev prettier)');
  }
  return Promise.all(
    files.map(async (file) => {
      if (!/\.(d\.ts|js)$/.test(file.path) || /^runtime\/(?!errors)/.test(file.path)) return file;
      const filepath = join(outDir, file.path);
      const config = (await prettier.resolveConfig(filepath)) ?? {};
      return { path: file.path, content: await prettier.format(file.content, { ...config, filepath }) };
    }),
  );
}
