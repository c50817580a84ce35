import { diagnosticAt } from '../diagnostics/at-location.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locatePointer } from '../diagnostics/position.js';
import type { Each, TemplateSet, TemplateSetEntry } from '../load/template-set/index.js';
import { joinPointer } from '../schema/pointer.js';
import { RUNTIME_HELPER_NAMES } from '../load/assets.js';
import { isSafeOutputPath } from '../paths/output-path.js';
import { checkMustache, parseMustache, type MustacheSource } from './check-template.js';
import { expandPath, parsePathPattern, patternOverlap, type PathPattern } from './path-pattern.js';
import type { OutputLayout } from './view/build.js';
import { describeView, type DescribeScope } from './view/description.js';

/** The view definition each kind of entry gets. */
export const ROOT_VIEW: Readonly<Record<Each, string>> = { schema: 'SchemaFileView', run: 'RunFileView', runtimeHelper: 'HelperFileView' };

/** Files whose text is code: schema text written into them unescaped is worth a warning. */
const CODE_FILE = /\.(?:[cm]?[jt]sx?|json)$/;

export interface CheckedSet {
  patterns: Map<string, PathPattern>;
  diagnostics: Diagnostic[];
}

/**
 * Everything about a set that holds whatever the schemas: each entry's path pattern,
 * each mustache template against the description of its view (names, sections,
 * partials), every partial's syntax. `overlaps` adds the pairs of entries whose paths
 * are (or may be) the same: `templates check` reports them without schemas; a run checks
 * the real paths instead (`planPaths`).
 */
export function checkTemplateSet(set: TemplateSet, entries: readonly TemplateSetEntry[], { overlaps = false } = {}): CheckedSet {
  const diagnostics: Diagnostic[] = [];
  const patterns = new Map<string, PathPattern>();
  const entryNames = entryNamesByEach(set);
  const partials = new Map<string, MustacheSource>([...set.partials].map(([name, p]) => [name, { text: p.text, file: p.file }]));
  for (const partial of set.partials.values()) {
    const parsed = parseMustache(partial);
    if ('diagnostic' in parsed) diagnostics.push(parsed.diagnostic);
  }
  const partialsBroken = diagnostics.length > 0;
  for (const entry of set.entries) {
    const parsed = parsePathPattern(entry.path, entry.each);
    if ('pattern' in parsed) patterns.set(entry.name, parsed.pattern);
    else diagnostics.push(pathDiagnostic(entry, parsed.problem));
  }
  for (const entry of entries) {
    if (entry.template.engine !== 'mustache') continue;
    const scope: DescribeScope = { entries: entryNames, validators: entry.validators };
    const found = checkMustache(entry.template, { view: describeView(ROOT_VIEW[entry.each]), scope, partials: partialsBroken ? new Map() : partials, code: CODE_FILE.test(entry.path) });
    // A broken partial is reported once, above, not again at every template that includes it.
    diagnostics.push(...(partialsBroken ? found.filter((d) => !d.message.startsWith('unknown partial')) : found));
  }
  if (overlaps) diagnostics.push(...overlapDiagnostics(entries, patterns));
  // A template or partial two entries share is reported once.
  const unique = diagnostics.filter((d, i) => diagnostics.findIndex((o) => o.file === d.file && o.line === d.line && o.column === d.column && o.message === d.message) === i);
  return { patterns, diagnostics: unique };
}

export function entryNamesByEach(set: TemplateSet): Record<Each, string[]> {
  const names: Record<Each, string[]> = { schema: [], run: [], runtimeHelper: [] };
  for (const entry of set.entries) names[entry.each].push(entry.name);
  return names;
}

function pathDiagnostic(entry: TemplateSetEntry, message: string): Diagnostic {
  return diagnosticAt(entry.declared.manifest, joinPointer(entry.declared.pointer, 'path'), { severity: 'error', code: 'bad-output-path', message });
}

/** `templates.json:12` for a message that names a second place. */
export function placeOf(entry: TemplateSetEntry): string {
  const { manifest, pointer } = entry.declared;
  const at = locatePointer(manifest.text, manifest.format, joinPointer(pointer, 'path'));
  return at ? `${manifest.displayPath}:${at.line}` : manifest.displayPath;
}

function overlapDiagnostics(entries: readonly TemplateSetEntry[], patterns: ReadonlyMap<string, PathPattern>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const withPattern = entries.filter((e) => patterns.has(e.name));
  const clash = (a: TemplateSetEntry, b: TemplateSetEntry, always: boolean, detail: string) =>
    out.push({
      ...pathDiagnostic(
        b,
        always ? `entries "${a.name}" (${placeOf(a)}) and "${b.name}" write the same path, "${b.path}"` : `entries "${a.name}" (${placeOf(a)}) and "${b.name}" may write the same path ${detail}`,
      ),
      severity: always ? 'error' : 'warning',
      code: 'output-path-clash',
    });
  for (let i = 0; i < withPattern.length; i++) {
    for (let j = i + 1; j < withPattern.length; j++) {
      const [a, b] = [withPattern[i]!, withPattern[j]!];
      const [pa, pb] = [patterns.get(a.name)!, patterns.get(b.name)!];
      // The run-time helpers are a known few: their paths are compared one by one.
      if (a.each === 'runtimeHelper' || b.each === 'runtimeHelper') {
        const [helperEntry, other] = a.each === 'runtimeHelper' ? [pa, pb] : [pb, pa];
        const hit = RUNTIME_HELPER_NAMES.find((h) => patternOverlap(literalPattern(expandPath(helperEntry, h)), other) !== 'never');
        if (a.each === b.each && patternOverlap(pa, pb) === 'always') clash(a, b, true, '');
        else if (hit !== undefined) clash(a, b, false, `when validators use the run-time helper "${hit}" ("${a.path}", "${b.path}")`);
        continue;
      }
      const overlap = patternOverlap(pa, pb);
      if (overlap === 'never') continue;
      clash(a, b, overlap === 'always' && a.each === b.each, `for some names ("${a.path}", "${b.path}")`);
    }
  }
  return out;
}

function literalPattern(path: string): PathPattern {
  return { source: path, parts: [{ text: path }] };
}

export interface PlannedFile {
  entry: TemplateSetEntry;
  /** The type's key, the helper's name, or `''`. */
  item: string;
  /** What the item is called in paths: the type name, the helper name, or `''`. */
  name: string;
  path: string;
}

/**
 * The path of every file a run writes, and the layout views name paths by (dropped
 * entries included: a template may name a file it does not write). Two files at one
 * path (letter case aside: some file systems ignore it) or at `bundle.js` with
 * `--bundle` are errors naming both entries.
 */
export function planPaths(
  set: TemplateSet,
  written: readonly TemplateSetEntry[],
  patterns: ReadonlyMap<string, PathPattern>,
  items: { types: readonly { key: string; name: string }[]; helpers: readonly string[] },
  bundle: boolean,
): { files: PlannedFile[]; layout: OutputLayout; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const layout: OutputLayout = {
    entries: entryNamesByEach(set),
    pathOf: (entry, name) => expandPath(patterns.get(entry)!, name),
  };
  const files: PlannedFile[] = [];
  const taken = new Map<string, PlannedFile | '--bundle'>(
    bundle
      ? [
          ['bundle.js', '--bundle'],
          ['bundle.d.ts', '--bundle'],
        ]
      : [],
  );
  // One diagnostic per pair of entries that meet (with how many paths they share), not one per schema.
  const clashes = new Map<string, { first: string; count: number; at: TemplateSetEntry }>();
  for (const entry of written) {
    const list =
      entry.each === 'schema' ? items.types.map((t) => ({ item: t.key, name: t.name })) : entry.each === 'runtimeHelper' ? items.helpers.map((h) => ({ item: h, name: h })) : [{ item: '', name: '' }];
    for (const { item, name } of list) {
      const path = layout.pathOf(entry.name, name);
      const file: PlannedFile = { entry, item, name, path };
      if (!isSafeOutputPath(path)) {
        diagnostics.push(pathDiagnostic(entry, `the path "${entry.path}" gives "${path}" for ${name}, which would leave the output folder`));
        continue;
      }
      const other = taken.get(path.toLowerCase());
      if (other) {
        const first = other === '--bundle' ? '--bundle' : `entry "${other.entry.name}" (${placeOf(other.entry)}${other.name ? `, for ${other.name}` : ''})`;
        const key = `${other === '--bundle' ? other : other.entry.name}\u0000${entry.name}`;
        const known = clashes.get(key);
        if (known) known.count++;
        else clashes.set(key, { first: `${first} and entry "${entry.name}"${name ? ` (for ${name})` : ''} both write "${path}"`, count: 1, at: entry });
        continue;
      }
      taken.set(path.toLowerCase(), file);
      files.push(file);
    }
  }
  for (const { first, count, at } of clashes.values()) {
    diagnostics.push({ ...pathDiagnostic(at, count === 1 ? first : `${first}, and ${count - 1} more path${count === 2 ? '' : 's'} alike`), code: 'output-path-clash' });
  }
  return { files, layout, diagnostics };
}
