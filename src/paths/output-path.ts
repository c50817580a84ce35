/**
 * Paths inside an output folder, as the manifest lists them and templates' path patterns
 * produce them: the one check both the write stage and the render stage apply.
 */

/** Names at the top of the output folder that are schema-gen's own bookkeeping, never output paths. */
export function isReservedName(path: string): boolean {
  return path.startsWith('.schema-gen-');
}

/** A path an output file may have: inside the output folder, and not our bookkeeping. */
export function isSafeOutputPath(path: string): boolean {
  return isRelativeInside(path) && !isReservedName(path);
}

/** A relative, `/`-separated path that cannot leave the folder it is relative to. */
export function isRelativeInside(path: string): boolean {
  return path.length > 0 && path.length <= 1024 && !UNSAFE_PATH.test(path);
}

/** A backslash, colon or NUL anywhere; an empty, `.` or `..` segment (which covers a leading `/`). */
const UNSAFE_PATH = /[\\:\u0000]|(?:^|\/)\.{0,2}(?:\/|$)/;
