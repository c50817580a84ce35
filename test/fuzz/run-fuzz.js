// The fuzz tests outside `npm test` (which runs them at their default size, fixed seed):
//   npm run fuzz          ten times the runs, from a random seed (printed first)
//   npm run fuzz:quick    a few runs, for a quick check while fixing (FUZZ_RUNS overrides)
//   npm run fuzz:replay   exactly the FUZZ_SEED (and FUZZ_PATH) a failure printed
// Extra arguments go to jest: `npm run fuzz -- test/fuzz/differential-ajv.test.ts`.
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [mode, ...jestArgs] = process.argv.slice(2);
const env = { ...process.env };
if (mode === 'long') {
  env.FUZZ_LONG = '1';
  env.FUZZ_SEED ??= String(randomInt(2 ** 31));
} else if (mode === 'quick') {
  env.FUZZ_RUNS ??= '3';
} else if (mode !== 'replay') {
  console.error('usage: node test/fuzz/run-fuzz.js long|quick|replay [jest arguments]');
  process.exit(2);
}
const shown = ['FUZZ_SEED', 'FUZZ_RUNS', 'FUZZ_PATH', 'FUZZ_LONG', 'FUZZ_IGNORE'].filter((k) => env[k] !== undefined).map((k) => `${k}=${env[k]}`);
console.log(`fuzz (${mode}): ${shown.join(' ') || 'defaults'}`);
const child = spawn(
  process.execPath,
  ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning', join(root, 'node_modules', 'jest', 'bin', 'jest.js'), ...(jestArgs.length > 0 ? jestArgs : ['test/fuzz'])],
  { cwd: root, env, stdio: 'inherit' },
);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
