import type { Limits } from '../limits.js';

/**
 * A parsed document too deep, whose YAML aliases expand too far, or with a key that is
 * not well-formed Unicode; `path` leads to where.
 */
export interface ShapeProblem {
  limit: 'maxDepth' | 'maxAliasExpansion' | 'unpairedSurrogate';
  path: string[];
}

/** A UTF-16 surrogate without its other half: JSON can spell it (`"\udfff"`), no URI, file name or identifier can. */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

interface Visit {
  value: unknown;
  depth: number;
  /** Reached through a YAML alias: a container already visited elsewhere. */
  aliased: boolean;
  parent: Visit | undefined;
  key: string;
}

/**
 * Check a parsed document once, iteratively, so that every later recursive walk of it
 * is safe: nesting stays within `maxDepth`, and (for YAML, where js-yaml shares one
 * object for every alias of an anchor) the values aliases add stay within
 * `maxAliasExpansion`. The walk stops at the first limit crossed, so an alias bomb
 * costs at most that many steps.
 */
export function checkDocumentShape(json: unknown, limits: Pick<Limits, 'maxDepth' | 'maxAliasExpansion'>, mayShare: boolean): ShapeProblem | undefined {
  const seen = mayShare ? new Set<object>() : undefined;
  let expanded = 0;
  const pending: Visit[] = [{ value: json, depth: 0, aliased: false, parent: undefined, key: '' }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const { value } = visit;
    if (value === null || typeof value !== 'object') continue;
    const depth = visit.depth + 1;
    if (depth > limits.maxDepth) return { limit: 'maxDepth', path: pathOf(visit) };
    let aliased = visit.aliased;
    if (seen) {
      if (!aliased && seen.has(value)) {
        aliased = true;
        expanded++;
      }
      if (!aliased) seen.add(value);
    }
    const keys = Object.keys(value);
    if (aliased) {
      expanded += keys.length;
      if (expanded > limits.maxAliasExpansion) return { limit: 'maxAliasExpansion', path: pathOf(visit) };
    }
    // Pushed last-first, so that children are visited in document order.
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      // Keys become pointers, URIs, file and type names.
      if (UNPAIRED_SURROGATE.test(key)) return { limit: 'unpairedSurrogate', path: [...pathOf(visit), key] };
      const child = (value as Record<string, unknown>)[key];
      // Only objects and arrays have depth or keys to check: no visit for the many other values.
      if (child !== null && typeof child === 'object') pending.push({ value: child, depth, aliased, parent: visit, key });
    }
  }
  return undefined;
}

function pathOf(visit: Visit): string[] {
  const path: string[] = [];
  for (let at: Visit | undefined = visit; at?.parent; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * Offset in JSON text of the first bracket or brace that opens level `maxDepth + 1`,
 * found by a scan that skips strings (no parse, no recursion).
 */
export function offsetBeyondDepth(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return undefined;
}
