import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';

/**
 * YAML documents parsed by earlier runs, by the hash of their text: js-yaml reads the
 * Cognito corpus's two OpenAPI documents (2.3 MB) in ~90 ms, the most of a run after an
 * edit elsewhere, and V8's deserializer gives back the same value in ~10 ms. V8's format,
 * not JSON, because a YAML value is more than JSON: `.nan`, `.inf` and `-0.0`, objects
 * shared by aliases (the limits count them once), own `__proto__` keys; all of it comes
 * back as parsed, keys in the same order.
 *
 * Only values that parsed and passed the shape check are remembered; a remembered one
 * is checked again as a fresh parse is (the limits may have changed since). Like every
 * local cache a speed-up only: an entry that does not deserialize is parsed again.
 */
export class YamlParseMemo {
  /** The entries this run used or added: what is worth keeping. */
  readonly used = new Map<string, Uint8Array>();
  private added = 0;

  /** `known`: serialized values by key (see `keyOf`), from an earlier run. */
  constructor(private readonly known: ReadonlyMap<string, Uint8Array> = new Map()) {}

  /** Whether what this run used differs from what the memo held: else there is nothing to save. */
  get changed(): boolean {
    return this.added > 0 || this.used.size !== this.known.size;
  }

  /**
   * The entry of exactly this text (with these parse settings), hashed once: the value an
   * earlier run parsed from it, if any, and how to keep one just parsed for later runs.
   */
  entry(text: string, settings: string): { recalled?: { value: unknown }; keep(value: unknown): void } {
    const key = keyOf(text, settings);
    const keep = (value: unknown) => {
      if (this.used.has(key)) return;
      this.used.set(key, serialize(value));
      if (!this.known.has(key)) this.added++;
    };
    const stored = this.known.get(key);
    if (!stored) return { keep };
    try {
      const value = deserialize(stored);
      this.used.set(key, stored);
      return { recalled: { value }, keep };
    } catch {
      this.added++; // damaged: parsed again, and the fresh value replaces it
      return { keep };
    }
  }
}

/** The text, and the settings of the parse (parser options, limits): a key that no other text or setting gives. */
function keyOf(text: string, settings: string): string {
  return createHash('sha256').update(JSON.stringify(settings)).update('\u0000').update(text).digest('hex');
}
