import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../load/assets.js';

/** The view's JSON Schema: the one description of the view, read by the template checker (and the source of the view's types and reference). */
export const VIEW_SCHEMA_FILE = join(PACKAGE_ROOT, 'templates', 'schema', 'view.schema.json');

/** What a template may find at a place of the view, as the checker needs it. */
export interface Described {
  /** Named fields, when it can be an object. */
  field(name: string, scope: DescribeScope): Field | undefined;
  /** Field names, for hints. */
  fieldNames(scope: DescribeScope): string[];
  /** It can be an object (sections push it). */
  object: boolean;
  /** The items, when it can be a list. */
  list?: Described;
  /** It can be a scalar (string, number, boolean, null). */
  scalar: boolean;
}

export interface Field {
  value: Described;
  /** Schema text, not escaped. */
  raw: boolean;
  /** Only in the views of entries with `"validators": true`. */
  validators: boolean;
}

/** What the checker knows of the set it checks: entry names by kind, and whether validator fields are there. */
export interface DescribeScope {
  entries: Readonly<Record<string, readonly string[]>>;
  validators: boolean;
}

type SchemaNode = Record<string, unknown>;

let root: SchemaNode | undefined;
const described = new WeakMap<SchemaNode, Described>();

/** The description of one of the view schema's definitions (`SchemaFileView`, …). */
export function describeView(definition: string): Described {
  root ??= JSON.parse(readFileSync(VIEW_SCHEMA_FILE, 'utf8')) as SchemaNode;
  return describe(definitionNode(definition));
}

function definitionNode(name: string): SchemaNode {
  const node = (root!.$defs as Record<string, SchemaNode>)[name];
  if (!node) throw new Error(`schema-gen: the view schema has no definition "${name}"`);
  return node;
}

function resolveRef(node: SchemaNode): SchemaNode {
  let current = node;
  while (typeof current.$ref === 'string') current = definitionNode(current.$ref.replace('#/$defs/', ''));
  return current;
}

/** Each schema node is described once (the view is recursive: a type's imports are types). */
function describe(start: SchemaNode): Described {
  const node = resolveRef(start);
  const known = described.get(node);
  if (known) return known;
  const members = [...((node.oneOf as SchemaNode[] | undefined) ?? []), ...((node.anyOf as SchemaNode[] | undefined) ?? [])];
  const result = members.length > 0 ? merged(() => members.map(describe)) : single(node);
  described.set(node, result);
  return result;
}

function single(node: SchemaNode): Described {
  const types = typeof node.type === 'string' ? [node.type] : Array.isArray(node.type) ? (node.type as string[]) : [];
  const object = types.includes('object');
  const properties = (node.properties ?? {}) as Record<string, SchemaNode>;
  const dynamic = typeof node['x-keys'] === 'string' ? node['x-keys'] : undefined;
  const additional = node.additionalProperties;
  const fieldOf = (name: string, scope: DescribeScope): Field | undefined => {
    if (Object.hasOwn(properties, name)) {
      const property = properties[name]!;
      return { value: describe(property), raw: property['x-raw'] === true || resolveRef(property)['x-raw'] === true, validators: property['x-validators'] === true };
    }
    if (dynamic !== undefined && (scope.entries[dynamic] ?? []).includes(name)) return { value: describe(additional as SchemaNode), raw: false, validators: false };
    return undefined;
  };
  const scalar = types.some((t) => t !== 'object' && t !== 'array') || 'const' in node || 'enum' in node;
  return {
    object,
    scalar,
    ...(types.includes('array') ? { list: describe(node.items as SchemaNode) } : {}),
    field(name, scope) {
      const found = fieldOf(name, scope);
      return found && (!found.validators || scope.validators) ? found : undefined;
    },
    fieldNames(scope) {
      const fixed = Object.keys(properties).filter((name) => properties[name]!['x-validators'] !== true || scope.validators);
      return dynamic !== undefined ? [...fixed, ...(scope.entries[dynamic] ?? [])] : fixed;
    },
  };
}

/** A `oneOf`: a field is known when some member has it (mustache cannot tell the members apart either). */
function merged(membersOf: () => Described[]): Described {
  let members: Described[] | undefined;
  const all = () => (members ??= membersOf());
  const result: Described = {
    get object() {
      return all().some((m) => m.object);
    },
    get scalar() {
      return all().some((m) => m.scalar);
    },
    get list() {
      return all().find((m) => m.list)?.list;
    },
    field(name, scope) {
      const found = all()
        .map((m) => m.field(name, scope))
        .filter((f): f is Field => f !== undefined);
      if (found.length === 0) return undefined;
      if (found.length === 1) return found[0];
      return { value: merged(() => found.map((f) => f.value)), raw: found.some((f) => f.raw), validators: found.every((f) => f.validators) };
    },
    fieldNames(scope) {
      return [...new Set(all().flatMap((m) => m.fieldNames(scope)))];
    },
  };
  return result;
}
