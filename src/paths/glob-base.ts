import { isDynamicPattern } from 'tinyglobby';

/**
 * The folder a glob pattern starts from: `api/v1/*.json` → `api/v1`. Shared by the
 * stages that read inputs, guard the output folder and watch for changes, so none of
 * them reaches into another's files for it.
 */
export function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const firstDynamic = parts.findIndex((p) => isDynamicPattern(p));
  return parts.slice(0, firstDynamic).join('/') || '.';
}
