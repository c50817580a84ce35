import { tokenizer } from 'acorn';
import { PROTO_STAND_IN } from './prepare-schemas.js';

/** Helpers ajv's standalone code `require`s, and the runtime module that provides each. */
const RUNTIME_HELPERS: Record<string, string> = {
  'ajv/dist/runtime/ucs2length': 'ucs2length',
  'ajv/dist/runtime/equal': 'equal',
  'ajv/dist/runtime/uri': 'uri',
  'ajv/dist/runtime/validation_error': 'ValidationError',
  'ajv-formats/dist/formats': 'formats',
};

/** Module-level names ajv numbers with instance-wide counters. */
const COUNTED_NAME = /^(validate|schema|formats|pattern|func|wrapper|root|keyword|obj|Error)(\d+)$/;

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

export interface ModuleCodeSettings {
  /** Name the root validator gets, e.g. `validateAdminInitiateAuthResponse`. */
  exportName: string;
  /** `schemas/x.json#` + pointer: the prefix of the root schema's error paths. */
  schemaPathPrefix: string;
  /** ajv document id (`sg:/3/x.json`) → the user's path of that document. */
  displayPathOfId: ReadonlyMap<string, string>;
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

/**
 * ajv's `code.source` keeps a copy of each schema as a constant for the few values the
 * code reads from it (an `enum` list for error params, say). Keep only what is read:
 * no descriptions, ids or unused copies end up in the output.
 */
function pruneSchemaConstants(lines: string[]): string[] {
  const code = lines.join('\n');
  const out: string[] = [];
  for (const line of lines) {
    const declared = /^const (schema\d+) = (.*);$/.exec(line);
    if (!declared) {
      out.push(line);
      continue;
    }
    const name = declared[1]!;
    const uses = [...code.matchAll(new RegExp(`\\b${name}\\b((?:\\.[A-Za-z_$][\\w$]*|\\[(?:"(?:[^"\\\\]|\\\\.)*"|\\d+)\\])*)`, 'g'))];
    const paths = uses.map((m) => accessPath(m[1]!));
    if (paths.length <= 1) continue; // only the declaration itself
    if (paths.filter((p) => p.length === 0).length > 1) {
      out.push(line); // the code uses the whole schema object
      continue;
    }
    const whole = JSON.parse(declared[2]!) as unknown;
    out.push(`const ${name} = ${JSON.stringify(pick(whole, paths.filter((p) => p.length > 0)))};`);
  }
  return out;
}

/** `.properties["a-b"].enum` → ['properties', 'a-b', 'enum']. */
function accessPath(chain: string): string[] {
  const parts: string[] = [];
  for (const m of chain.matchAll(/\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*"|\d+)\]/g)) {
    parts.push(m[1] ?? String(JSON.parse(m[2]!)));
  }
  return parts;
}

function pick(value: unknown, paths: string[][]): unknown {
  const result: Record<string, unknown> = {};
  for (const path of paths) {
    let from = value as Record<string, unknown>;
    let to = result;
    path.forEach((key, i) => {
      if (from === undefined || from === null) return;
      if (i === path.length - 1) to[key] = from[key];
      else {
        to[key] ??= Array.isArray(from[key]) ? [] : {};
        to = to[key] as Record<string, unknown>;
        from = from[key] as Record<string, unknown>;
      }
    });
  }
  return result;
}

/**
 * Draft 2020-12 makes ajv track which properties/items each function evaluated, for
 * `unevaluated*` in callers. When every function's result is static and nothing in
 * the module reads it, that bookkeeping is dead code: remove it.
 */
function dropStaticEvaluationTracking(code: string): string {
  const stripped = code
    .replace(/^const (evaluated\d+) = \w+\.evaluated;\nif\(\1\.dynamicProps\)\{\n\1\.props = undefined;\n\}\nif\(\1\.dynamicItems\)\{\n\1\.items = undefined;\n\}\n/gm, '')
    .replace(/^\w+\.evaluated = \{.*"dynamicProps":false,"dynamicItems":false\};$\n?/gm, '');
  return /\.evaluated\b/.test(stripped) ? code : stripped;
}

/** ajv spends six lines on each error it records; one says the same. (Whole lines only: they cannot be inside a string.) */
function compactErrorPushes(code: string): string {
  return code.replace(/^if\(vErrors === null\)\{\nvErrors = \[(err\d+)\];\n\}\nelse \{\nvErrors\.push\(\1\);\n\}$/gm, '(vErrors ??= []).push($1);');
}

/** Names every plain object inherits: `data.toString` is never `undefined`, even for `{}`. */
const INHERITED_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));
const INHERITED_READ = new RegExp(`\\bdata\\d*\\.(${[...INHERITED_NAMES].join('|')})\\b`);

/**
 * ajv reads properties as `data.name`, so `required: ["toString"]` accepts `{}` and
 * `properties.constructor` checks the inherited function (ajv#2664). Reads of
 * inherited names become own-property reads; every other read stays as fast as it was.
 */
function ownPropertyReads(code: string): string {
  if (!INHERITED_READ.test(code)) return code; // the usual case: no such name at all
  const tokens = [...tokenizer(code, { ecmaVersion: 'latest', sourceType: 'module' })];
  let out = '';
  let last = 0;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [object, dot, property] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    const objectName = (object as unknown as { value: string }).value;
    const propertyName = (property as unknown as { value: string }).value;
    if (object.type.label !== 'name' || !/^data\d*$/.test(objectName) || dot.type.label !== '.') continue;
    if (property.type.label !== 'name' || !INHERITED_NAMES.has(propertyName)) continue;
    if (i > 0 && tokens[i - 1]!.type.label === '.') continue; // `x.data.toString` is not a data read
    out += `${code.slice(last, object.start)}(Object.hasOwn(${objectName}, "${propertyName}") ? ${objectName}.${propertyName} : undefined)`;
    last = property.end;
  }
  return out + code.slice(last);
}

function renameCountedNames(code: string, fixed: Map<string, string>): string {
  const counters = new Map<string, number>();
  const names = new Map(fixed);
  let out = '';
  let last = 0;
  for (const token of tokenizer(code, { ecmaVersion: 'latest', sourceType: 'module' })) {
    if (token.type.label !== 'name') continue;
    const name = (token as unknown as { value: string }).value;
    let replacement = names.get(name);
    if (replacement === undefined) {
      const counted = COUNTED_NAME.exec(name);
      if (!counted) continue;
      const prefix = counted[1]!;
      const next = counters.get(prefix) ?? 0;
      counters.set(prefix, next + 1);
      replacement = `${prefix}${next}`;
      names.set(name, replacement);
    }
    out += code.slice(last, token.start) + replacement;
    last = token.end;
  }
  return out + code.slice(last);
}

/**
 * Error schema paths name the user's files: `schemas/x.json#/properties/a/type`. The
 * module's own file is named once, in `const schemaFile`, and joined where used; paths
 * into other documents (refs compiled inline) get that document's path, with the
 * pointer percent-decoded as the user wrote it.
 */
function rewriteSchemaPaths(code: string, settings: ModuleCodeSettings): string {
  const [file, rootPointer] = splitOnce(settings.schemaPathPrefix, '#');
  let usesOwnFile = false;
  // `schemaPath:"` cannot occur inside a string literal (its quote would be escaped).
  const rewritten = code.replace(/schemaPath:"((?:[^"\\]|\\.)*)"/g, (whole, literal: string) => {
    const path = JSON.parse(`"${literal}"`) as string;
    if (path.startsWith('#')) {
      usesOwnFile = true;
      return `schemaPath:schemaFile+${JSON.stringify(`#${rootPointer}${path.slice(1)}`)}`;
    }
    const [id, pointer] = splitOnce(path, '#');
    const displayPath = settings.displayPathOfId.get(id);
    if (displayPath === undefined) return whole;
    return `schemaPath:${JSON.stringify(`${displayPath}#${safeDecode(pointer)}`)}`;
  });
  return usesOwnFile ? `const schemaFile = ${JSON.stringify(file)};\n${rewritten}` : rewritten;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

const FULL_SIGNATURE = '{instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}';

/**
 * Functions that never read parent or root data (no `$data`, no native ref passing
 * them on) take the instance path as a plain second argument: no options object is
 * built or destructured on each call. Such a module is only ever called as
 * `validateX(data)`, by users and by other modules (see external-ref-keyword).
 */
function shortenSignatures(code: string): string {
  const withoutSignatures = code.split(FULL_SIGNATURE).join('');
  if (/\b(parentData|parentDataProperty|rootData|dynamicAnchors)\b/.test(withoutSignatures)) return code;
  return code.split(FULL_SIGNATURE).join('instancePath=""');
}

function indentBlocks(code: string): string {
  let depth = 0;
  return code
    .split('\n')
    .map((line) => {
      const trimmed = line.trim();
      if (trimmed.startsWith('}')) depth = Math.max(0, depth - 1);
      const indented = `${'  '.repeat(depth)}${trimmed}`;
      if (trimmed.endsWith('{')) depth++;
      return indented;
    })
    .join('\n');
}
