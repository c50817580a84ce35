import { basename, dirname } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SchemaLocation } from '../resolve/index.js';
import { unescapeSegment } from '../schema/pointer.js';

/** Names our own output exports next to the schema types; a schema may not take them. */
const RESERVED_TYPE_NAMES = new Set(['ValidationError', 'Validator', 'ValidationErrorObject']);

/** `user-pools date_type` → `UserPoolsDateType`; always a valid, non-reserved identifier. */
export function toTypeName(raw: string): string {
  const words = raw.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^A-Za-z0-9]+/).filter(Boolean);
  let name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  if (name === '') name = 'Schema';
  if (/^\d/.test(name)) name = `_${name}`;
  if (RESERVED_TYPE_NAMES.has(name)) name = `${name}Schema`;
  return name;
}

export interface NameCandidate {
  key: string;
  location: SchemaLocation;
  /** The name the schema asks for: its title, component key or file stem. */
  wanted: string;
}

/**
 * One unique name per schema, whatever the input order. When several schemas want the
 * same name (compared case-insensitively, since output files are named after types),
 * each is prefixed with the part of its file path that tells them apart:
 * `user-pools-date-type-schema.json` and `identity-pools-date-type-schema.json` give
 * `UserPoolsDateType` and `IdentityPoolsDateType`. Explicit `renames` win over all.
 */
export function assignNames(
  candidates: NameCandidate[],
  renames: Readonly<Record<string, string>>,
): { names: Map<string, string>; clashes: string[]; diagnostics: Diagnostic[] } {
  const names = new Map<string, string>();
  const clashes: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const groups = new Map<string, NameCandidate[]>();
  for (const candidate of candidates) {
    const renamed = renames[candidate.key] ?? (candidate.location.pointer === '' ? renames[candidate.location.doc.displayPath] : undefined);
    const name = renamed ?? toTypeName(candidate.wanted);
    const group = groups.get(name.toLowerCase()) ?? [];
    group.push(renamed ? { ...candidate, wanted: renamed } : candidate);
    groups.set(name.toLowerCase(), group);
  }
  const taken = new Set([...groups.entries()].filter(([, g]) => g.length === 1).map(([k]) => k));
  for (const group of groups.values()) {
    if (group.length === 1) {
      names.set(group[0]!.key, toTypeName(group[0]!.wanted));
      continue;
    }
    const prefixes = distinguishingPrefixes(group);
    const resolved = group.map((c, i) => toTypeName(`${prefixes[i]} ${c.wanted}`));
    const unique = new Set(resolved.map((n) => n.toLowerCase()));
    if (unique.size !== group.length || resolved.some((n) => taken.has(n.toLowerCase()))) {
      diagnostics.push({
        severity: 'error',
        code: 'name-clash',
        message: `${group.length} schemas want the type name "${toTypeName(group[0]!.wanted)}": ${group.map((c) => c.key).join(', ')}`,
        file: group[0]!.location.doc.displayPath,
        pointer: group[0]!.location.pointer,
        hint: 'give them distinct titles, or set "names" in the config file: { "<file>#<pointer>": "NewName" }',
      });
      continue;
    }
    group.forEach((c, i) => {
      names.set(c.key, resolved[i]!);
      taken.add(resolved[i]!.toLowerCase());
      clashes.push(`${c.location.doc.displayPath}${c.location.pointer ? `#${c.location.pointer}` : ""} → ${resolved[i]!}`);
    });
  }
  return { names, clashes: clashes.sort(), diagnostics };
}

/**
 * What tells clashing schemas apart: the family part of each file name (what comes
 * before the name itself: `user-pools-` in `user-pools-date-type-schema.json`), else
 * the file names without their common ending, else the folder names, else where in
 * the document each sits (the definitions around it).
 */
function distinguishingPrefixes(group: NameCandidate[]): string[] {
  const locations = group.map((c) => c.location);
  const stems = locations.map((l) => basename(l.doc.absolutePath).replace(/\.(json|ya?ml)$/i, ''));
  const byFamily = group.map((c, i) => familyPrefix(stems[i]!, c.wanted));
  if (new Set(byFamily).size === group.length && byFamily.every(Boolean)) return byFamily;
  const suffix = commonTokenSuffix(stems);
  const byFile = stems.map((s) => s.slice(0, s.length - suffix.length));
  if (new Set(byFile).size === locations.length && byFile.every(Boolean)) return byFile;
  const byFolder = locations.map((l) => basename(dirname(l.doc.absolutePath)));
  if (new Set(byFolder).size === locations.length) return byFolder;
  // In one file (nested `$defs` that reuse a key): the definitions they sit in.
  const byPlace = locations.map((l, i) => `${new Set(stems).size > 1 ? byFile[i] : ''} ${placeInDocument(l.pointer)}`);
  return byPlace;
}

/** `/$defs/numberList/$defs/itemType` → `numberList`; `/then/$defs/x` → `then`; `/$defs/x` → ``. */
function placeInDocument(pointer: string): string {
  const segments = pointer.split('/').slice(1, -1).map(unescapeSegment);
  return segments.filter((s) => !['$defs', 'definitions', 'components', 'schemas'].includes(s)).join(' ');
}

/** The file-name tokens before the schema's own name: `user-pools-date-type-schema` + `DateType` → `user-pools`. */
function familyPrefix(stem: string, wanted: string): string {
  const tokens = stem.toLowerCase().split(/[-_.\s]+/);
  const nameTokens = wanted.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[-_.\s]+/).filter(Boolean);
  for (let i = 1; i + nameTokens.length <= tokens.length; i++) {
    if (nameTokens.every((t, j) => tokens[i + j] === t)) return tokens.slice(0, i).join('-');
  }
  return '';
}

function commonTokenSuffix(names: string[]): string {
  const first = names[0] ?? '';
  let length = 0;
  while (length < first.length && names.every((n) => n.length > length && n[n.length - 1 - length] === first[first.length - 1 - length])) length++;
  const suffix = first.slice(first.length - length);
  // Cut at a token boundary so `user-pools-` stays whole.
  const boundary = suffix.search(/[-_.]/);
  return boundary === -1 ? (length === first.length ? suffix : '') : suffix.slice(boundary);
}
