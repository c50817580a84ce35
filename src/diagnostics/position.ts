import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { parsePointer } from '../resolve/pointer.js';

export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * Line/column of a JSON pointer in a document's source text. Computed only when a
 * diagnostic needs it, so the hot path parses with plain JSON.parse.
 */
export function locatePointer(sourceText: string, format: 'json' | 'yaml', pointer: string): SourcePosition | undefined {
  const segments = parsePointer(pointer);
  if (segments === undefined) return undefined;
  return format === 'json' ? locateInJson(sourceText, segments) : locateInYaml(sourceText, segments);
}

export function offsetToPosition(text: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function locateInJson(text: string, segments: string[]): SourcePosition | undefined {
  const root = parseTree(text);
  if (!root) return undefined;
  const path = segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  let node: JsonNode | undefined = findNodeAtLocation(root, path);
  // Point at the key of a property when there is one: that is where a reader looks.
  if (node?.parent?.type === 'property' && node.parent.children?.[0]) node = node.parent.children[0];
  return node ? offsetToPosition(text, node.offset) : undefined;
}

/**
 * YAML documents are parsed with js-yaml (fast, no positions). To place a pointer we
 * walk the text by indentation: good enough for block-style OpenAPI documents.
 */
function locateInYaml(text: string, segments: string[]): SourcePosition | undefined {
  const lines = text.split('\n');
  let from = 0;
  let parentIndent = -1;
  let found: SourcePosition | undefined;
  for (const segment of segments) {
    found = undefined;
    for (let i = from; i < lines.length; i++) {
      const line = lines[i]!;
      const indent = line.length - line.trimStart().length;
      if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
      if (indent <= parentIndent && i > from) break;
      const key = line.trimStart().replace(/^- /, '');
      if (key.startsWith(`${segment}:`) || key.startsWith(`'${segment}':`) || key.startsWith(`"${segment}":`)) {
        found = { line: i + 1, column: indent + 1 };
        from = i + 1;
        parentIndent = indent;
        break;
      }
    }
    if (!found) return undefined;
  }
  return found;
}
