import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProgram } from '../src/cli/program.js';
import { configSchema, settingDeclarations } from '../src/config/schema.js';
import { readConfig } from '../src/config/read-config.js';
import { HELPER_DOCS } from '../src/render/helpers.js';
import { corpusPresent } from './helpers/corpus.js';
import { CORPUS, REPO_ROOT } from './helpers/paths.js';

// The README's claims that can drift from the code without any other test noticing: the
// lists it keeps (flags, settings, warning codes, dependencies, src/ folders, what npm test
// runs), its links, and the commands of its Quick start.

const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const packageJson = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The text of the section under `heading` (a whole line, e.g. `## Usage`), up to the next heading of its level or above. */
function section(heading: string): string {
  const level = heading.indexOf(' ');
  const start = README.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`the README has no "${heading}"`);
  const rest = README.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`^#{1,${level}} `, 'm'));
  return end < 0 ? rest : rest.slice(0, end);
}

/** The first cell of every row of the tables in `text`, header and rule rows left out. */
function firstCells(text: string): string[] {
  const rows = text.split('\n').filter((line) => line.startsWith('| '));
  return rows.map((row) => row.split(/(?<!\\)\|/)[1]!.trim()).filter((cell) => !/^-+$/.test(cell) && !['option', 'package', 'stage'].includes(cell));
}

const codeSpans = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

describe('the README', () => {
  it('Usage: its table has exactly the flags of --help', () => {
    const program = buildProgram('0.0.0');
    const inHelp = new Set(['--help', '-h', ...program.options.flatMap((o) => [o.long, o.short].filter((f): f is string => f !== undefined))]);
    const inReadme = new Set(firstCells(section('## Usage')).flatMap((cell) => [...cell.matchAll(/(?<![\w-])--?[a-zA-Z][\w-]*/g)].map((m) => m[0])));
    expect([...inReadme].sort()).toEqual([...inHelp].sort());
  });

  it('Config file: its first example holds every setting of config.schema.json', () => {
    const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(section('### Config file'))![1]!) as Record<string, unknown>;
    const settings = settingDeclarations().map((s) => s.name);
    expect(Object.keys(example).sort()).toEqual(['$schema', ...settings].sort());
    // Each limit too.
    const limits = configSchema().$defs.settings.properties.limits as { properties: Record<string, unknown> };
    expect(Object.keys(example.limits as object).sort()).toEqual(Object.keys(limits.properties).sort());
  });

  it('Config file: "warnings" lists every warning code the config accepts', () => {
    const codes = (configSchema().$defs.settings.properties.warnings as { propertyNames: { enum: string[] } }).propertyNames.enum;
    const paragraph = section('### Config file')
      .split('\n\n')
      .find((p) => p.startsWith('`warnings`'))!;
    expect(
      codeSpans(paragraph)
        .filter((span) => /^[a-z]+(-[a-z]+)+$/.test(span))
        .sort(),
    ).toEqual([...codes].sort());
  });

  it('Templates: names every helper a template can call', () => {
    const paragraph = section('## Templates')
      .split('\n\n')
      .find((p) => p.startsWith('**Helpers**'))!;
    const named = codeSpans(paragraph).flatMap((span) => /^(\w+)(\(.*\))?$/.exec(span)?.[1] ?? []);
    expect(named.sort()).toEqual(Object.keys(HELPER_DOCS).sort());
  });

  it('Dependencies: its tables name every dependency and development dependency, and nothing else', () => {
    const named = firstCells(section('## Dependencies, and why each')).flatMap((cell) => codeSpans(cell));
    const installed = [...Object.keys(packageJson.dependencies), ...Object.keys(packageJson.devDependencies)];
    expect([...new Set(named)].sort()).toEqual(installed.sort());
  });

  it('How it works: names every folder and top-level file of src/', () => {
    const text = section('## How it works');
    const entries = readdirSync(join(REPO_ROOT, 'src'), { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name));
    expect(entries.filter((entry) => !text.includes(`\`${entry}\``) && !text.includes(`\`src/${entry}\``))).toEqual([]);
  });

  it('Tests: names every command npm test runs', () => {
    const leafCommands = (script: string): string[] =>
      script.split(' && ').flatMap((command) => {
        const npmRun = /^npm run ([\w:-]+)$/.exec(command);
        return npmRun ? leafCommands(packageJson.scripts[npmRun[1]!]!) : [command];
      });
    const commands = leafCommands(packageJson.scripts.pretest!);
    expect(commands.length).toBeGreaterThan(4);
    const spans = codeSpans(section('## Tests'));
    expect(commands.filter((command) => !spans.includes(command))).toEqual([]);
    expect(packageJson.scripts.test).toContain('jest');
    expect(spans).toContain('jest');
  });

  it('Performance: the bench markers, once each, hold what npm run bench writes: its header and the targets table', () => {
    const text = section('## Performance');
    const start = text.indexOf('<!-- bench:start -->\n');
    const end = text.indexOf('<!-- bench:end -->\n');
    expect([README.split('<!-- bench:start -->').length, README.split('<!-- bench:end -->').length]).toEqual([2, 2]);
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const written = text.slice(start, end);
    expect(written).toMatch(/^<!-- bench:start -->\nRun of \d{4}-\d\d-\d\d /);
    const targets = written.slice(written.indexOf('### Targets (issue 13)\n'));
    const judged = targets.split('\n').filter((line) => line.startsWith('| ') && / (met|\*\*not met\*\*) \|/.test(line));
    // The nine targets, and ours (marked so).
    expect(judged.filter((line) => !line.startsWith('| ours: '))).toHaveLength(9);
    expect(judged.filter((line) => line.startsWith('| ours: '))).toHaveLength(1);
  });

  it('every link to a heading or a file of the repository leads somewhere', () => {
    const anchors = new Set(
      [...README.matchAll(/^#+ (.+)$/gm)].map((m) =>
        m[1]!
          .toLowerCase()
          .replace(/[^\w\- ]/g, '')
          .replace(/ /g, '-'),
      ),
    );
    const links = [...README.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((link) => !/^https?:/.test(link));
    expect(links.length).toBeGreaterThan(20);
    expect(links.filter((link) => (link.startsWith('#') ? !anchors.has(link.slice(1)) : !existsSync(join(REPO_ROOT, link))))).toEqual([]);
  });

  it("Quick start: the repository's config has the two targets it names", async () => {
    const text = section('## Quick start');
    expect(text).toContain('`example` (the seed schemas in `schemas/` → `generated/`)');
    expect(text).toContain('`config` (`config.schema.json` → `src/config/generated/`');
    const root = await readConfig(join(REPO_ROOT, 'schema-gen.config.json'));
    if (Array.isArray(root)) throw new Error(JSON.stringify(root));
    expect(root.config.targets).toEqual({ example: { inputs: ['schemas'], out: 'generated' }, config: { inputs: ['config.schema.json'], out: 'src/config/generated' } });
  });

  (corpusPresent ? it : it.skip)('Quick start: `node examples/cognito/generate.js <folder>` reads the whole profile (531 schemas and both OpenAPI documents)', () => {
    expect(section('## Quick start')).toContain('node examples/cognito/generate.js <folder>/amazon-cognito');
    // --print-inputs resolves every ref (an unresolved one is exit 2) but compiles and writes nothing.
    const listed = execFileSync(process.execPath, [join(REPO_ROOT, 'examples', 'cognito', 'generate.js'), CORPUS, '--print-inputs'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    })
      .trim()
      .split('\n');
    expect(listed.filter((file) => /\/json-schema\/[^/]+\.json$/.test(file))).toHaveLength(531);
    expect(listed.filter((file) => /\/openapi\/amazon-cognito-(user|identity)-pools-openapi\.yml$/.test(file))).toHaveLength(2);
  });
});
