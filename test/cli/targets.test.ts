import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCliCaptured } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/paths.js';
import { withTempDir } from '../helpers/temp-dir.js';

const SEED_INPUT = join(FIXTURES, 'admin-initiate-auth-response', 'input');

/** Two targets sharing `module`, each with its own inputs and output folder. */
async function twoTargets(dir: string, extra: object = {}): Promise<void> {
  await cp(SEED_INPUT, join(dir, 'schemas'), { recursive: true });
  await writeFile(
    join(dir, 'schema-gen.config.json'),
    JSON.stringify({
      module: 'cjs',
      targets: {
        session: { inputs: ['schemas/session-type.json'], out: 'out/session' },
        names: { inputs: ['schemas/*-name-type.json'], out: 'out/names', module: 'esm' },
      },
      ...extra,
    }),
  );
}

describe('targets', () => {
  it("one command generates every target into its own folder; a target's setting replaces the shared one", async () => {
    await withTempDir(async (dir) => {
      await twoTargets(dir);
      const run = await runCliCaptured([], dir);
      expect(run.code).toBe(0);
      expect(await readdir(join(dir, 'out', 'session', 'types'))).toEqual(['SessionType.d.ts']);
      expect(await readdir(join(dir, 'out', 'names', 'types'))).toEqual(['ChallengeNameType.d.ts']);
      expect(JSON.parse(await readFile(join(dir, 'out', 'session', 'package.json'), 'utf8')).type).toBe('commonjs');
      expect(JSON.parse(await readFile(join(dir, 'out', 'names', 'package.json'), 'utf8')).type).toBe('module');
      expect(run.stderr).toContain('schema-gen [session]: 1 type → out/session/');
      expect(run.stderr).toContain('schema-gen [names]: 1 type → out/names/');
      expect(run.stderr).toContain('schema-gen: 2 targets: session written, names written');
    });
  });

  it('--target runs only the targets it names; an unknown one is a usage error naming the targets', async () => {
    await withTempDir(async (dir) => {
      await twoTargets(dir);
      expect((await runCliCaptured(['--target', 'names'], dir)).code).toBe(0);
      expect(await readdir(join(dir, 'out'))).toEqual(['names']);
      const unknown = await runCliCaptured(['--target', 'nmaes'], dir);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('--target "nmaes": the config file has no such target (its targets: session, names)');
    });
  });

  it('--check reports per target, and exits with the worst of them', async () => {
    await withTempDir(async (dir) => {
      await twoTargets(dir);
      expect((await runCliCaptured([], dir)).code).toBe(0);
      const current = await runCliCaptured(['--check'], dir);
      expect(current.code).toBe(0);
      expect(current.stderr).toContain('schema-gen: 2 targets: session up to date, names up to date');

      await writeFile(join(dir, 'schemas', 'session-type.json'), JSON.stringify({ title: 'SessionType', type: 'string', description: 'Changed.' }));
      const stale = await runCliCaptured(['--check'], dir);
      expect(stale.code).toBe(1);
      expect(stale.stderr).toContain('schema-gen [session]: out/session/ is stale');
      expect(stale.stderr).toContain('schema-gen [names]: 1 type → out/names/ is up to date');
      expect(stale.stderr).toContain('schema-gen: 2 targets: session stale, names up to date');

      await writeFile(join(dir, 'schemas', 'challenge-name-type.json'), '{"title": "ChallengeNameType", "type": "strin"}');
      const worst = await runCliCaptured(['--check'], dir);
      expect(worst.code).toBe(2);
      expect(worst.stderr).toContain('schema-gen: 2 targets: session stale, names failed');
    });
  });

  it("--json gives each target's report under its name", async () => {
    await withTempDir(async (dir) => {
      await twoTargets(dir);
      const run = await runCliCaptured(['--json'], dir);
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as { targets: Record<string, { status: string; typeCount: number }> };
      expect(Object.keys(report.targets)).toEqual(['session', 'names']);
      expect(report.targets.session).toMatchObject({ status: 'written', typeCount: 1 });
    });
  });

  it('two targets writing one folder, or one inside the other, are a config error at the second one\'s "out"', async () => {
    await withTempDir(async (dir) => {
      await cp(SEED_INPUT, join(dir, 'schemas'), { recursive: true });
      await writeFile(join(dir, 'schema-gen.config.json'), '{\n  "targets": {\n    "a": { "out": "gen" },\n    "b": { "out": "gen/b" }\n  }\n}\n');
      const run = await runCliCaptured([], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('error in schema-gen.config.json:4:12 at /targets/b/out: targets "a" and "b" write into the same output folder');
    });
  });

  it('inputs on the command line make one run from the shared settings; --out with several targets is a usage error', async () => {
    await withTempDir(async (dir) => {
      await twoTargets(dir);
      const adHoc = await runCliCaptured(['schemas/session-type.json', '-o', 'adhoc'], dir);
      expect(adHoc.code).toBe(0);
      expect(JSON.parse(await readFile(join(dir, 'adhoc', 'package.json'), 'utf8')).type).toBe('commonjs');
      const out = await runCliCaptured(['-o', 'x'], dir);
      expect(out.code).toBe(2);
      expect(out.stderr).toContain('--out names one folder, but 2 targets would run: pick one with --target (session, names)');
      expect((await runCliCaptured(['-o', 'one', '--target', 'names'], dir)).code).toBe(0);
      expect(await readdir(join(dir, 'one', 'types'))).toEqual(['ChallengeNameType.d.ts']);
    });
  });

  it('a "names" key that names no schema of the run is an error at its line and column (exit 2)', async () => {
    await withTempDir(async (dir) => {
      await twoTargets(dir, {});
      await writeFile(
        join(dir, 'schema-gen.config.json'),
        '{\n  "targets": {\n    "session": {\n      "inputs": ["schemas/session-type.json"],\n      "out": "out",\n      "names": { "schemas/sesion-type.json": "S" }\n    }\n  }\n}\n',
      );
      const run = await runCliCaptured([], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('error in schema-gen.config.json:6:18 at /targets/session/names/schemas~1sesion-type.json: "names" key "schemas/sesion-type.json" names no schema of this run');
      expect(run.stderr).toContain('hint: did you mean "schemas/session-type.json"?');
    });
  });
});
