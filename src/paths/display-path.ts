import { relative, sep } from 'node:path';

/** `absolutePath` as messages and output name it: relative to `base`, with `/` separators on every system. */
export function toDisplayPath(absolutePath: string, base: string): string {
  return relative(base, absolutePath).split(sep).join('/');
}
