import { readFileSync } from 'node:fs';
import { MANIFEST_SCHEMA_FILE } from '../../load/template-set/index.js';
import { HELPER_DOCS, TEXT_HELPER_NAMES } from '../helpers.js';
import { VIEW_SCHEMA_FILE } from './description.js';

type SchemaNode = Record<string, unknown>;

/**
 * templates/README.md: the manifest's fields, the view's and the helpers, written from
 * the two JSON Schemas and the helpers' table, so the reference cannot drift from what
 * the checker and the types say (a test compares; `npm run view-types:update` rewrites).
 */
export function templateReference(): string {
  const view = JSON.parse(readFileSync(VIEW_SCHEMA_FILE, 'utf8')) as SchemaNode;
  const manifest = JSON.parse(readFileSync(MANIFEST_SCHEMA_FILE, 'utf8')) as SchemaNode;
  const out: string[] = [
    '# schema-gen template sets: reference',
    '',
    '<!-- Written by `npm run view-types:update` from schema/templates.schema.json, schema/view.schema.json and the helpers (src/render/helpers.ts). Do not edit. -->',
    '',
    'This folder is a template set: `templates.json` lists the files a run writes, each from a template and at a path (see the README of schema-gen, "Templates", for the how-to). `schema-gen templates eject` copies it out; `schema-gen templates check <dir>` checks a set.',
    '',
    '## The manifest, `templates.json`',
    '',
    String(manifest.description),
    '',
    ...fieldTable(manifest, manifest),
    '',
    '### A file entry',
    '',
    ...fieldTable(defs(manifest).FileEntry!, manifest),
    '',
    '## The view',
    '',
    String(view.description),
    '',
    'In mustache, a name is looked up in the innermost section first, then outwards (`{{name}}` inside `{{#imports}}` is the import\'s name), a name the view does not have is an error with its line, and nothing is HTML-escaped. Fields marked *validators* are there only in entries with `"validators": true`.',
    '',
  ];
  for (const [name, node] of Object.entries(defs(view))) {
    out.push(`### ${name}`, '', String(node.description ?? ''), '');
    if (Array.isArray(node.oneOf)) {
      out.push(`One of ${(node.oneOf as SchemaNode[]).map((m) => typeText(m, view)).join(', ')}; \`kind\` tells which.`, '');
      continue;
    }
    if (typeof node['x-keys'] === 'string') {
      out.push(
        `An object with one field per entry of the set that renders ${node['x-keys'] === 'schema' ? 'once per schema' : node['x-keys'] === 'run' ? 'once per run' : 'once per run-time helper'}, named like the entry.`,
        '',
      );
      continue;
    }
    out.push(...fieldTable(node, view), '');
  }
  out.push(
    '## The helpers',
    '',
    'ES-module templates get them as their second argument, `(view, helpers) => string`. Mustache templates get the ones that take one text as sections: the section is rendered, then the helper applied, `{{#kebab}}{{name}}{{/kebab}}`. The escaping ones are the writers schema-gen uses for its own output (`src/emit/code-text.ts`).',
    '',
    '| helper | mustache | what it gives |',
    '| --- | --- | --- |',
    ...Object.entries(HELPER_DOCS).map(([name, { call, doc }]) => `| \`${call}\` | ${(TEXT_HELPER_NAMES as string[]).includes(name) ? `\`{{#${name}}}…{{/${name}}}\`` : ''} | ${cell(doc)} |`),
    '',
  );
  return out.join('\n');
}

function defs(schema: SchemaNode): Record<string, SchemaNode> {
  return (schema.$defs ?? {}) as Record<string, SchemaNode>;
}

function fieldTable(node: SchemaNode, schema: SchemaNode): string[] {
  const properties = (node.properties ?? {}) as Record<string, SchemaNode>;
  const required = new Set((node.required as string[] | undefined) ?? []);
  const rows = Object.entries(properties).map(([name, field]) => {
    const notes = [required.has(name) ? '' : 'optional', field['x-validators'] === true ? '*validators*' : ''].filter(Boolean).join(', ');
    const description = String(field.description ?? '');
    return `| \`${name}\` | ${typeText(field, schema)}${notes ? ` (${notes})` : ''} | ${cell(description)} |`;
  });
  if (typeof node.additionalProperties === 'object' && node.additionalProperties !== null) {
    const valueType = node.additionalProperties as SchemaNode;
    const members = Array.isArray(valueType.oneOf) ? (valueType.oneOf as SchemaNode[]) : [valueType];
    rows.push(`| *any name* | ${members.map((m) => typeText(m, schema)).join(' or ')} | ${cell(String(node.description ?? ''))} |`);
  }
  return ['| field | type | meaning |', '| --- | --- | --- |', ...rows];
}

function typeText(node: SchemaNode, schema: SchemaNode): string {
  if (typeof node.$ref === 'string') {
    const name = node.$ref.replace('#/$defs/', '');
    const target = defs(schema)[name];
    // A definition that is only a checked string (a template file) reads best as what it is.
    return target?.type === 'string' ? `${target.type} (${name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()})` : `[${name}](#${name.toLowerCase()})`;
  }
  if (Array.isArray(node.oneOf)) return (node.oneOf as SchemaNode[]).map((m) => typeText(m, schema)).join(' or ');
  if ('const' in node) return `\`${JSON.stringify(node.const)}\``;
  if (Array.isArray(node.enum)) return (node.enum as unknown[]).map((v) => `\`${JSON.stringify(v)}\``).join(' or ');
  const types = Array.isArray(node.type) ? (node.type as string[]) : typeof node.type === 'string' ? [node.type] : [];
  return types
    .map((t) =>
      t === 'array'
        ? `list of ${typeText(node.items as SchemaNode, schema)}`
        : t === 'object' && node.additionalProperties
          ? `object of ${typeText(node.additionalProperties as SchemaNode, schema)}`
          : t,
    )
    .join(' or ');
}

/** Text in a Markdown table cell: a `|` would end the cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
