import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../load/assets.js';
import type { Settings } from './generated/index.js';

/** The config format, shipped in the package (`schema-gen/config.schema.json`): the one place settings are declared. */
export const CONFIG_SCHEMA_PATH = join(PACKAGE_ROOT, 'config.schema.json');

/** A setting's `x-cli` annotation: how the command line spells it. */
export interface CliFlag {
  /** commander's spelling: `--formats <mode>`, `-o, --out <dir>`, `--readonly`. */
  flag: string;
  help: string;
  /** What a flag without a value sets (`--first-error` sets `allErrors` to false); default `true`. */
  value?: boolean;
}

export type SettingName = keyof Settings & string;

/** One setting as the schema declares it, with what the command line and the path handling need of it. */
export interface SettingDeclaration {
  name: SettingName;
  /** The shape of its value: what a flag parses, and how paths in it are found. */
  kind: 'boolean' | 'string' | 'choice' | 'list' | 'map' | 'object';
  /** The allowed values of a `choice`. */
  choices?: readonly string[];
  /** `x-path`: its values (of a map: the values, not the keys) are paths relative to the config file. */
  isPath: boolean;
  cli?: CliFlag;
}

type SchemaObject = Record<string, unknown>;

interface ConfigSchema {
  $defs: Record<string, SchemaObject> & { settings: { properties: Record<string, SchemaObject> } };
}

let loaded: ConfigSchema | undefined;

/** The parsed config schema (read once; it is part of the package, like the templates). */
export function configSchema(): ConfigSchema {
  loaded ??= JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, 'utf8')) as ConfigSchema;
  return loaded;
}

/** Every setting, in the schema's order. */
export function settingDeclarations(): SettingDeclaration[] {
  const schema = configSchema();
  return Object.entries(schema.$defs.settings.properties).map(([name, property]) => {
    const shape = followRef(property, schema);
    const choices = Array.isArray(shape.enum) ? (shape.enum as string[]) : undefined;
    const cli = property['x-cli'] as CliFlag | undefined;
    return {
      name: name as SettingName,
      kind: kindOf(shape, choices),
      ...(choices ? { choices } : {}),
      isPath: property['x-path'] === true,
      ...(cli ? { cli } : {}),
    };
  });
}

/** The names of the known settings, for "did you mean" hints. */
export function settingNames(): string[] {
  return settingDeclarations().map((s) => s.name);
}

function kindOf(shape: SchemaObject, choices: readonly string[] | undefined): SettingDeclaration['kind'] {
  if (choices) return 'choice';
  if (shape.type === 'boolean' || shape.type === 'string') return shape.type;
  if (shape.type === 'array') return 'list';
  const values = shape.additionalProperties as SchemaObject | undefined;
  return shape.type === 'object' && values?.type === 'string' ? 'map' : 'object';
}

/** A property that is a `$ref` to one of the schema's own `$defs`, merged with its siblings. */
function followRef(property: SchemaObject, schema: ConfigSchema): SchemaObject {
  const ref = property.$ref;
  if (typeof ref !== 'string') return property;
  const name = /^#\/\$defs\/([^/]+)$/.exec(ref)?.[1];
  const target = name === undefined ? undefined : schema.$defs[name];
  if (!target) throw new Error(`config.schema.json: unsupported $ref ${ref}`);
  return { ...target, ...property };
}
