import { PROTO_STAND_IN } from './prepare-schemas.js';
import { renameCountedNames } from './steps/counted-names.js';
import { compactErrorPushes } from './steps/error-pushes.js';
import { dropStaticEvaluationTracking } from './steps/evaluation-tracking.js';
import { indentBlocks } from './steps/layout.js';
import { ownPropertyReads } from './steps/own-properties.js';
import { pruneSchemaConstants } from './steps/schema-constants.js';
import { rewriteSchemaPaths, type SchemaPathSettings } from './steps/schema-paths.js';
import { shortenSignatures } from './steps/signatures.js';

/** Helpers ajv's standalone code `require`s, and the runtime module that provides each. */
const RUNTIME_HELPERS: Record<string, string> = {
  'ajv/dist/runtime/ucs2length': 'ucs2length',
  'ajv/dist/runtime/equal': 'equal',
  'ajv/dist/runtime/uri': 'uri',
  'ajv/dist/runtime/validation_error': 'ValidationError',
  'ajv-formats/dist/formats': 'formats',
};


export interface ValidatorModuleCode {
  /** Code of the module without imports or exports. */
  body: string;
  /** Runtime helper names the body uses (`ucs2length`, `formats`, …). */
  runtimeHelpers: string[];
  /** Exported validators of other modules that the body calls. */
  externalValidators: string[];
  /** Whether the body calls the runtime's `appendErrors` (it does when it calls other validators). */
  appendsErrors: boolean;
}

export interface ModuleCodeSettings extends SchemaPathSettings {
  /** Name the root validator gets, e.g. `validateAdminInitiateAuthResponse`. */
  exportName: string;
}

/**
 * Turn ajv's standalone output for one schema into the body of a self-contained ES
 * module: runtime `require`s become imports of our runtime, instance-wide counters
 * become per-module names (so adding a schema does not rewrite others), error schema
 * paths name the user's files, and blocks are indented for review.
 */
export function toModuleCode(standalone: string, settings: ModuleCodeSettings): ValidatorModuleCode {
  const rename = new Map<string, string>();
  const runtimeHelpers = new Set<string>();
  const lines: string[] = [];
  for (const line of standalone.split('\n')) {
    if (line === '"use strict";' || line.trim() === '' || line.startsWith('/*# sourceURL=')) continue;
    const exported = /^export const \w+ = (\w+);$/.exec(line);
    if (exported) {
      rename.set(exported[1]!, settings.exportName);
      continue;
    }
    const required = /^const (\w+) = require\("([^"]+)"\)(.*);$/.exec(line);
    if (required) {
      const helper = RUNTIME_HELPERS[required[2]!];
      if (!helper) throw new Error(`schema-gen: generated validator needs unsupported module "${required[2]}"`);
      runtimeHelpers.add(helper);
      const access = required[3]!;
      if (helper === 'formats') lines.push(`const ${required[1]} = formats${access.replace(/^\.fullFormats/, '')};`);
      else rename.set(required[1]!, helper);
      continue;
    }
    lines.push(line);
  }
  // Call other modules' validators by their own names, not through `const keywordN = …`.
  const externalValidators = new Set<string>();
  const kept = pruneSchemaConstants(lines).filter((line) => {
    const alias = /^const (keyword\d+) = (validate\w+);$/.exec(line);
    if (!alias) return true;
    rename.set(alias[1]!, alias[2]!);
    if (alias[2] !== settings.exportName) externalValidators.add(alias[2]!);
    return false;
  });
  const renamed = renameCountedNames(compactErrorPushes(dropStaticEvaluationTracking(kept.join('\n'))), rename);
  const exported = ownPropertyReads(renamed.split(PROTO_STAND_IN).join('__proto__')).replace(new RegExp(`^function ${settings.exportName}\\(`, 'm'), `export function ${settings.exportName}(`);
  const body = indentBlocks(rewriteSchemaPaths(shortenSignatures(exported), settings));
  return { body, runtimeHelpers: [...runtimeHelpers].sort(), externalValidators: [...externalValidators].sort(), appendsErrors: /\bappendErrors\(/.test(body) };
}

