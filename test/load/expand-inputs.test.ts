import { existsSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { generate } from '../../src/index.js';
import { expandInputs } from '../../src/load/expand-inputs.js';
import { runCliCaptured } from '../helpers/cli.js';
import { expectSecretNowhere, plantSecret } from '../helpers/secret.js';
import { withTempDir } from '../helpers/temp-dir.js';

async function files(dir: string, paths: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(paths)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

const schema = (title: string) => JSON.stringify({ title, type: 'string' });

describe('symlinks in the inputs (issue 8: a committed schemas/x.json → ../../secret.json was read)', () => {
  it.each([
    ['a symlinked file in an input folder', ['schemas'], 'x.json', 'secret', 'error in schemas/x.json: is a symbolic link to a file outside the input folders; it is not read'],
    ['a symlinked folder in an input folder', ['schemas'], 'linked', 'folder', 'error in schemas/linked: is a symbolic link to a folder outside the input folders; its files are not read'],
    ['a symlinked file matched by a glob', ['schemas/*.json'], 'x.json', 'secret', 'error in schemas/x.json: is a symbolic link to a file outside the input folders; it is not read'],
    ['a symlinked folder under a ** glob', ['schemas/**/*.json'], 'linked', 'folder', 'error in schemas/linked: is a symbolic link to a folder outside the input folders; its files are not read'],
    [
      'a symlinked file named as an input',
      ['schemas/x.json', 'schemas/a.json'],
      'x.json',
      'secret',
      'error in schemas/x.json: schema not read: it is reached through a symbolic link that leads outside the input folders',
    ],
  ])('%s: exit 2 saying so, and the secret is nowhere', (_, inputs, link, target, message) =>
    withTempDir(async (dir) => {
      const secret = await plantSecret(dir);
      await files(secret.project, { 'schemas/a.json': schema('A') });
      await symlink(target === 'secret' ? secret.json : dirname(secret.json), join(secret.project, 'schemas', link));
      const run = await runCliCaptured([...inputs, '-o', 'out'], secret.project);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain('schema-gen: 1 error; nothing was written');
      expect(existsSync(join(secret.project, 'out'))).toBe(false);
      await expectSecretNowhere(secret, dir, [run.stdout, run.stderr]);
    }),
  );

  it('a --components document that is a symlink out of its folder is refused', () =>
    withTempDir(async (dir) => {
      const secret = await plantSecret(dir);
      await files(secret.project, { 'schemas/a.json': schema('A') });
      await mkdir(join(secret.project, 'api'));
      await symlink(secret.json, join(secret.project, 'api', 'openapi.json'));
      const run = await runCliCaptured(['schemas', '--components', 'api/openapi.json', '-o', 'out'], secret.project);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('error in api/openapi.json: components document not read: it is reached through a symbolic link that leads outside the input folders');
      await expectSecretNowhere(secret, dir, [run.stdout, run.stderr]);
    }));

  it('symlinks that stay inside the roots are followed: to a file, to a folder, into another input folder, and a loop ends', () =>
    withTempDir(async (dir) => {
      await files(dir, {
        'schemas/sub/real.json': schema('Real'),
        'shared/common.json': schema('Common'),
        'schemas/user.json': JSON.stringify({ title: 'User', type: 'object', properties: { a: { $ref: 'alias.json' }, c: { $ref: 'common/common.json' } } }),
      });
      await symlink('sub/real.json', join(dir, 'schemas', 'alias.json'));
      await symlink('../shared', join(dir, 'schemas', 'common'));
      await symlink('.', join(dir, 'schemas', 'sub', 'loop'));
      const report = await generate({ cwd: dir, inputs: ['schemas', 'shared'], outDir: 'out', typesOnly: true });
      expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(report.status).toBe('written');
    }));
});

describe('input paths the system cannot take', () => {
  it('a NUL character in an input, a components document or a mapped folder is an error, not an internal one', () =>
    withTempDir(async (dir) => {
      await files(dir, { 'schemas/a.json': JSON.stringify({ title: 'A', properties: { x: { $ref: 'https://vendor.example/x.json' } } }) });
      const report = await generate({ cwd: dir, inputs: ['schemas', 'sch\0emas'], components: ['api\0.yml'], uriMap: { 'https://vendor.example/': 'ven\0dor' }, outDir: 'out' });
      expect(report.diagnostics.map((d) => [d.code, d.message])).toEqual([
        ['input-not-found', 'input "sch\0emas": the path holds a NUL character'],
        ['read-failed', 'cannot read components document: the path holds a NUL character'],
        ['unresolved-ref', '"https://vendor.example/x.json" cannot be read (the path holds a NUL character)'],
      ]);
    }));
});

describe('expanding folders and glob patterns', () => {
  const expand = (dir: string, inputs: string[], outDir?: string) => expandInputs(inputs, dir, outDir && join(dir, outDir));
  const relativeTo = (dir: string, paths: string[]) => paths.map((p) => p.slice(dir.length + 1));

  it('a folder: every .json/.yaml/.yml below it, without hidden entries, node_modules or the output folder (content decides the rest, at load)', () =>
    withTempDir(async (dir) => {
      await files(dir, {
        'a.json': '{}',
        'b.yaml': '{}',
        'deep/c/d.yml': '{}',
        'notes.txt': '',
        '.hidden/e.json': '{}',
        '.f.json': '{}',
        'node_modules/pkg/g.json': '{}',
        'package.json': '{}',
        'tsconfig.build.json': '{}',
        'schema-gen.config.json': '{}',
        'out/types/h.json': '{}',
      });
      const expanded = await expand(dir, ['.'], 'out');
      expect(relativeTo(dir, expanded.files)).toEqual(['a.json', 'b.yaml', 'deep/c/d.yml', 'package.json', 'schema-gen.config.json', 'tsconfig.build.json']);
      expect(expanded.diagnostics).toEqual([]);
    }));

  it('patterns: relative, ./-prefixed, absolute and **, matched below their fixed folder only', () =>
    withTempDir(async (dir) => {
      await files(dir, { 'api/v1/a.json': '{}', 'api/v1/b.yaml': '{}', 'api/v1/old/c.json': '{}', 'api/.x.json': '{}', 'other/d.json': '{}' });
      expect(relativeTo(dir, (await expand(dir, ['api/v1/*.json'])).files)).toEqual(['api/v1/a.json']);
      expect(relativeTo(dir, (await expand(dir, ['./api/v1/*.{json,yaml}'])).files)).toEqual(['api/v1/a.json', 'api/v1/b.yaml']);
      expect(relativeTo(dir, (await expand(dir, [join(dir, 'api', '**', '*.json')])).files)).toEqual(['api/v1/a.json', 'api/v1/old/c.json']);
      expect(relativeTo(dir, (await expand(dir, ['**/*.json'])).files)).toEqual(['api/v1/a.json', 'api/v1/old/c.json', 'other/d.json']);
      const expanded = await expand(dir, ['api/*.json']);
      expect(expanded.files).toEqual([]);
      expect(expanded.diagnostics).toEqual([expect.objectContaining({ code: 'input-not-found', message: 'input "api/*.json": the pattern matches no file' })]);
    }));
});
