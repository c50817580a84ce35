/**
 * C0 controls except tab and line feed, DEL, and C1 controls (U+0080–U+009F, which
 * some terminals read as 8-bit escape sequences). ESC is among them, so no escape
 * sequence (colours, cursor moves, window titles, clearing the screen) survives. Line
 * and paragraph separators (which some terminals and editors break lines at) and
 * unpaired surrogates (which a terminal can only show as `�`) are shown escaped too.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const CONTROL_OR_NEWLINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const visible = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text from schemas, file names or the command line, made safe to print on a
 * terminal: each control character becomes a visible `\u001b`-style escape. Line
 * feeds stay, unless `oneLine` (a value inside a message must not start a line of its
 * own that looks like another message).
 */
export function escapeControlCharacters(text: string, { oneLine = false } = {}): string {
  return text.replace(oneLine ? CONTROL_OR_NEWLINE : CONTROL, visible);
}
