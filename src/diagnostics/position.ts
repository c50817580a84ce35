import { createRequire } from 'node:module';
import type { Node as JsonNode } from 'jsonc-parser';
import { parsePointer } from '../schema/pointer.js';

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

/** 1-based line and column of a character offset: a binary search in the text's line starts, found once per text. */
export function offsetToPosition(text: string, offset: number): SourcePosition {
  const starts = indexOf(text).lineStarts;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: Math.min(offset, text.length) - starts[low]! + 1 };
}

/**
 * What positions in one text need, computed once per text however many diagnostics
 * point into it (a catalogue schema can carry thousands of warnings: re-parsing the
 * whole file for each one was quadratic). The few most recent texts are kept.
 */
interface SourceIndex {
  lineStarts: number[];
  jsonTree?: JsonNode | null;
}

const indexes = new Map<string, SourceIndex>();
const KEPT_INDEXES = 16;

function indexOf(text: string): SourceIndex {
  let index = indexes.get(text);
  if (index) return index;
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  index = { lineStarts };
  if (indexes.size >= KEPT_INDEXES) indexes.delete(indexes.keys().next().value!);
  indexes.set(text, index);
  return index;
}

function locateInJson(text: string, segments: string[]): SourcePosition | undefined {
  const index = indexOf(text);
  const { parseTree, findNodeAtLocation } = jsoncParser();
  if (index.jsonTree === undefined) index.jsonTree = parseTree(text) ?? null;
  const root = index.jsonTree;
  if (!root) return undefined;
  const path = segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  let node: JsonNode | undefined = findNodeAtLocation(root, path);
  // Point at the key of a property when there is one: that is where a reader looks.
  if (node?.parent?.type === 'property' && node.parent.children?.[0]) node = node.parent.children[0];
  return node ? offsetToPosition(text, node.offset) : undefined;
}

/**
 * YAML documents are parsed with js-yaml on the hot path (fast, no positions). Only
 * when a diagnostic needs a place is the text parsed again, with `yaml`, which keeps
 * source ranges; each document at most once.
 */
function locateInYaml(text: string, segments: string[]): SourcePosition | undefined {
  const yaml = loadYaml();
  let document = parsedYaml.get(text);
  if (!document) parsedYaml.set(text, (document = yaml.parseDocument(text, { uniqueKeys: false })));
  let node: unknown = document.contents;
  let place: [number, number, number] | undefined = (node as { range?: [number, number, number] } | null)?.range;
  for (const segment of segments) {
    if (yaml.isMap(node)) {
      const pair = node.items.find((item) => yaml.isScalar(item.key) && String(item.key.value) === segment);
      if (!pair) return undefined;
      place = (pair.key as { range?: [number, number, number] }).range;
      node = pair.value;
    } else if (yaml.isSeq(node) && /^\d+$/.test(segment)) {
      node = node.items[Number(segment)];
      place = (node as { range?: [number, number, number] } | undefined)?.range;
    } else {
      return undefined;
    }
  }
  return place ? offsetToPosition(text, place[0]) : undefined;
}

// Loaded when a first position in JSON is wanted: a run without diagnostics needs none.
let jsoncModule: typeof import('jsonc-parser') | undefined;
function jsoncParser(): typeof import('jsonc-parser') {
  jsoncModule ??= createRequire(import.meta.url)('jsonc-parser') as typeof import('jsonc-parser');
  return jsoncModule;
}

const parsedYaml = new Map<string, import('yaml').Document.Parsed>();
let yamlModule: typeof import('yaml') | undefined;
function loadYaml(): typeof import('yaml') {
  yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yamlModule;
}
