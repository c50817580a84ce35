import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { coloursFor, runCli } from '../../../src/cli/main.js';
import { withTempDir } from '../../helpers/temp-dir.js';

const ESC = '\u001b[';

describe('colours', () => {
  it('a terminal gets colours; a pipe, NO_COLOR or TERM=dumb do not; FORCE_COLOR overrides the stream, not NO_COLOR', () => {
    expect(coloursFor({ isTTY: true }, {})).toBe(true);
    expect(coloursFor({ isTTY: false }, {})).toBe(false);
    expect(coloursFor({}, { CI: 'true' })).toBe(false);
    expect(coloursFor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(coloursFor({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(coloursFor({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(coloursFor({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
    expect(coloursFor({ isTTY: false }, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(false);
  });

  it.each([
    ['a printer that asks for none (CI set, as picocolors would colour)', undefined, false],
    ['a printer that asks for them', { out: true, err: true }, true],
  ])('%s', (_, colours, expected) =>
    withTempDir(async (dir) => {
      const saved = process.env.CI;
      process.env.CI = 'true';
      try {
        await mkdir(join(dir, 'schemas'));
        await writeFile(join(dir, 'schemas', 'broken.json'), '{"title": "Broken", "type": "object" "properties": {}}\n');
        let stderr = '';
        const code = await runCli(['schemas', '-o', 'out'], { out: () => undefined, err: (t) => (stderr += `${t}\n`), colours }, dir);
        expect(code).toBe(2);
        expect(stderr).toMatch(/error in schemas\/broken\.json:1:/);
        expect(stderr.includes(ESC)).toBe(expected);
      } finally {
        if (saved === undefined) delete process.env.CI;
        else process.env.CI = saved;
      }
    }),
  );
});

describe('--verbose', () => {
  it("prints each stage's time (and how many validators came from the cache, how many files were kept); without it, no such line", () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'schemas'));
      // Runs record what they did in node_modules/.cache/schema-gen/, so a run with nothing to do can tell.
      await mkdir(join(dir, 'node_modules'));
      await writeFile(join(dir, 'schemas', 'a.json'), JSON.stringify({ title: 'A', type: 'object', properties: { b: { type: 'string' } } }));
      const run = async (argv: string[]) => {
        let stderr = '';
        const code = await runCli(argv, { out: () => undefined, err: (t) => (stderr += `${t}\n`) }, dir);
        return { code, stderr };
      };
      const plain = await run(['--no-cache', '-o', 'plain']);
      expect(plain.code).toBe(0);
      expect(plain.stderr).not.toMatch(/ \d+ ms · /);
      const verbose = await run(['--no-cache', '--verbose', '-o', 'verbose']);
      expect(verbose.code).toBe(0);
      expect(verbose.stderr).toMatch(
        /^ {2}templates \d+ ms · load \d+ ms · resolve \d+ ms · model \d+ ms · validators \d+ ms · render \d+ ms · write \d+ ms; 0 of 1 validators reused from the cache, 0 files kept as the last run wrote them\n/m,
      );
      // A run with nothing to do has one stage of its own: comparing the record with the disk.
      const again = await run(['--verbose', '-o', 'verbose']);
      expect(again.stderr).toMatch(/^ {2}unchanged inputs \d+ ms; 1 of 1 validators reused from the cache, 8 files kept as the last run wrote them\nschema-gen: 1 type → verbose\/ is up to date/m);
      // An edit: the first run that renders records what each file read (--no-cache runs and runs with nothing to do render nothing)…
      const edit = (description: string) => writeFile(join(dir, 'schemas', 'a.json'), JSON.stringify({ title: 'A', description, type: 'object', properties: { b: { type: 'string' } } }));
      await edit('Edited.');
      expect((await run(['--verbose', '-o', 'verbose'])).stderr).toMatch(/, 0 files kept as the last run wrote them\nschema-gen: 1 type → verbose\/ \(2 written/m);
      // …and the next keeps the files an edit does not reach.
      await edit('Edited again.');
      expect((await run(['--verbose', '-o', 'verbose'])).stderr).toMatch(
        /; 1 of 1 validators reused from the cache, 7 files kept as the last run wrote them\nschema-gen: 1 type → verbose\/ \(2 written/m,
      );
    }));
});
