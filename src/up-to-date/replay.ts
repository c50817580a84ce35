import { readLocalCache, targetCacheFile, writeLocalCacheIfChanged } from '../paths/local-cache.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { toolFingerprint } from './tool-fingerprint.js';

/**
 * What the local cache (`node_modules/.cache/schema-gen/targets/<folder>/runs.json`)
 * knows of the run that wrote an output folder, by the hash of the manifest it wrote: which build of
 * schema-gen it was, and what a run with nothing to do repeats of it (its warnings, the
 * name clashes it settled, worded for this working folder). Messages are not output,
 * so they stay out of the manifest; without this entry, or with another build of
 * schema-gen, a run does all the work.
 */
export interface RunMessages {
  typeCount: number;
  diagnostics: Diagnostic[];
  renamedClashes: string[];
}

function replayFile(cwd: string, realOutDir: string): string | undefined {
  return targetCacheFile(cwd, realOutDir, 'runs.json');
}

export async function readRunMessages(cwd: string, realOutDir: string, manifestHash: string): Promise<RunMessages | undefined> {
  const file = replayFile(cwd, realOutDir);
  if (!file) return undefined;
  try {
    const saved = JSON.parse((await readLocalCache(file)) ?? '') as { manifestHash?: unknown; tool?: unknown } & Partial<RunMessages>;
    if (saved.manifestHash !== manifestHash || saved.tool !== toolFingerprint()) return undefined;
    if (!Number.isSafeInteger(saved.typeCount) || !Array.isArray(saved.diagnostics) || !Array.isArray(saved.renamedClashes)) return undefined;
    return { typeCount: saved.typeCount!, diagnostics: saved.diagnostics, renamedClashes: saved.renamedClashes };
  } catch {
    return undefined;
  }
}

/** Written only when it would change; a cache that cannot be written costs only time. */
export async function saveRunMessages(cwd: string, realOutDir: string, manifestHash: string, messages: RunMessages): Promise<void> {
  const file = replayFile(cwd, realOutDir);
  if (!file) return;
  const text = JSON.stringify({ manifestHash, tool: toolFingerprint(), ...messages });
  try {
    await writeLocalCacheIfChanged(file, text);
  } catch {
    // no cache: the next run does all the work
  }
}
