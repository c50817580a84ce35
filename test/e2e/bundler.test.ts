import { build } from 'esbuild';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../helpers/paths.js';
import { withTempDir } from '../helpers/temp-dir.js';

// Generated validators are plain modules with relative imports only: a bundler takes
// them as they are, with no ajv or any other package to resolve.
describe('generated/ through a bundler', () => {
  it.each(['esm', 'cjs'] as const)('bundles with esbuild (%s, platform neutral) and validates', (format) =>
    withTempDir(async (dir) => {
      const result = await build({
        stdin: {
          contents: "export { validateAdminInitiateAuthResponse, formatErrors } from './generated/index.js';",
          resolveDir: REPO_ROOT,
        },
        bundle: true,
        format,
        platform: 'neutral',
        write: false,
        logLevel: 'silent',
      });
      const file = join(dir, format === 'esm' ? 'bundle.mjs' : 'bundle.cjs');
      await writeFile(file, result.outputFiles[0]!.text);
      const bundle = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const api = (format === 'cjs' ? (bundle.default as Record<string, unknown>) : bundle) as {
        validateAdminInitiateAuthResponse: ((d: unknown) => boolean) & { errors?: unknown };
        formatErrors: (e: unknown) => string;
      };
      expect(api.validateAdminInitiateAuthResponse({ ChallengeName: 'SMS_MFA' })).toBe(true);
      expect(api.validateAdminInitiateAuthResponse({ ChallengeName: 'NOPE' })).toBe(false);
      expect(api.formatErrors(api.validateAdminInitiateAuthResponse.errors)).toMatch(/^\/ChallengeName: must be equal to one of the allowed values/);
    }),
  );
});
