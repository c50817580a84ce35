import { createHash } from 'node:crypto';
import { closest, distance } from 'fastest-levenshtein';
import { basename, dirname } from 'node:path';
import { diagnosticAt } from '../diagnostics/at-location.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SchemaLocation } from '../resolve/index.js';
import type { Dialect } from '../schema/dialect.js';
import { vocabularyOf, type Vocabulary } from '../schema/keywords/index.js';
import { definitionsAround, placeBelow } from './place-in-document.js';

/** Names our own output exports next to the schema types; a schema may not take them. */
const RESERVED_TYPE_NAMES = new Set(['ValidationError', 'Validator', 'ValidationErrorObject']);

/** `user-pools date_type` → `UserPoolsDateType`; always a valid, non-reserved identifier. */
export function toTypeName(raw: string): string {
  const words = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  let name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  if (name === '') name = 'Schema';
  if (/^\d/.test(name)) name = `_${name}`;
  if (RESERVED_TYPE_NAMES.has(name)) name = `${name}Schema`;
  return name;
}

export interface NameCandidate {
  key: string;
  location: SchemaLocation;
  /** The name the schema asks for: its title, component key or file stem (for a shared subschema: its title or place, if any). */
  wanted: string;
  /**
   * A subschema named only because more than one place prints it (see
   * `sharedSubschemas`): it yields to the schemas the user declared, never renames them.
   */
  shared?: boolean;
  /** The dialect it is read in (default: its document's). */
  dialect?: Dialect;
}

const vocabularyOfCandidate = (c: NameCandidate): Vocabulary => vocabularyOf(c.dialect ?? c.location.doc.dialect);

interface Naming {
  names: Map<string, string>;
  clashes: string[];
  diagnostics: Diagnostic[];
  /** Keys of `renames` that name none of the candidates (a typo, a file of another target): the caller reports them. */
  unmatchedRenames?: { key: string; closest?: string }[];
}

/**
 * One unique name per schema, whatever the input order. When several schemas want the
 * same name (compared case-insensitively, since output files are named after types),
 * each is prefixed with the part of its file path that tells them apart:
 * `user-pools-date-type-schema.json` and `identity-pools-date-type-schema.json` give
 * `UserPoolsDateType` and `IdentityPoolsDateType`. Explicit `renames` win over all.
 */
export function assignNames(candidates: NameCandidate[], renames: Readonly<Record<string, string>>): Naming {
  // A Map, not the object: a file or pointer named `constructor` or `__proto__` must not find Object's members.
  const explicit = new Map(Object.entries(renames));
  const renamedTo = (c: NameCandidate) => explicit.get(c.key) ?? (c.location.pointer === '' ? explicit.get(c.location.doc.displayPath) : undefined);
  const naming = assignDeclaredNames(
    candidates.filter((c) => !c.shared || renamedTo(c) !== undefined),
    renamedTo,
  );
  assignSharedNames(
    candidates.filter((c) => c.shared && renamedTo(c) === undefined),
    candidates.filter((c) => !c.shared),
    naming,
  );
  refuseLongNames(candidates, naming);
  naming.clashes.sort();
  naming.unmatchedRenames = unmatchedRenames(candidates, explicit);
  return naming;
}

/** Each `renames` key that names no candidate, with the candidate key closest to it (for a "did you mean"). */
function unmatchedRenames(candidates: NameCandidate[], explicit: ReadonlyMap<string, string>): { key: string; closest?: string }[] {
  if (explicit.size === 0) return [];
  const keys = new Set(candidates.flatMap((c) => [c.key, namesKey(c)]));
  const spelt = [...new Set(candidates.map(namesKey))];
  return [...explicit.keys()]
    .filter((key) => !keys.has(key))
    .sort()
    .map((key) => {
      const near = spelt.length > 0 ? closest(key, spelt) : undefined;
      return near !== undefined && distance(near, key) <= Math.max(2, Math.floor(key.length / 4)) ? { key, closest: near } : { key };
    });
}

/**
 * The longest type name: it is also a file name (`types/<Name>.d.ts`, plus a temporary
 * suffix while writing), and file systems refuse names over 255 bytes.
 */
export const MAX_TYPE_NAME_LENGTH = 128;

function refuseLongNames(candidates: NameCandidate[], naming: Naming): void {
  for (const c of candidates) {
    const name = naming.names.get(c.key);
    if (name === undefined || name.length <= MAX_TYPE_NAME_LENGTH) continue;
    naming.names.delete(c.key);
    naming.diagnostics.push(
      diagnosticAt(c.location.doc, c.location.pointer, {
        severity: 'error',
        code: 'name-too-long',
        message: `the type name for this schema would be ${name.length} characters long (${name.slice(0, 40)}…), more than ${MAX_TYPE_NAME_LENGTH}`,
        hint: 'give it a shorter title, or set "names" in the config file: { "<file>#<pointer>": "NewName" }',
      }),
    );
  }
}

function assignDeclaredNames(candidates: NameCandidate[], renamedTo: (c: NameCandidate) => string | undefined): Naming {
  const names = new Map<string, string>();
  const clashes: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const groups = new Map<string, NameCandidate[]>();
  for (const candidate of candidates) {
    const renamed = renamedTo(candidate);
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
    // Rule `root keeps its name`: a schema and definitions of its own that want its name.
    const { outer, inner } = splitOwnDefinitions(group);
    if (outer.length === 1) {
      names.set(outer[0]!.key, toTypeName(outer[0]!.wanted));
      taken.add(toTypeName(outer[0]!.wanted).toLowerCase());
    } else {
      const prefixes = distinguishingPrefixes(outer);
      const resolved = outer.map((c, i) => toTypeName(`${prefixes[i]} ${c.wanted}`));
      const unique = new Set(resolved.map((n) => n.toLowerCase()));
      if (unique.size !== outer.length || resolved.some((n) => taken.has(n.toLowerCase()))) {
        diagnostics.push(ambiguousClash(group, taken));
        continue;
      }
      outer.forEach((c, i) => {
        names.set(c.key, resolved[i]!);
        taken.add(resolved[i]!.toLowerCase());
        clashes.push(`${where(c)} → ${resolved[i]!}`);
      });
    }
    // Each inner definition: the name of the schema it sits in, then its place below it (`Schema` + `/$defs/schema` → `SchemaSchema`).
    for (const { candidate, owner } of inner) {
      const name = toTypeName(`${names.get(owner.key)!} ${placeBelow(owner.location.pointer, candidate.location.pointer, vocabularyOfCandidate(candidate))}`);
      if (taken.has(name.toLowerCase())) {
        diagnostics.push(ambiguousClash([owner, candidate], taken, candidate));
        continue;
      }
      names.set(candidate.key, name);
      taken.add(name.toLowerCase());
      clashes.push(`${where(candidate)} → ${name}`);
    }
  }
  return { names, clashes, diagnostics };
}

/**
 * The members of a clash that are definitions (`$defs`, `definitions`) inside another
 * member of the same document (`inner`, each with the innermost such member), and the
 * rest (`outer`). A definition is named from its place in its schema, so the schema
 * holding it is what it yields to.
 */
function splitOwnDefinitions(group: NameCandidate[]): { outer: NameCandidate[]; inner: { candidate: NameCandidate; owner: NameCandidate }[] } {
  const outer: NameCandidate[] = [];
  const inner: { candidate: NameCandidate; owner: NameCandidate }[] = [];
  const places = new PlacesInDocuments(group);
  for (const candidate of group) {
    const owner = places.innermostAbove(candidate);
    if (owner) inner.push({ candidate, owner });
    else outer.push(candidate);
  }
  // Outer members first: an inner one takes its owner's final name.
  inner.sort((a, b) => a.owner.location.pointer.length - b.owner.location.pointer.length);
  return { outer, inner };
}

/** A clash no rule settles: an error at the schema left without a name (the first, by default), with a `names` entry to copy that settles it. */
function ambiguousClash(group: NameCandidate[], taken: ReadonlySet<string>, at: NameCandidate = group[0]!): Diagnostic {
  const wanted = toTypeName(group[0]!.wanted);
  const suggested = suggestedNames(group, taken);
  const entries = group.slice(1).map((c, i) => `${JSON.stringify(namesKey(c))}: ${JSON.stringify(suggested[i + 1])}`);
  return diagnosticAt(at.location.doc, at.location.pointer, {
    severity: 'error',
    code: 'name-clash',
    message: `${group.length} schemas want the type name "${wanted}" and no rule tells them apart: ${group.map(where).join(', ')}`,
    hint: `give them distinct titles, or name them in the config file: "names": { ${entries.join(', ')} }`,
  });
}

/** How the config's `names` names a schema: its file for a document's root, else `<file>#<pointer>`. */
const namesKey = (c: NameCandidate) => (c.location.pointer === '' ? c.location.doc.displayPath : `${c.location.doc.displayPath}#${c.location.pointer}`);

/** A name from the file and the whole place in it: `order.json#/properties/lines/items` → `OrderLinesItem`. */
const fullPlaceName = (c: NameCandidate) => toTypeName(`${basename(c.location.doc.absolutePath).replace(/\.(json|ya?ml)$/i, '')} ${placeBelow('', c.location.pointer, vocabularyOfCandidate(c))}`);

/**
 * Names that tell the members of a clash apart, for the hint: the first member keeps
 * the name; each other one is prefixed with the first part of its path (folder, file,
 * place in the file) where the members differ, numbered only where that is not enough.
 */
function suggestedNames(group: NameCandidate[], taken: ReadonlySet<string>): string[] {
  const paths = group.map((c) => [...c.location.doc.displayPath.replace(/\.(json|ya?ml)$/i, '').split('/'), placeBelow('', c.location.pointer, vocabularyOfCandidate(c))]);
  let common = 0;
  while (paths.every((p) => p[common] !== undefined && p[common] === paths[0]![common])) common++;
  const used = new Set(taken);
  return group.map((c, i) => {
    let name = toTypeName(i === 0 ? c.wanted : `${paths[i]![common] ?? ''} ${c.wanted}`);
    for (let n = 2; i > 0 && used.has(name.toLowerCase()); n++) name = toTypeName(`${paths[i]![common] ?? ''} ${c.wanted} ${n}`);
    used.add(name.toLowerCase());
    return name;
  });
}

const where = (c: NameCandidate) => `${c.location.doc.displayPath}${c.location.pointer ? `#${c.location.pointer}` : ''}`;

/**
 * Shared subschemas take their own name (title, or key and place: `/properties/tags/items`
 * → `TagsItem`) when no other schema wants it; otherwise, or when nothing on their path
 * is a name (`/anyOf/0`), the name of the declared schema they sit in, followed by
 * their place below it (`Order` + `/properties/address` → `OrderAddress`, `Order` +
 * `/anyOf/0` → `OrderOption0`).
 */
function assignSharedNames(shared: NameCandidate[], declared: NameCandidate[], naming: Naming): void {
  const taken = new Set([...naming.names.values()].map((n) => n.toLowerCase()));
  const simple = new Map<string, NameCandidate[]>();
  for (const c of shared) {
    if (c.wanted === '') continue;
    const name = toTypeName(c.wanted).toLowerCase();
    const group = simple.get(name);
    if (group) group.push(c);
    else simple.set(name, [c]);
  }
  const qualify: NameCandidate[] = [];
  for (const c of shared) {
    const group = c.wanted === '' ? undefined : simple.get(toTypeName(c.wanted).toLowerCase());
    if (group?.length === 1 && !taken.has(toTypeName(c.wanted).toLowerCase())) {
      naming.names.set(c.key, toTypeName(c.wanted));
      taken.add(toTypeName(c.wanted).toLowerCase());
    } else {
      qualify.push(c);
    }
  }
  const declaredPlaces = new PlacesInDocuments(declared);
  const qualified = qualify.map((c) => {
    const owner = declaredPlaces.innermostHolding(c);
    const ownerName = (owner && naming.names.get(owner.key)) ?? basename(c.location.doc.absolutePath).replace(/\.(json|ya?ml)$/i, '');
    return toTypeName(`${ownerName} ${placeBelow(owner?.location.pointer ?? '', c.location.pointer, vocabularyOfCandidate(c))}`);
  });
  const counts = new Map<string, number>();
  for (const name of qualified) counts.set(name.toLowerCase(), (counts.get(name.toLowerCase()) ?? 0) + 1);
  qualify.forEach((c, i) => {
    const name = qualified[i]!;
    if (counts.get(name.toLowerCase())! > 1 || taken.has(name.toLowerCase())) {
      naming.diagnostics.push(
        diagnosticAt(c.location.doc, c.location.pointer, {
          severity: 'error',
          code: 'name-clash',
          message: `this subschema is used in several places, so it needs a type name of its own, but "${name}" is taken`,
          hint: `give it a distinct title, or name it in the config file: "names": { ${JSON.stringify(namesKey(c))}: ${JSON.stringify(fullPlaceName(c))} }`,
        }),
      );
      return;
    }
    naming.names.set(c.key, name);
    taken.add(name.toLowerCase());
    if (c.wanted !== '') naming.clashes.push(`${where(c)} → ${name}`);
  });
}

/**
 * Candidates by document and pointer (the first, where two share a place), to find the
 * innermost one holding a place by walking up that place's pointer: linear in its depth,
 * however many schemas a document has (comparing every pair was quadratic, and a
 * document of thousands of schemas that want one name is input anyone can write).
 */
export class PlacesInDocuments {
  private readonly byDocument = new Map<SchemaLocation['doc'], Map<string, NameCandidate>>();

  constructor(candidates: readonly NameCandidate[]) {
    for (const c of candidates) {
      let places = this.byDocument.get(c.location.doc);
      if (!places) this.byDocument.set(c.location.doc, (places = new Map()));
      if (!places.has(c.location.pointer)) places.set(c.location.pointer, c);
    }
  }

  /** The innermost candidate at `c`'s place or around it. */
  innermostHolding(c: NameCandidate): NameCandidate | undefined {
    return this.byDocument.get(c.location.doc)?.get(c.location.pointer) ?? this.innermostAbove(c);
  }

  /** The innermost candidate around `c`'s place (not at it). */
  innermostAbove(c: NameCandidate): NameCandidate | undefined {
    const places = this.byDocument.get(c.location.doc);
    const { pointer } = c.location;
    if (!places || pointer === '') return undefined;
    for (let end = pointer.lastIndexOf('/'); end >= 0; end = pointer.lastIndexOf('/', end - 1)) {
      const found = places.get(pointer.slice(0, end));
      if (found) return found;
      if (end === 0) break;
    }
    return undefined;
  }
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
  // Prefixes tell schemas apart only as far as they can be spelt in a name (`?` and `"` cannot).
  const distinct = (prefixes: string[]) => prefixes.every((p) => spelt(p) !== '') && new Set(prefixes.map(spelt)).size === prefixes.length;
  const byFamily = group.map((c, i) => familyPrefix(stems[i]!, c.wanted));
  if (distinct(byFamily)) return byFamily;
  const suffix = commonTokenSuffix(stems);
  const byFile = stems.map((s) => s.slice(0, s.length - suffix.length));
  if (distinct(byFile)) return byFile;
  const byFolder = locations.map((l) => basename(dirname(l.doc.absolutePath)));
  if (distinct(byFolder)) return byFolder;
  // In one file (nested `$defs` that reuse a key): the definitions they sit in.
  const byPlace = group.map((c, i) => `${new Set(stems).size > 1 ? byFile[i] : ''} ${definitionsAround(c.location.pointer, vocabularyOfCandidate(c))}`);
  if (distinct(byPlace) || group.some((c) => spelt(c.wanted) !== '')) return byPlace;
  // Nothing about them can be spelt (titles, file names and keys without a letter or digit,
  // as in `?.json` titled `*/`): a short hash of each one's file and pointer, which no
  // other schema can change. Schemas with real names that no rule tells apart stay an error.
  return group.map((c) => `schema ${createHash('sha256').update(c.key).digest('hex').slice(0, 6)}`);
}

/** What a prefix contributes to a name: its letters and digits, as toTypeName keeps them. */
function spelt(prefix: string): string {
  return prefix
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '')
    .toLowerCase();
}

/** The file-name tokens before the schema's own name: `user-pools-date-type-schema` + `DateType` → `user-pools`. */
function familyPrefix(stem: string, wanted: string): string {
  const tokens = stem.toLowerCase().split(/[-_.\s]+/);
  const nameTokens = wanted
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[-_.\s]+/)
    .filter(Boolean);
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
