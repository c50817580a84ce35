import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { checkConfig } from '../../src/config/check-config.js';
import type { Dialect as ConfigDialect, Settings, WarningLevel } from '../../src/config/generated/index.js';
import { readConfig } from '../../src/config/read-config.js';
import { configSchema, settingDeclarations } from '../../src/config/schema.js';
import { buildProgram } from '../../src/cli/program.js';
import { generate, type GenerateOptions } from '../../src/index.js';
import { DIALECTS, type Dialect } from '../../src/schema/dialect.js';
import { REPO_ROOT } from '../helpers/paths.js';

// Compile-time checks (npm test type-checks the tests): the generated config types and the
// API's types say the same; a schema change that breaks this fails the type check.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const dialectsAgree: Equal<ConfigDialect, Dialect> = true;
type SharedSettings = Omit<Settings, 'out' | 'templates'>;
const optionsHoldEverySetting: Equal<Pick<GenerateOptions, keyof SharedSettings>, SharedSettings> = true;
const foldersAgree: Equal<[GenerateOptions['outDir'], GenerateOptions['templatesDir']], [Settings['out'], Settings['templates']]> = true;
const levels: WarningLevel[] = ['off', 'warning', 'error'];

describe('config.schema.json is the one declaration of the settings', () => {
  it('its checked-in types and validator (src/config/generated) are exactly what schema-gen writes for it', async () => {
    const report = await generate({ cwd: REPO_ROOT, inputs: ['config.schema.json'], outDir: 'src/config/generated', check: true, cache: false });
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.diff).toBe('');
    expect(report.status).toBe('up-to-date');
    // ...and the repository's own config regenerates them with `npx schema-gen` (the "config" target).
    const root = await readConfig(join(REPO_ROOT, 'schema-gen.config.json'));
    if (Array.isArray(root)) throw new Error(JSON.stringify(root));
    expect(root.config.targets?.config).toEqual({ inputs: ['config.schema.json'], out: 'src/config/generated' });
  });

  it('the type checks above hold (they fail the type check, not this test, when they do not)', () => {
    expect([dialectsAgree, optionsHoldEverySetting, foldersAgree]).toEqual([true, true, true]);
    expect(levels).toEqual((configSchema().$defs.warningLevel as { enum: string[] }).enum);
  });

  it('is shipped in the package, resolvable as schema-gen/config.schema.json', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { files: string[]; exports: Record<string, unknown> };
    expect(manifest.files).toContain('config.schema.json');
    const resolved = execFileSync(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('schema-gen/config.schema.json'))"], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(fileURLToPath(resolved.trim())).toBe(join(REPO_ROOT, 'config.schema.json'));
  });

  it('its dialects are the ones schema-gen reads', () => {
    expect((configSchema().$defs.dialect as { enum: string[] }).enum).toEqual([...DIALECTS]);
  });

  it('its warning codes are exactly the warnings the stages before writing can give (a new warning must be listed)', () => {
    const listed = (configSchema().$defs.settings.properties.warnings as { propertyNames: { enum: string[] } }).propertyNames.enum;
    expect([...listed].sort()).toEqual([...warningCodesIn(['load', 'resolve', 'model', 'emit', 'render', 'schema'])].sort());
  });

  it('every setting is described (editors show it), and every flag has its help line in --help', () => {
    const help = buildProgram('0.0.0').helpInformation();
    for (const setting of settingDeclarations()) {
      const property = configSchema().$defs.settings.properties[setting.name]!;
      expect(typeof property.description).toBe('string');
      if (!setting.cli) continue;
      expect(help).toContain(setting.cli.flag);
      expect(help.replace(/\s+/g, ' ')).toContain(setting.cli.help.slice(0, 40));
    }
  });

  it("validates the README's config examples and the one in --help", () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Config file'), readme.indexOf('\n### ', readme.indexOf('### Config file') + 1));
    const examples = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
    expect(examples.length).toBeGreaterThan(0);
    let help = '';
    const program = buildProgram('0.0.0').configureOutput({ writeOut: (s) => (help += s) });
    program.outputHelp();
    const start = help.indexOf('{', help.indexOf('Config file ('));
    examples.push(JSON.parse(balancedObject(help, start)) as Record<string, unknown>);
    for (const example of examples) {
      // A package.json example holds the config under its "schema-gen" key.
      const config = Object.hasOwn(example, 'schema-gen') ? example['schema-gen'] : example;
      const checked = checkConfig(config, (pointer) => ({ pointer }));
      expect(checked.ok ? [] : checked.diagnostics).toEqual([]);
    }
  });
});

/** The `code` of every object literal with `severity: 'warning'` in the given folders of src/. */
function warningCodesIn(folders: string[]): Set<string> {
  const codes = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const property = (name: string) => node.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === name);
      const severity = property('severity')?.initializer;
      const code = property('code')?.initializer;
      if (severity && ts.isStringLiteral(severity) && severity.text === 'warning') {
        if (!code || !ts.isStringLiteral(code)) throw new Error(`a warning whose code is not a string literal: ${node.getText()}`);
        codes.add(code.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const folder of folders) {
    for (const file of filesBelow(join(REPO_ROOT, 'src', folder))) {
      visit(ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true));
    }
  }
  return codes;
}

function filesBelow(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => path.endsWith('.ts') && statSync(path).isFile());
}

/** The text of the `{…}` starting at `start`. */
function balancedObject(text: string, start: number): string {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    if (text[i] === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  throw new Error('unbalanced example');
}
