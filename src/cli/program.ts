import { Command, Option } from 'commander';
import { DIALECTS, type Dialect } from '../schema/dialect.js';
import { UNICODE_PATTERNS, type UnicodePatterns } from '../schema/patterns.js';

export interface CliFlags {
  out?: string;
  components?: string[];
  config?: string;
  check?: boolean;
  force?: boolean;
  templates?: string;
  additionalProperties?: 'none' | 'index';
  readonly?: boolean;
  formats?: 'assert' | 'annotate';
  firstError?: boolean;
  assumeTypes?: boolean;
  defaultDialect?: Dialect;
  unicodePatterns?: UnicodePatterns;
  json?: boolean;
  typesOnly?: boolean;
  bundle?: boolean;
  cache?: boolean;
  module?: 'esm' | 'cjs';
  format?: boolean;
  allowRemote?: boolean;
  mapUri?: string[];
  watch?: boolean;
  verbose?: boolean;
  quiet?: boolean;
}

const EXAMPLES = `
Examples:
  $ npx schema-gen
      generate generated/ from schemas/ (or from the config file's inputs)
  $ npx schema-gen --check
      in CI: fail with a diff when the checked-in generated/ is stale
  $ npx schema-gen 'api/user-pools-*.json' --components api/user-pools-openapi.yml -o src/api
      a glob of schema files; refs like #/components/schemas/X that no input answers
      are looked up in the OpenAPI document's components.schemas
  $ npx schema-gen --watch
      regenerate on every change while you edit schemas
  $ npx schema-gen generate schemas/ --templates my-templates/
      same as the first, with templates/*.mustache overridden by my-templates/

Config file (schema-gen.config.json, .yaml or .yml in the current folder, or -c <file>):
  { "inputs": ["schemas"], "components": [], "out": "generated", "templates": "my-templates",
    "additionalProperties": "none", "readonlyProperties": false, "formats": "assert",
    "allErrors": true, "assumeTypes": false, "module": "esm", "bundle": false, "typesOnly": false, "format": false,
    "allowRemote": false, "uriMap": { "https://example.com/schemas/": "vendor/schemas" },
    "names": { "schemas/date.json": "ApiDate" } }
  Paths in it are relative to the config file. Flags override it; an unknown setting is an error.

Output (see README "Output contract"):
  <out>/types/<Name>.d.ts        one declaration per schema, others imported with import type
  <out>/validators/<Name>.js     precompiled ajv validator, ES module, no runtime dependency
  <out>/index.js, index.d.ts     every type, validate<Name>() and assert<Name>() by name
  <out>/.schema-gen-manifest.json  what schema-gen wrote there, with hashes: only those files
                                 are ever replaced or removed (commit it with the output)

Exit codes: 0 done, 1 --check found stale output, 2 bad input, usage or config, 70 internal error.`;

export function buildProgram(version: string): Command {
  return new Command('schema-gen')
    .description('Generate TypeScript types and precompiled ajv validators from JSON Schema (draft 2020-12) files.')
    .version(version, '-V, --version')
    .argument('[inputs...]', 'schema files, folders or glob patterns (default: config "inputs", else schemas/)')
    .option('-o, --out <dir>', 'output folder (default: generated/)')
    .option(
      '--components <file>',
      'OpenAPI/JSON document whose components.schemas (or $defs) answer #/components/schemas/X refs that no input answers; repeatable',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('-c, --config <file>', 'config file (default: schema-gen.config.json|.yaml|.yml if present)')
    .option('--allow-remote', 'fetch http(s) documents that refs name (10 s timeout each, each fetch reported); by default they are refused and nothing is fetched')
    .option(
      '--map-uri <prefix=dir>',
      'serve a URL prefix from a local folder, e.g. https://example.com/schemas/=vendor/schemas (repeatable); mapped URLs are never fetched',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--check', 'do not write: exit 1 with a diff if the output folder is not what this run would write')
    .option('--force', 'overwrite files in the output folder that schema-gen did not write (not in its manifest) or that were edited since; without it such files stop the run (exit 2)')
    .option('--templates <dir>', 'folder of templates that replace the defaults of the same name (see templates/)')
    .addOption(
      new Option('--additional-properties <mode>', 'objects whose schema does not mention additionalProperties: "none" = no index signature, "index" = [key: string]: unknown').choices(['none', 'index']),
    )
    .option('--readonly', 'emit readonly for properties with readOnly: true')
    .addOption(new Option('--formats <mode>', '"assert" = validators check known formats (email, date-time…), "annotate" = formats are not checked').choices(['assert', 'annotate']))
    .addOption(new Option('--module <format>', 'module format of the generated .js files: "esm" (default) or "cjs" (CommonJS)').choices(['esm', 'cjs']))
    .option('--bundle', 'also write bundle.js: every validator in one module (loads ~10x faster than index.js when there are hundreds)')
    .option('--types-only', 'generate only the .d.ts types (no validators, runtime or index.js)')
    .option('--format', "run prettier over the output, with your project's prettier config (prettier must be installed)")
    .addOption(new Option('--default-dialect <dialect>', 'dialect of schemas without $schema (default 2020-12)').choices([...DIALECTS]))
    .addOption(
      new Option('--unicode-patterns <mode>', 'patterns invalid with the u flag but valid without it: "fallback" (default) = compiled without u, with a warning; "require" = an error').choices([
        ...UNICODE_PATTERNS,
      ]),
    )
    .option('--assume-types', 'schemas with object (array) keywords but no "type" describe only objects (arrays): in the types, and checked by the validators')
    .option('--first-error', 'validators stop at the first problem (smaller, faster) instead of reporting all')
    .option('-w, --watch', 'generate, then again whenever an input, components document, template or the config changes (Ctrl-C to stop)')
    .option('--no-cache', 'compile every validator afresh (by default, unchanged ones are reused from node_modules/.cache/schema-gen)')
    .option('--json', 'print the run report as JSON on stdout')
    .option('--verbose', 'more detail, and stack traces for internal errors')
    .option('-q, --quiet', 'print only problems')
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run schema-gen --help for usage)')
    .exitOverride();
}
