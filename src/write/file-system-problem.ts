import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** Errors the machine causes, not our code: each becomes a diagnostic (exit 2), never a crash. */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  ENOTDIR: 'a file is where a folder must be',
  EISDIR: 'a folder is where a file must be',
  EEXIST: 'something is in the way',
  ENAMETOOLONG: 'a path is too long',
  ELOOP: 'too many symbolic links',
  EBUSY: 'a file is busy',
  EIO: 'an input/output error',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EXDEV: 'part of the output folder is on another file system',
};

export function isFileSystemProblem(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).code! in REASONS;
}

/**
 * What went wrong while changing the output folder, for the user: the folder (`file`), the
 * reason and the path the system named, and what state the folder was left in.
 */
export function fileSystemDiagnostic(error: NodeJS.ErrnoException, outShown: string, shown: (path: string) => string, leftAs: string): Diagnostic {
  const at = error.path ? ` (${shown(error.path)})` : '';
  return {
    severity: 'error',
    code: 'output-not-writable',
    message: `could not write the output folder: ${REASONS[error.code!]}${at}`,
    file: outShown,
    hint: `${leftAs}; fix the cause and run again`,
  };
}
