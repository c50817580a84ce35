import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { annotation, escapeData, escapeProperty, repositoryPath, repositoryRootOf } from '../../../src/cli/reporters/github.js';
import { runCliCaptured } from '../../helpers/cli.js';
import { FIXTURES } from '../../helpers/paths.js';
import { withTempDir } from '../../helpers/temp-dir.js';

const SEED_INPUT = join(FIXTURES, 'admin-initiate-auth-response', 'input');

/**
 * GitHub's workflow command syntax: `::error` or `::warning`, then properties
 * (`name=value`, comma-separated, with `%`, CR, LF, `:` and `,` escaped), then `::` and the
 * message (with `%`, CR and LF escaped).
 */
const PROPERTY = String.raw`[a-zA-Z]+=(?:[^%,:\r\n]|%25|%0D|%0A|%3A|%2C)*`;
const ANNOTATION = new RegExp(String.raw`^::(error|warning) ${PROPERTY}(?:,${PROPERTY})*::(?:[^%\r\n]|%25|%0D|%0A)*$`);

describe('--reporter github', () => {
  // Inside GitHub Actions, GITHUB_WORKSPACE names the repository: these tests build their own.
  const workspace = process.env.GITHUB_WORKSPACE;
  beforeEach(() => delete process.env.GITHUB_WORKSPACE);
  afterEach(() => (workspace === undefined ? delete process.env.GITHUB_WORKSPACE : (process.env.GITHUB_WORKSPACE = workspace)));

  it('paths are relative to GITHUB_WORKSPACE in Actions, else to the nearest folder holding .git', () => {
    expect(repositoryRootOf('/w/repo/packages/api', { GITHUB_WORKSPACE: '/w/repo' })).toBe('/w/repo');
    expect(repositoryRootOf('/nowhere/at/all', {})).toBe('/nowhere/at/all');
  });

  it("a broken schema becomes annotations in GitHub's syntax, at the file (relative to the repository), line and column", async () => {
    await withTempDir(async (dir) => {
      const project = join(dir, 'repo', 'packages', 'api');
      await mkdir(join(dir, 'repo', '.git'), { recursive: true });
      await cp(SEED_INPUT, join(project, 'schemas'), { recursive: true });
      await writeFile(join(project, 'schema-gen.config.json'), '{ "inputs": ["schemas"] }');
      await writeFile(
        join(project, 'schemas', 'broken.json'),
        '{\n  "title": "Broken, 100%: really",\n  "properties": {\n    "a": { "$ref": "#/components/schemas/SessionTyp" },\n    "b": { "minLenght": 3 }\n  }\n}\n',
      );
      const run = await runCliCaptured(['--reporter', 'github'], join(project, 'schemas'));
      expect(run.code).toBe(2);
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(line).toMatch(ANNOTATION);
      expect(lines).toContain(
        '::error file=packages/api/schemas/broken.json,line=4,col=12,title=schema-gen unresolved-ref::at /properties/a/$ref: "#/components/schemas/SessionTyp": no input schema is titled "SessionTyp", and no --components document defines it%0Ahint: did you mean "SessionType"? pass the OpenAPI document that defines it with --components <file>',
      );
      expect(
        lines.some((l) =>
          l.startsWith('::warning file=packages/api/schemas/broken.json,line=5,col=12,title=schema-gen unknown-keyword::at /properties/b/minLenght: unknown keyword "minLenght" is ignored'),
        ),
      ).toBe(true);
      // The summary stays for people, on stderr.
      expect(run.stderr).toContain('schema-gen: 1 error; nothing was written (generated/ is unchanged).');
    });
  });

  it('escapes as GitHub does: %, CR and LF in messages; also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const line = annotation({ severity: 'warning', code: 'x', message: 'line one\nline two', file: 'a,b:c.json', line: 2, column: 3, pointer: '/p' }, 'dir/a,b:c.json');
    expect(line).toBe('::warning file=dir/a%2Cb%3Ac.json,line=2,col=3,title=schema-gen x::at /p: line one\\u000aline two');
    expect(line).toMatch(ANNOTATION);
    // A file outside the repository, or a URL, is named in the text instead.
    expect(annotation({ severity: 'error', code: 'y', message: 'm', file: 'https://example.com/s.json' }, undefined)).toBe('::error title=schema-gen y::https://example.com/s.json m');
    expect(repositoryPath('https://example.com/s.json', '/repo/pkg', '/repo')).toBeUndefined();
    expect(repositoryPath('../../elsewhere/a.json', '/repo/pkg', '/repo')).toBeUndefined();
    expect(repositoryPath('schemas/a.json', '/repo/pkg', '/repo')).toBe('pkg/schemas/a.json');
  });

  it('a stale --check annotates each stale file, and prints the diff with workflow commands stopped', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, '.git'));
      await cp(SEED_INPUT, join(dir, 'schemas'), { recursive: true });
      expect((await runCliCaptured([], dir)).code).toBe(0);
      // A description whose line would read as a command if printed raw at the start of a line.
      await writeFile(join(dir, 'schemas', 'session-type.json'), JSON.stringify({ title: 'SessionType', type: 'string', description: 'x\n\n::error::injected' }));
      const run = await runCliCaptured(['--check', '--reporter', 'github'], dir);
      expect(run.code).toBe(1);
      const lines = run.stdout.split('\n');
      expect(lines).toContain('::error file=generated/types/SessionType.d.ts,title=schema-gen stale-output::generated/types/SessionType.d.ts is stale: run `npx schema-gen` and commit the result');
      const stop = lines.findIndex((l) => l.startsWith('::stop-commands::'));
      const token = lines[stop]!.slice('::stop-commands::'.length);
      expect(token).toMatch(/^[0-9a-f]{32}$/);
      const resume = lines.indexOf(`::${token}::`);
      expect(resume).toBeGreaterThan(stop);
      expect(lines.slice(stop + 1, resume).join('\n')).toContain('::error::injected');
      expect(lines[stop - 1]).toMatch(/^::group::/);
      expect(lines[resume + 1]).toBe('::endgroup::');
    });
  });
});
