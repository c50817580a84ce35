import { hexDigest } from '../../hash/digest.js';
import { isDependency } from './deps.js';

/**
 * What rendering one output file read, and what it wrote: the dependencies its templates
 * read (`deps.ts`), their fingerprint then, and the hash of the text. A later run whose
 * dependencies hash the same would render the same text, so where the file still holds
 * exactly that text it is kept rather than rendered again.
 */
export interface FileTrace {
  deps: string[];
  fingerprint: string;
  contentHash: string;
}

/** The SHA-256 (hex) of a file's text, or of its bytes: the same for text and its UTF-8 encoding. */
export function contentHash(content: string | Buffer): string {
  return hexDigest('sha256', content);
}

/** A trace as a run reads it back from the local cache: anything else is no trace. */
export function isFileTrace(value: unknown): value is FileTrace {
  if (value === null || typeof value !== 'object') return false;
  const trace = value as Partial<FileTrace>;
  return Array.isArray(trace.deps) && trace.deps.every((d) => typeof d === 'string' && isDependency(d)) && typeof trace.fingerprint === 'string' && typeof trace.contentHash === 'string';
}
