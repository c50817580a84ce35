import { fileSystemDiagnostic, isFileSystemProblem } from '../../src/write/file-system-problem.js';

/** Errors as Node reports them (as root, these tests cannot make a folder unwritable for real). */
const fsError = (code: string, path: string) => Object.assign(new Error(`${code}: something, open '${path}'`), { code, path });

describe('file system problems while writing', () => {
  it('are diagnostics naming the folder, the reason and the path, never crashes', () => {
    const shown = (path: string) => path.replace('/work/project/', '');
    const cases: [string, string][] = [
      ['EACCES', 'permission denied'],
      ['EROFS', 'the file system is read-only'],
      ['ENOSPC', 'no space left on the device'],
      ['ENOTDIR', 'a file is where a folder must be'],
    ];
    for (const [code, reason] of cases) {
      const error = fsError(code, '/work/project/generated/types/A.d.ts');
      expect(isFileSystemProblem(error)).toBe(true);
      expect(fileSystemDiagnostic(error, 'generated', shown, 'the earlier output in generated/ is unchanged')).toEqual({
        severity: 'error',
        code: 'output-not-writable',
        message: `could not write the output folder: ${reason} (generated/types/A.d.ts)`,
        file: 'generated',
        hint: 'the earlier output in generated/ is unchanged; fix the cause and run again',
      });
    }
  });

  it('an error that is not about the file system stays an error of ours (exit 70)', () => {
    expect(isFileSystemProblem(new TypeError('x is undefined'))).toBe(false);
    expect(isFileSystemProblem(Object.assign(new Error('odd'), { code: 'ERR_INVALID_ARG_TYPE' }))).toBe(false);
  });
});
