import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DiagnosticSource } from '../../diagnostics/at-location.js';
import { diagnosticAt } from '../../diagnostics/at-location.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { DEFAULT_LIMITS } from '../../limits.js';
import { joinPointer } from '../../schema/pointer.js';
import { checkTemplatesFolder, PACKAGE_ROOT } from '../assets.js';
import { parseDocumentText } from '../parse-document.js';
import { readRegularFile } from '../read-file.js';
import { toDisplayPath } from '../index.js';
import { manifestProblems, MANIFEST_NAME, type ManifestEntry, type TemplateSetManifest } from './manifest.js';
import { loadTemplateModule, type TemplateFunction } from './template-module.js';

export { MANIFEST_NAME, MANIFEST_SCHEMA_FILE } from './manifest.js';
export type { TemplateFunction } from './template-module.js';

export const DEFAULT_SET_FOLDER = join(PACKAGE_ROOT, 'templates');

export type Each = ManifestEntry['each'];

/** A template file: its text, and for an ES-module template the function it exports. */
export interface TemplateSource {
  /** Its path within the set (`type.d.ts.mustache`). */
  name: string;
  /** Its path as messages show it (relative to the working folder). */
  file: string;
  absolute: string;
  engine: 'mustache' | 'module';
  text: string;
  render?: TemplateFunction;
}

/** Where an entry or partial is declared: its manifest, and the pointer to it there. */
export interface Declaration {
  manifest: DiagnosticSource;
  pointer: string;
}

export interface TemplateSetEntry {
  name: string;
  each: Each;
  path: string;
  validators: boolean;
  esModule: boolean;
  source?: string;
  template: TemplateSource;
  declared: Declaration;
}

export interface TemplateSet {
  /** The user's folder as shown, or undefined for the default set alone. */
  folder?: string;
  entries: TemplateSetEntry[];
  partials: Map<string, TemplateSource & { declared: Declaration }>;
}

interface ReadManifest {
  manifest: TemplateSetManifest;
  source: DiagnosticSource;
}

/**
 * The template set of a run: the default set, or the user's folder. A folder with a
 * `templates.json` is a set of its own (or extends the default set, entry by entry); a
 * folder without one replaces default templates by files of the same name. Every
 * problem (a manifest that does not match its schema, a missing or broken template) is
 * a diagnostic with the file and line; nothing falls back to a default silently.
 */
export async function readTemplateSet(dir: string | undefined, cwd: string): Promise<{ set?: TemplateSet; diagnostics: Diagnostic[] }> {
  const shown = (path: string) => toDisplayPath(path, cwd);
  const defaults = readManifest(join(DEFAULT_SET_FOLDER, MANIFEST_NAME), shown, false);
  if ('diagnostics' in defaults) return defaults;
  if (dir === undefined) return finish(await collectTemplates(defaults, undefined, DEFAULT_SET_FOLDER, shown), undefined);

  const missing = await checkTemplatesFolder(dir, shown(dir) || '.');
  if (missing) return { diagnostics: [missing] };
  const manifestPath = join(dir, MANIFEST_NAME);
  if (!existsSync(manifestPath)) {
    // No manifest: the defaults, each replaced by the folder's file of the same name.
    const renamed = renamedTemplates(dir, shown);
    if (renamed.length > 0) return { diagnostics: renamed };
    return finish(await collectTemplates(defaults, undefined, dir, shown), dir);
  }
  const own = readManifest(manifestPath, shown, true);
  if ('diagnostics' in own) return own;
  return finish(await collectTemplates(own.manifest.extends === 'default' ? defaults : undefined, own, dir, shown), dir);

  function finish(result: { set?: TemplateSet; diagnostics: Diagnostic[] }, folder: string | undefined) {
    if (result.set && folder !== undefined) {
      result.set.folder = shown(folder) || '.';
      result.diagnostics.push(...unusedTemplates(folder, result.set, shown));
    }
    return result;
  }
}

function readManifest(path: string, shown: (p: string) => string, check: boolean): ReadManifest | { diagnostics: Diagnostic[] } {
  const file = shown(path);
  const read = readRegularFile(path, DEFAULT_LIMITS.maxFileBytes);
  if (!read.ok) {
    const why = read.kind === 'missing' ? 'does not exist' : read.reason;
    return { diagnostics: [{ severity: 'error', code: 'template-unreadable', message: `cannot read the template manifest: it ${why}`, file }] };
  }
  const parsed = parseDocumentText(read.text, 'json', file);
  if (!parsed.ok) return { diagnostics: [{ ...parsed.diagnostic, code: 'bad-template-manifest' }] };
  const source: DiagnosticSource = { displayPath: file, text: read.text, format: 'json' };
  if (check) {
    const problems = manifestProblems(parsed.json, source);
    if (problems.length > 0) return { diagnostics: problems };
  }
  return { manifest: parsed.json as TemplateSetManifest, source };
}

/**
 * Every entry and partial with its template read (and an ES module imported). `base`
 * is what the user's manifest extends (or the whole set when there is none);
 * inherited templates are looked up in `dir` first, so a file named like a default
 * template replaces it.
 */
async function collectTemplates(base: ReadManifest | undefined, own: ReadManifest | undefined, dir: string, shown: (p: string) => string): Promise<{ set?: TemplateSet; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const set: TemplateSet = { entries: [], partials: new Map() };
  const names = (kind: 'files' | 'partials') => [...new Set([...Object.keys(base?.manifest[kind] ?? {}), ...Object.keys(own?.manifest[kind] ?? {})])];
  // A folder of its own (a manifest, or the defaults' names) is searched first; the default set's folder after it, unless the manifest stands alone.
  const folders = own && base === undefined ? [dir] : [...new Set([dir, DEFAULT_SET_FOLDER])];

  const locate = async (read: ReadManifest, pointer: string, template: string): Promise<TemplateSource | undefined> => {
    const absolute = folders.map((folder) => join(folder, template)).find((path) => isFile(path));
    if (absolute === undefined) {
      diagnostics.push(
        diagnosticAt(read.source, joinPointer(pointer, 'template'), {
          severity: 'error',
          code: 'template-not-found',
          message: `the template "${template}" does not exist in ${folders.map((f) => shown(f) || '.').join(' or ')}`,
        }),
      );
      return undefined;
    }
    const loaded = await loadTemplate(template, absolute, shown(absolute));
    if ('diagnostic' in loaded) {
      diagnostics.push(loaded.diagnostic);
      return undefined;
    }
    return loaded;
  };

  for (const name of names('partials')) {
    const ownValue = own?.manifest.partials?.[name];
    if (ownValue === null) continue;
    const read = ownValue !== undefined ? own! : base!;
    const template = ownValue ?? base!.manifest.partials![name]!;
    const pointer = joinPointer('/partials', name);
    const loaded = await locate(read, pointer, template);
    if (!loaded) continue;
    if (loaded.engine !== 'mustache') {
      diagnostics.push(diagnosticAt(read.source, pointer, { severity: 'error', code: 'bad-template-manifest', message: `a partial is a .mustache file, not "${template}"` }));
      continue;
    }
    set.partials.set(name, { ...loaded, declared: { manifest: read.source, pointer } });
  }
  for (const name of names('files')) {
    const ownValue = own?.manifest.files[name];
    if (ownValue === null) continue;
    const inherited = base?.manifest.files[name] ?? undefined;
    // An entry of an extending manifest changes the default entry of its name field by field.
    const entry: Partial<ManifestEntry> = { ...inherited, ...ownValue };
    const read = ownValue !== undefined ? own! : base!;
    const pointer = joinPointer('/files', name);
    const missing = (['template', 'each', 'path'] as const).filter((field) => entry[field] === undefined);
    if (missing.length > 0) {
      diagnostics.push(
        diagnosticAt(read.source, pointer, {
          severity: 'error',
          code: 'bad-template-manifest',
          message: `the entry "${name}" has no ${missing.map((m) => `"${m}"`).join(' or ')}`,
          hint: inherited === undefined ? 'a new entry gives "template", "each" and "path"' : undefined,
        }),
      );
      continue;
    }
    const template = await locate(ownValue?.template !== undefined ? own! : (base ?? own!), pointer, entry.template!);
    if (!template) continue;
    set.entries.push({
      name,
      each: entry.each!,
      path: entry.path!,
      validators: entry.validators ?? false,
      esModule: entry.esModule ?? false,
      ...(entry.source !== undefined ? { source: entry.source } : {}),
      template,
      declared: { manifest: read.source, pointer },
    });
  }
  return diagnostics.length > 0 ? { diagnostics } : { set, diagnostics };
}

async function loadTemplate(name: string, absolute: string, file: string): Promise<TemplateSource | { diagnostic: Diagnostic }> {
  const read = readRegularFile(absolute, DEFAULT_LIMITS.maxFileBytes);
  if (!read.ok) {
    const why = read.kind === 'missing' ? 'it does not exist' : read.reason;
    return { diagnostic: { severity: 'error', code: 'template-unreadable', message: `cannot read the template: ${why}`, file } };
  }
  if (name.endsWith('.mustache')) return { name, file, absolute, engine: 'mustache', text: read.text };
  const loaded = await loadTemplateModule(absolute, read.text, file);
  if ('diagnostic' in loaded) return loaded;
  return { name, file, absolute, engine: 'module', text: read.text, render: loaded.render };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Template names of earlier versions, which a folder without a manifest would now ignore without a word. */
const RENAMED: Readonly<Record<string, string>> = { 'runtime/errors.js': 'runtime/errors.js.mustache', 'runtime/errors.d.ts': 'runtime/errors.d.ts.mustache' };

function renamedTemplates(dir: string, shown: (p: string) => string): Diagnostic[] {
  return Object.entries(RENAMED)
    .filter(([old]) => isFile(join(dir, old)))
    .map(([old, now]) => ({
      severity: 'error' as const,
      code: 'template-renamed',
      message: `"${old}" is no longer a template name: the runtime template is now "${now}", a mustache template that starts with {{> banner}}`,
      file: shown(join(dir, old)),
      hint: `rename the file to ${now} and put {{> banner}} on its first line`,
    }));
}

/** A template file of the folder that no entry or partial uses: most likely a misspelt name, which would otherwise change nothing. */
function unusedTemplates(dir: string, set: TemplateSet, shown: (p: string) => string): Diagnostic[] {
  const used = new Set([...set.entries.map((e) => e.template.absolute), ...[...set.partials.values()].map((p) => p.absolute)]);
  const files = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.mustache') && !f.split(/[\\/]/).includes('node_modules'))
    .map((f) => join(dir, f))
    .filter((f) => !used.has(f))
    .sort();
  return files.map((f) => ({
    severity: 'warning' as const,
    code: 'unused-template',
    message: 'no entry or partial of the template set uses this file',
    file: shown(f),
    hint: `name it in ${MANIFEST_NAME} (or, in a folder without one, give it the name of the default template it replaces)`,
  }));
}
