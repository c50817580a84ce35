import { Command, Option } from 'commander';
import { settingDeclarations, type SettingDeclaration } from '../config/schema.js';

/** What the command line can say besides the settings (which config.schema.json declares). */
export interface CliOnlyFlags {
  config?: string;
  target?: string[];
  check?: boolean;
  force?: boolean;
  watch?: boolean;
  cache?: boolean;
  printInputs?: boolean;
  json?: boolean;
  reporter?: 'human' | 'github';
  verbose?: boolean;
  quiet?: boolean;
}

/** Parsed flags: the command line's own, and each setting's flag under commander's name for it (`--first-error` → `firstError`). */
export type CliFlags = CliOnlyFlags & Record<string, unknown>;

export const REPORTERS = ['human', 'github'] as const;

const EXAMPLES = `
Examples:
  $ npx schema-gen
      generate generated/ from schemas/ (or every target of the config file)
  $ npx schema-gen --check
      in CI: fail with a diff when the checked-in output is stale
  $ npx schema-gen --check --reporter github
      the same, with each problem as an annotation on the pull request
  $ npx schema-gen 'api/user-pools-*.json' --components api/user-pools-openapi.yml -o src/api
      a glob of schema files; refs like #/components/schemas/X that no input answers
      are looked up in the OpenAPI document's components.schemas
  $ npx schema-gen --target user-pools
      only the config's target "user-pools"
  $ npx schema-gen --watch
      regenerate on every change while you edit schemas
  $ npx schema-gen --print-inputs
      every file a run reads, one per line: for task runners' cache keys

Config file (schema-gen.config.json, .yaml, .yml, .mjs or the "schema-gen" key of package.json,
found in the working folder or the nearest folder above it, up to the repository's root; or -c <file>):
  { "$schema": "./node_modules/schema-gen/config.schema.json",
    "components": ["openapi/api.yml"], "formats": "assert",
    "targets": {
      "user-pools": { "inputs": ["schemas/user-pools-*.json"], "out": "packages/user-pools/generated" },
      "identity-pools": { "inputs": ["schemas/identity-pools-*.json"], "out": "packages/identity-pools/generated",
                          "names": { "schemas/identity-pools-date-type.json": "IdentityDate" } } },
    "warnings": { "implied-type": "off", "unknown-keyword": "error" } }
  Every setting is described in config.schema.json (editors complete it through "$schema").
  Paths in it are relative to the config file, and so is every path the run writes or shows,
  from whatever folder it runs. Flags override it; an unknown setting is an error.

Output (see README "Output contract"):
  <out>/types/<Name>.d.ts        one declaration per schema, others imported with import type
  <out>/validators/<Name>.js     precompiled ajv validator, ES module, no runtime dependency
  <out>/index.js, index.d.ts     every type, validate<Name>() and assert<Name>() by name
  <out>/.schema-gen-manifest.json  what schema-gen wrote there, with hashes: only those files
                                 are ever replaced or removed (commit it with the output)

Exit codes: 0 done, 1 --check found stale output, 2 bad input, usage or config, 70 internal error
(with several targets: the worst of them).`;

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The option a setting's `x-cli` annotation declares: choices, repetition and help all come from the schema. */
export function settingOption(setting: SettingDeclaration & { cli: NonNullable<SettingDeclaration['cli']> }): Option {
  const option = new Option(setting.cli.flag, setting.cli.help);
  if (setting.choices) option.choices(setting.choices);
  if (setting.kind === 'list' || setting.kind === 'map') option.argParser(collect);
  return option;
}

/** The settings that have a flag, each with its option. */
export function settingOptions(): { setting: SettingDeclaration; option: Option }[] {
  return settingDeclarations().flatMap((setting) => (setting.cli ? [{ setting, option: settingOption({ ...setting, cli: setting.cli }) }] : []));
}

export function buildProgram(version: string): Command {
  const program = new Command('schema-gen')
    .description('Generate TypeScript types and precompiled ajv validators from JSON Schema files.')
    .version(version, '-V, --version')
    .argument('[inputs...]', 'schema files, folders or glob patterns (default: the config\'s "inputs", else schemas/)')
    .option('-c, --config <file>', 'config file (default: the nearest schema-gen.config.json|.yaml|.yml|.mjs, or package.json "schema-gen" key, up to the repository root)')
    .option('--target <name>', 'run only this target of the config (repeatable); default: every target', collect)
    .option('--check', 'do not write: exit 1 with a diff if the output folder is not what this run would write')
    .option('--force', 'overwrite files at paths this run writes that schema-gen did not write (or that were edited since); never removes them');
  for (const { option } of settingOptions()) program.addOption(option);
  return program
    .option('-w, --watch', 'generate, then again whenever an input, components document, template or the config changes (Ctrl-C to stop)')
    .option('--no-cache', 'do every step: check every schema, compile every validator and render every file afresh (by default, what is unchanged is reused from node_modules/.cache/schema-gen)')
    .option('--print-inputs', 'print every file a run reads (inputs, files refs lead to, components, templates, config), one per line, and exit')
    .option('--json', 'print the run report as JSON on stdout')
    .addOption(new Option('--reporter <name>', '"human" (default) or "github": problems as GitHub Actions annotations on the pull request').choices(REPORTERS))
    .option('--verbose', 'more detail, and stack traces for internal errors')
    .option('-q, --quiet', 'print only errors (and a count of warnings)')
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run schema-gen --help for usage)')
    .exitOverride();
}
