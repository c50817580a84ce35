import { rebasePaths } from '../config/targets.js';
import type { Settings } from '../config/generated/index.js';
import { settingOptions, type CliFlags } from './program.js';

/** A command line that cannot be run as given (exit 2, no stack trace). */
export class UsageError extends Error {}

/**
 * The settings the flags set. Their paths are typed relative to the working folder;
 * they are rebased onto the project folder (the config's), which every run resolves and
 * shows paths against.
 */
export function settingsFromFlags(flags: CliFlags, inputs: readonly string[], workingFolder: string, projectFolder: string): Settings {
  const settings: Record<string, unknown> = {};
  if (inputs.length > 0) settings.inputs = [...inputs];
  for (const { setting, option } of settingOptions()) {
    const value = flags[option.attributeName()];
    if (value === undefined) continue;
    if (setting.kind === 'boolean') settings[setting.name] = setting.cli?.value ?? true;
    else if (setting.kind === 'map') settings[setting.name] = pairs(value as string[], option.long ?? setting.name, option.flags);
    else settings[setting.name] = value;
  }
  return rebasePaths(settings as Settings, workingFolder, projectFolder);
}

/** `--map-uri https://example.com/=vendor` (repeatable) → `{ "https://example.com/": "vendor" }`. */
function pairs(entries: readonly string[], flag: string, spelling: string): Record<string, string> {
  // `--map-uri <prefix=dir>` says what it expects: `<prefix>=<dir>`.
  const [key = 'key', value = 'value'] = /<([^>]*)>/.exec(spelling)?.[1]?.split('=') ?? [];
  return Object.fromEntries(
    entries.map((entry) => {
      const at = entry.lastIndexOf('=');
      if (at <= 0) throw new UsageError(`${flag} expects <${key}>=<${value}>, got "${entry}"`);
      return [entry.slice(0, at), entry.slice(at + 1)];
    }),
  );
}
