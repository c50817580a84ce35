import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths.js';

// Outside jest: the generated modules must load in a plain `node` process as ESM,
// with no `require` and no package to resolve.
describe('generated/ in plain Node', () => {
  it('imports and validates with no require and no dependency', () => {
    const script = `
      const g = await import(${JSON.stringify(join(REPO_ROOT, 'generated', 'index.js'))});
      const ok = g.validateAdminInitiateAuthResponse({ ChallengeName: 'PASSWORD_VERIFIER', Session: 'x'.repeat(20), ChallengeParameters: { USER_ID_FOR_SRP: 'u' } });
      const bad = g.validateAdminInitiateAuthResponse({ ChallengeName: 'NOPE' });
      console.log(JSON.stringify({ ok, bad, path: g.validateAdminInitiateAuthResponse.errors[0].instancePath }));
    `;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: '/', encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ ok: true, bad: false, path: '/ChallengeName' });
  });

  it('the bin runs from the built package', () => {
    const output = execFileSync(process.execPath, [join(REPO_ROOT, 'bin', 'schema-gen.js'), '--version'], { encoding: 'utf8' });
    expect(output.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
