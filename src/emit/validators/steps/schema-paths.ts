export interface SchemaPathSettings {
  /** `schemas/x.json#` + pointer: the prefix of the root schema's error paths. */
  schemaPathPrefix: string;
  /** ajv document id (`sg:/…/x.json`) → the user's path of that document. */
  displayPathOfId: ReadonlyMap<string, string>;
}

/**
 * Error schema paths name the user's files: `schemas/x.json#/properties/a/type`. The
 * module's own file is named once, in `const schemaFile`, and joined where used; paths
 * into other documents (refs compiled inline) get that document's path, with the
 * pointer percent-decoded as the user wrote it.
 */
export function rewriteSchemaPaths(code: string, settings: SchemaPathSettings): string {
  const [file, rootPointer] = splitOnce(settings.schemaPathPrefix, '#');
  let usesOwnFile = false;
  // `schemaPath:"` cannot occur inside a string literal (its quote would be escaped).
  const rewritten = code.replace(/schemaPath:"((?:[^"\\]|\\.)*)"/g, (whole, literal: string) => {
    const path = JSON.parse(`"${literal}"`) as string;
    if (path.startsWith('#')) {
      usesOwnFile = true;
      return `schemaPath:schemaFile+${JSON.stringify(`#${rootPointer}${path.slice(1)}`)}`;
    }
    const [id, pointer] = splitOnce(path, '#');
    const displayPath = settings.displayPathOfId.get(id);
    if (displayPath === undefined) return whole;
    return `schemaPath:${JSON.stringify(`${displayPath}#${safeDecode(pointer)}`)}`;
  });
  return usesOwnFile ? `const schemaFile = ${JSON.stringify(file)};\n${rewritten}` : rewritten;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}
