import { dirname } from 'node:path';
import ts from 'typescript';

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  // The output must compile for users of any environment: no DOM, no @types.
  lib: ['lib.es2022.d.ts'],
  types: [],
  // Generated files are .d.ts: they must be checked. TypeScript's own lib files need not be.
  skipLibCheck: false,
  skipDefaultLibCheck: true,
};

/** TypeScript's lib files, parsed once for every program of the test run (most of a small program's cost). */
const libCache = new Map<string, ts.SourceFile>();
const libFolder = dirname(ts.getDefaultLibFilePath(OPTIONS));

function cachingHost(): ts.CompilerHost {
  const host = ts.createCompilerHost(OPTIONS, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!fileName.startsWith(libFolder)) return getSourceFile(fileName, languageVersion, onError, shouldCreate);
    let file = libCache.get(fileName);
    if (!file) {
      file = getSourceFile(fileName, languageVersion, onError, shouldCreate);
      if (file) libCache.set(fileName, file);
    }
    return file;
  };
  return host;
}

/** `tsc --strict` over `files` (one program for the whole batch): each error as `file:line: message`. */
export function strictTypeErrors(files: string[]): string[] {
  const program = ts.createProgram(files, OPTIONS, cachingHost());
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return message;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName}:${line + 1}: TS${d.code} ${message}`;
  });
}
