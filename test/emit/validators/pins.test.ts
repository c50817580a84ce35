import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_DEPENDENCY_VERSIONS } from '../../../src/ajv/modules.js';
import { REPO_ROOT } from '../../helpers/paths.js';

// The transformation steps are written against ajv's and ajv-formats' output: users must
// get exactly the versions the tests ran, and the validator cache must not outlive them.
describe('ajv and ajv-formats', () => {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

  it.each(['ajv', 'ajv-formats'])('%s is pinned to an exact version, the one installed', (name) => {
    const pinned = manifest.dependencies[name]!;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    expect(installed).toBe(pinned);
    expect(CODE_DEPENDENCY_VERSIONS).toContain(`${name}@${pinned}`);
  });
});
