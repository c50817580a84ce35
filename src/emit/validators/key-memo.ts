import { DIALECTS } from '../../schema/dialect.js';
import type { DocumentFacts } from './document-facts.js';

/**
 * What the cache keys of a run's validator modules took walking and hashing every
 * document to learn, kept between runs so that the next run redoes that only for what
 * changed: the hash of each document's prepared copy (by everything the copy depends on,
 * see prepared-inputs.ts) and each document's facts (by its text, role and dialect, see
 * document-facts.ts). A run where every module comes from the cache then prepares no
 * copy and walks no unchanged document.
 *
 * Like the module cache it is only a speed-up, and local state we did not write in this
 * run: a file that is not exactly what we write, or that another build of schema-gen
 * wrote, is an empty memo. Only what a run used is kept (see cache-file.ts).
 */
export class KeyMemo {
  private readonly usedHashes = new Map<string, string>();
  private readonly usedFacts = new Map<string, DocumentFacts>();
  private added = 0;
  private readonly initialSize: number;
  /** How many lookups the memo answered, and how many it had to `make` (what a run saved, and what it did not). */
  reused = 0;
  computed = 0;

  /** `tool`: the build of schema-gen the memo is kept for (a memo of no build is never written). */
  constructor(
    private readonly hashes = new Map<string, string>(),
    private readonly facts = new Map<string, DocumentFacts>(),
    readonly tool?: string,
  ) {
    this.initialSize = hashes.size + facts.size;
  }

  /** Whether what this run used differs from what the memo held: else there is nothing to save. */
  get changed(): boolean {
    return this.added > 0 || this.usedHashes.size + this.usedFacts.size !== this.initialSize;
  }

  /** The hash of a prepared copy, by everything it depends on; `make` prepares and hashes it when the memo has none. */
  preparedHash(inputs: string, make: () => string): string {
    return this.remember(this.hashes, this.usedHashes, inputs, make);
  }

  /** A document's facts, by its text, role and dialect; `make` walks it when the memo has none. */
  documentFacts(inputs: string, make: () => DocumentFacts): DocumentFacts {
    return this.remember(this.facts, this.usedFacts, inputs, make);
  }

  private remember<T>(all: Map<string, T>, used: Map<string, T>, key: string, make: () => T): T {
    let value = all.get(key);
    if (value === undefined) {
      value = make();
      all.set(key, value);
      this.added++;
      this.computed++;
    } else {
      this.reused++;
    }
    used.set(key, value);
    return value;
  }

  /** The file's text: what this run used, for `tool`. */
  toFileText(tool: string): string {
    const contents: MemoFile = { format: MEMO_FORMAT, tool, preparedHashes: Object.fromEntries(this.usedHashes), documentFacts: Object.fromEntries(this.usedFacts) };
    return JSON.stringify(contents);
  }

  /** The memo a file holds for `tool`; empty when the file is anything else. */
  static fromFileText(text: string, tool: string): KeyMemo {
    let contents: unknown;
    try {
      contents = JSON.parse(text);
    } catch {
      return new KeyMemo(undefined, undefined, tool);
    }
    if (!isMemoFile(contents) || contents.tool !== tool) return new KeyMemo(undefined, undefined, tool);
    return new KeyMemo(new Map(Object.entries(contents.preparedHashes)), new Map(Object.entries(contents.documentFacts)), tool);
  }
}

const MEMO_FORMAT = 'schema-gen validator keys 1';

interface MemoFile {
  format: typeof MEMO_FORMAT;
  tool: string;
  preparedHashes: Record<string, string>;
  documentFacts: Record<string, DocumentFacts>;
}

const SHA256 = /^[0-9a-f]{64}$/;
/** See factsKeyOf. */
const FACTS_KEY = new RegExp(`^[0-9a-f]{64} (json|yaml) (input|components|referenced) (${DIALECTS.map((d) => d.replace('.', '\\.')).join('|')})$`);

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Exactly the shape we write: every key and hash a sha256, every fact of its type. */
function isMemoFile(value: unknown): value is MemoFile {
  if (!isRecord(value) || value.format !== MEMO_FORMAT || typeof value.tool !== 'string') return false;
  const { preparedHashes, documentFacts } = value;
  if (!isRecord(preparedHashes) || !isRecord(documentFacts)) return false;
  if (!Object.entries(preparedHashes).every(([key, hash]) => SHA256.test(key) && typeof hash === 'string' && SHA256.test(hash))) return false;
  return Object.entries(documentFacts).every(([key, facts]) => FACTS_KEY.test(key) && isDocumentFacts(facts));
}

function isDocumentFacts(value: unknown): value is DocumentFacts {
  if (!isRecord(value) || Object.keys(value).length !== 3) return false;
  const { crossesRefs, mentionsStandIn, hasEmptyEnum } = value;
  return Array.isArray(crossesRefs) && crossesRefs.every((d) => (DIALECTS as readonly unknown[]).includes(d)) && typeof mentionsStandIn === 'boolean' && typeof hasEmptyEnum === 'boolean';
}
