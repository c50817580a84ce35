import type yaml from 'js-yaml';
import type { SourcePosition } from '../diagnostics/position.js';
import type { ParseLimits } from './parse-document.js';

/**
 * A js-yaml error in our words. js-yaml's own message embeds a snippet of the text;
 * its `reason` is a fixed phrase except for a few that quote a tag or alias name,
 * which are reworded here so no message repeats the file.
 */
export function describeYamlError(error: yaml.YAMLException, text: string, limits: ParseLimits): { code: string; message: string; at?: SourcePosition } {
  const reason = error.reason ?? '';
  const mark = (error as { mark?: { line: number; column: number } }).mark;
  const at = mark ? { line: mark.line + 1, column: mark.column + 1 } : undefined;
  if (reason.startsWith('expected a single document')) {
    const where = secondDocumentStart(text) ?? at;
    return { code: 'multiple-documents', message: 'holds more than one YAML document (separated by ---); a schema or config file holds exactly one', ...(where ? { at: where } : {}) };
  }
  if (reason.startsWith('nesting exceeded maxDepth')) {
    return { code: 'too-deep', message: `invalid YAML: collections nest more than ${limits.maxDepth} levels deep (the maxDepth limit)`, ...(at ? { at } : {}) };
  }
  return { code: 'syntax-error', message: `invalid YAML: ${reword(reason)}`, ...(at ? { at } : {}) };
}

/** Reasons whose js-yaml wording includes text of the file. */
const QUOTING_REASONS: [prefix: string, ours: string][] = [
  ['unknown tag', 'a tag (!name) that JSON has no type for'],
  ['cannot resolve a node with', 'a tag (!name) that cannot be resolved'],
  ['unacceptable node kind for', 'a tag (!name) on the wrong kind of value'],
  ['undeclared tag handle', 'a tag handle that no %TAG directive declares'],
  ['there is a previously declared suffix', 'a tag handle declared twice'],
  ['tag name', 'a malformed tag name'],
  ['tag prefix is malformed', 'a malformed tag prefix'],
  ['unidentified alias', 'an alias (*name) with no anchor (&name) before it'],
];

function reword(reason: string): string {
  const known = QUOTING_REASONS.find(([prefix]) => reason.startsWith(prefix));
  if (known) return known[1];
  // Any other quoted part (a future js-yaml's wording) is dropped rather than repeated.
  return (
    reason
      .replace(/!<[^>]*>?/g, 'a tag')
      .replace(/"[^"]*"?/g, '…')
      .trim() || 'not valid YAML'
  );
}

/** Where the second document starts: the first `---` line after some content. */
function secondDocumentStart(text: string): SourcePosition | undefined {
  const lines = text.split('\n');
  let content = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^(---|\.\.\.)(\s|$)/.test(line)) {
      if (content) return { line: i + 1, column: 1 };
    } else if (line.trim() !== '' && !line.startsWith('#') && !line.startsWith('%')) {
      content = true;
    }
  }
  return undefined;
}
