import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Files no run may read: outside every input folder, at a fixed place (so that the refs
 * naming them, and with them the seeds, are the same in every run on a machine). Their
 * text holds a marker; output, diagnostics or CLI text that contains it has read them
 * (issue 8 items 2 and 8).
 */
export const CANARY_MARKER = 'FUZZ-CANARY-SECRET-7f3a';
export const CANARY_DIR = join(tmpdir(), 'schema-gen-fuzz-canary');
const CANARY_JSON = join(CANARY_DIR, 'secret.json');
const CANARY_TEXT = join(CANARY_DIR, 'secret.txt');

export function writeCanaries(): void {
  mkdirSync(CANARY_DIR, { recursive: true });
  writeFileSync(CANARY_JSON, JSON.stringify({ title: CANARY_MARKER, const: CANARY_MARKER }));
  writeFileSync(CANARY_TEXT, `${CANARY_MARKER} is not JSON\n`);
}

/** The canary file to link from inside an input folder (a committed symlink, say). */
export const CANARY_LINK_TARGET = CANARY_JSON;

/**
 * `$ref`s that try to reach the canaries from an input file at `<case dir>/in-N/<file>`:
 * relative, encoded, absolute, as file: URLs, and through the built-in meta-schema mapping.
 */
export function canaryRefs(): string[] {
  const fromRoot = CANARY_DIR.replace(/^\//, '');
  const up = '..%2F'.repeat(16);
  return [
    '../../schema-gen-fuzz-canary/secret.json',
    '../../schema-gen-fuzz-canary/secret.txt',
    '..%2F..%2Fschema-gen-fuzz-canary%2Fsecret.json',
    '..%252F..%252Fschema-gen-fuzz-canary%252Fsecret.json',
    CANARY_JSON,
    CANARY_TEXT,
    `file://${CANARY_JSON}`,
    `https://json-schema.org/draft/2020-12/${up}${fromRoot.split('/').join('%2F')}%2Fsecret.json`,
    `https://json-schema.org/draft/2020-12/${up}${fromRoot.split('/').join('%2F')}%2Fsecret.txt`,
    `https://json-schema.org/draft/2020-12/../../../../../../../../../../../../${fromRoot}/secret.json`,
  ];
}
