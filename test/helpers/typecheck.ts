import ts from 'typescript';

/** Compile `files` with tsc --strict (NodeNext) and return each error as `file:line: message`. */
export function typeErrors(files: string[], extra: ts.CompilerOptions = {}, ignoreCodes: readonly number[] = []): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: false,
    types: [],
    ...extra,
  });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => !ignoreCodes.includes(d.code))
    .map((d) => {
      const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      if (!d.file || d.start === undefined) return message;
      const { line } = d.file.getLineAndCharacterOfPosition(d.start);
      return `${d.file.fileName}:${line + 1}: ${message}`;
    });
}
