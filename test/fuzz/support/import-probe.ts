import { execFile } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const PROBE_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'probe-child.mjs');

export interface ProbeResult {
  modules: number;
  validators: number;
  calls: number;
  importErrors: string[];
  network: string[];
  changedByImport: string[];
  changedByValidation: string[];
}

/**
 * Import every module of `outDir` in a child `node` (a fresh realm: jest's own globals
 * would hide changes) whose working folder, HOME and TMPDIR are empty folders of their
 * own, and call each validator on data that holds code. Returns every side effect seen:
 * globals, network attempts, files that appeared in those folders, import errors.
 */
export async function probeImports(outDir: string, scratch: string, propertyNames: string[]): Promise<{ problems: string[]; result?: ProbeResult }> {
  const cwd = join(scratch, 'cwd');
  const home = join(scratch, 'home');
  const tmp = join(scratch, 'tmp');
  await Promise.all([cwd, home, tmp].map((d) => mkdir(d, { recursive: true })));
  const probeFile = join(scratch, 'probe.json');
  await writeFile(probeFile, JSON.stringify({ keys: propertyNames }));
  const problems: string[] = [];
  let stdout = '';
  try {
    ({ stdout } = await promisify(execFile)(process.execPath, [PROBE_SCRIPT, outDir, probeFile], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: home, TMPDIR: tmp, NODE_OPTIONS: '' },
      maxBuffer: 64 * 1024 * 1024,
    }));
  } catch (error) {
    return { problems: [`the import probe failed: ${(error as Error).message}`] };
  }
  const result = JSON.parse(stdout.trim().split('\n').pop()!) as ProbeResult;
  for (const e of result.importErrors) problems.push(`a generated module does not import: ${e.split(outDir).join('<out>')}`);
  for (const n of result.network) problems.push(`network attempted: ${n}`);
  for (const c of result.changedByImport) problems.push(`importing the output changed a global: ${c}`);
  for (const c of result.changedByValidation) problems.push(`running a validator changed a global: ${c}`);
  for (const [name, dir] of [
    ['working folder', cwd],
    ['HOME', home],
    ['TMPDIR', tmp],
  ] as const) {
    const files = await readdir(dir, { recursive: true });
    if (files.length > 0) problems.push(`files appeared in the child's ${name}: ${files.join(', ')}`);
  }
  return { problems, result };
}
