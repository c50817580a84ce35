import { posix } from 'node:path';

/** How a file in folder `from` (`''` for the output folder) names another in an `import`: relative, with `./`, and `.ts`/`.d.ts` as the `.js` they stand for. */
export function moduleSpecifier(from: string, to: string): string {
  const relative = linkPath(from, to);
  const specifier = relative.startsWith('../') ? relative : `./${relative}`;
  return specifier.replace(/(?:\.d)?\.([mc]?)tsx?$/, '.$1js');
}

/** `to` relative to the folder `from`, as a link names it. */
export function linkPath(from: string, to: string): string {
  // Both under one root, so the working folder plays no part.
  return posix.relative(`/${from}`, `/${to}`);
}

/** The folder of an output path (`''` at the top). */
export function folderOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}
