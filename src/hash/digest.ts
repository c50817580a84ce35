import * as crypto from 'node:crypto';

/** `crypto.hash` is Node ≥ 20.12; earlier 20.x have only the streaming API. */
const oneShot = (crypto as { hash?: typeof crypto.hash }).hash;

/**
 * The hex digest of a text (or bytes). A run hashes keys by the thousand, most of them short, where
 * making a Hash object costs more than hashing: the one-shot call, where there is one,
 * gives the same digest for a fraction of that.
 */
export function hexDigest(algorithm: 'sha1' | 'sha256', text: string | Uint8Array): string {
  return oneShot ? oneShot(algorithm, text, 'hex') : crypto.createHash(algorithm).update(text).digest('hex');
}
