import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
export const SHARED = join(REPO_ROOT, '..', 'shared');
export const CORPUS = join(SHARED, 'corpus', 'amazon-cognito');
