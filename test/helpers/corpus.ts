import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from './paths.js';

export const CORPUS_SCHEMAS = join(CORPUS, 'json-schema');
export const USER_POOLS_OPENAPI = join(CORPUS, 'openapi', 'amazon-cognito-user-pools-openapi.yml');
export const IDENTITY_POOLS_OPENAPI = join(CORPUS, 'openapi', 'amazon-cognito-identity-pools-openapi.yml');

/** Corpus tests run wherever ../shared is laid out (it is in CI); elsewhere they say loudly why not. */
export const corpusPresent = existsSync(CORPUS_SCHEMAS);
if (!corpusPresent) console.warn(`\n*** corpus tests SKIPPED: ${CORPUS_SCHEMAS} is absent ***\n`);
export const describeCorpus = corpusPresent ? describe : describe.skip;
export const itCorpus = corpusPresent ? it : it.skip;
