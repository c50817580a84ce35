import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate, type GenerateOptions, type Report } from '../../src/index.js';
import type { SourceDocument } from '../../src/load/document.js';
import { pickByFamily } from '../../src/resolve/family.js';
import { resolveDocuments, type SchemaLocation } from '../../src/resolve/index.js';
import { withTempDir } from '../helpers/temp-dir.js';

type Validator = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string }[] | null };

async function writeFiles(dir: string, files: Record<string, unknown>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), JSON.stringify(content, null, 2));
  }
}
async function gen(dir: string, files: Record<string, unknown>, options: GenerateOptions = {}): Promise<Report> {
  await writeFiles(dir, files);
  return generate({ cwd: dir, inputs: ['schemas'], outDir: 'out', ...options });
}
const typeOf = (dir: string, name: string) => readFile(join(dir, 'out', 'types', `${name}.d.ts`), 'utf8');
async function validatorOf(dir: string, name: string): Promise<Validator> {
  const module = (await import(pathToFileURL(join(dir, 'out', 'validators', `${name}.js`)).href)) as Record<string, Validator>;
  return module[`validate${name}`]!;
}

/** The Cognito shape: each family has its own DateType, and its things point at it by component name. */
const userPools = {
  'schemas/user-pools-date-type-schema.json': { title: 'DateType', type: 'string', description: 'A user pools date.' },
  'schemas/user-pools-thing-schema.json': { title: 'UserPoolsThing', type: 'object', properties: { CreationDate: { $ref: '#/components/schemas/DateType' } } },
};
const identityPools = {
  'schemas/identity-pools-date-type-schema.json': { title: 'DateType', type: 'number', description: 'An identity pools date.' },
  'schemas/identity-pools-thing-schema.json': { title: 'IdentityPoolsThing', type: 'object', properties: { CreationDate: { $ref: '#/components/schemas/DateType' } } },
};

describe('#/components/schemas/X answered by the sibling input titled X', () => {
  it('corpus style: #/components/schemas/X is the sibling titled X; allOf [$ref, {description}] is that type, documented', () =>
    withTempDir(async (dir) => {
      const report = await gen(dir, {
        'schemas/order.json': {
          $id: 'https://example.com/api/order.json',
          title: 'Order',
          type: 'object',
          required: ['Status'],
          properties: {
            Status: { allOf: [{ $ref: '#/components/schemas/OrderStatusType' }, { description: 'Where the <code>order</code> is.' }] },
            Plain: { $ref: '#/components/schemas/OrderStatusType' },
          },
        },
        'schemas/order-status-type.json': { $id: 'https://example.com/api/order-status-type.json', title: 'OrderStatusType', enum: ['OPEN', 'SHIPPED'] },
      });
      expect(report.diagnostics).toEqual([]);
      const order = await typeOf(dir, 'Order');
      expect(order).toContain("import type { OrderStatusType } from './OrderStatusType.js';");
      expect(order).toMatch(/\/\*\*\n\s+\* Where the `order` is\.\n\s+\*\/\n\s+Status: OrderStatusType;\n\s+Plain\?: OrderStatusType;/);
      expect(order).not.toContain('&');
      const validate = await validatorOf(dir, 'Order');
      expect(validate({ Status: 'OPEN', Plain: 'SHIPPED' })).toBe(true);
      for (const bad of [{ Status: 'LOST' }, {}]) expect(validate(bad)).toBe(false);
    }));

  it('corpus-style recursion: #/components/schemas/X inside the file titled X is that file', () =>
    withTempDir(async (dir) => {
      const items = { $ref: '#/components/schemas/TreeNode' };
      const report = await gen(dir, { 'schemas/tree-node.json': { title: 'TreeNode', type: 'object', properties: { children: { type: 'array', items } } } });
      expect(report.diagnostics).toEqual([]);
      expect(await typeOf(dir, 'TreeNode')).toContain('children?: TreeNode[];');
    }));
});

describe('family rule for #/components/schemas/X answered by several siblings', () => {
  it('each family points at its own DateType, and the clashing names get their family prefix', () =>
    withTempDir(async (dir) => {
      const report = await gen(dir, { ...userPools, ...identityPools });
      expect(report.diagnostics).toEqual([]);
      expect(report.renamedClashes).toEqual(['schemas/identity-pools-date-type-schema.json → IdentityPoolsDateType', 'schemas/user-pools-date-type-schema.json → UserPoolsDateType']);
      expect(await typeOf(dir, 'UserPoolsDateType')).toContain('export type UserPoolsDateType = string;');
      expect(await typeOf(dir, 'IdentityPoolsDateType')).toContain('export type IdentityPoolsDateType = number;');
      expect(existsSync(join(dir, 'out', 'types', 'DateType.d.ts'))).toBe(false);

      const user = await typeOf(dir, 'UserPoolsThing');
      expect(user).toContain("import type { UserPoolsDateType } from './UserPoolsDateType.js';");
      expect(user).toContain('CreationDate?: UserPoolsDateType;');
      expect(user).not.toContain('IdentityPools');
      const identity = await typeOf(dir, 'IdentityPoolsThing');
      expect(identity).toContain("import type { IdentityPoolsDateType } from './IdentityPoolsDateType.js';");
      expect(identity).toContain('CreationDate?: IdentityPoolsDateType;');
      expect(identity).not.toContain('UserPools');

      const validateUser = await validatorOf(dir, 'UserPoolsThing');
      expect(validateUser({ CreationDate: '2024-01-01' })).toBe(true);
      expect(validateUser({ CreationDate: 1704067200 })).toBe(false);
      const validateIdentity = await validatorOf(dir, 'IdentityPoolsThing');
      expect(validateIdentity({ CreationDate: 1704067200 })).toBe(true);
      expect(validateIdentity({ CreationDate: '2024-01-01' })).toBe(false);
    }));

  it('resolveDocuments picks the same targets whatever the document order', () => {
    const root = resolve('/virtual/project');
    const docs = Object.entries({ ...userPools, ...identityPools }).map(([path, json]): SourceDocument => ({
      absolutePath: join(root, path),
      displayPath: path,
      format: 'json',
      text: JSON.stringify(json, null, 2),
      json,
      role: 'input',
      dialect: '2020-12',
    }));
    const settings = { roots: [join(root, 'schemas')], allowRemote: false, mappedPrefixes: [] };
    for (const order of [docs, [...docs].reverse()]) {
      const graph = resolveDocuments(order, settings);
      expect(graph.diagnostics).toEqual([]);
      const target = (thing: string) => graph.refs.get(`schemas/${thing}#/properties/CreationDate`);
      expect(target('user-pools-thing-schema.json')).toMatchObject({ via: 'sibling-title', target: { pointer: '', doc: { displayPath: 'schemas/user-pools-date-type-schema.json' } } });
      expect(target('identity-pools-thing-schema.json')).toMatchObject({ via: 'sibling-title', target: { pointer: '', doc: { displayPath: 'schemas/identity-pools-date-type-schema.json' } } });
    }
  });

  it('with one family only, the name stays DateType', () =>
    withTempDir(async (dir) => {
      const report = await gen(dir, userPools);
      expect(report.diagnostics).toEqual([]);
      expect(report.renamedClashes).toEqual([]);
      expect(await typeOf(dir, 'DateType')).toContain('export type DateType = string;');
      expect(await typeOf(dir, 'UserPoolsThing')).toContain('CreationDate?: DateType;');
    }));

  it('a tie (equal prefix, equal shared tokens) is an ambiguous-ref naming both candidates', () =>
    withTempDir(async (dir) => {
      const report = await gen(dir, {
        'schemas/a-date-type.json': { title: 'DateType', type: 'string' },
        'schemas/b-date-type.json': { title: 'DateType', type: 'string' },
        'schemas/order.json': { title: 'Order', type: 'object', properties: { When: { $ref: '#/components/schemas/DateType' } } },
      });
      expect(report.status).toBe('failed');
      expect(existsSync(join(dir, 'out'))).toBe(false);
      expect(report.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'ambiguous-ref', file: 'schemas/order.json', pointer: '/properties/When/$ref', line: 6 })]);
      const [diagnostic] = report.diagnostics;
      expect(diagnostic!.message).toContain('matches 2 schemas equally');
      expect(diagnostic!.message).toContain('schemas/a-date-type.json');
      expect(diagnostic!.message).toContain('schemas/b-date-type.json');
      expect(diagnostic!.hint).toContain('reference the file directly');
    }));

  it('a self reference by component name stays in its own file when another family has the same title', () =>
    withTempDir(async (dir) => {
      const tree = (own: Record<string, unknown>) => ({ title: 'TreeNode', type: 'object', properties: { ...own, children: { type: 'array', items: { $ref: '#/components/schemas/TreeNode' } } } });
      const report = await gen(dir, {
        'schemas/user-pools-tree-node-schema.json': tree({ v: { type: 'integer' } }),
        'schemas/identity-pools-tree-node-schema.json': tree({ s: { type: 'string' } }),
      });
      expect(report.diagnostics).toEqual([]);
      expect(await typeOf(dir, 'UserPoolsTreeNode')).toContain('children?: UserPoolsTreeNode[];');
      expect(await typeOf(dir, 'IdentityPoolsTreeNode')).toContain('children?: IdentityPoolsTreeNode[];');
    }));

  it('a direct file ref settles what the title cannot', () =>
    withTempDir(async (dir) => {
      const report = await gen(dir, {
        'schemas/a-date-type.json': { title: 'DateType', type: 'string' },
        'schemas/b-date-type.json': { title: 'DateType', type: 'integer' },
        'schemas/order.json': { title: 'Order', type: 'object', properties: { When: { $ref: 'b-date-type.json' } } },
      });
      expect(report.diagnostics).toEqual([]);
      expect(await typeOf(dir, 'Order')).toContain('When?: BDateType;');
    }));
});

describe('pickByFamily', () => {
  const root = resolve('/virtual/schemas');
  const at = (file: string): SchemaLocation => {
    const doc: SourceDocument = { absolutePath: join(root, file), displayPath: `schemas/${file}`, format: 'json', text: '{}', json: {}, role: 'input', dialect: '2020-12' };
    return { doc, pointer: '' };
  };
  const pick = (referrer: string, candidates: string[]) => pickByFamily(join(root, referrer), candidates.map(at)).map((l) => l.doc.displayPath.replace('schemas/', ''));

  it('returns zero or one candidate as it is', () => {
    expect(pick('user-pools-thing-schema.json', [])).toEqual([]);
    expect(pick('user-pools-thing-schema.json', ['identity-pools-date-type-schema.json'])).toEqual(['identity-pools-date-type-schema.json']);
  });

  it('prefers the longest common file-name prefix: the referrer’s own family', () => {
    const both = ['identity-pools-date-type-schema.json', 'user-pools-date-type-schema.json'];
    expect(pick('user-pools-thing-schema.json', both)).toEqual(['user-pools-date-type-schema.json']);
    expect(pick('identity-pools-thing-schema.json', both)).toEqual(['identity-pools-date-type-schema.json']);
    expect(pick('identity-pools-thing-schema.json', [...both].reverse())).toEqual(['identity-pools-date-type-schema.json']);
  });

  it('counts whole name tokens only: user-pools-a shares "user-" with user-pa, not "user-p"', () => {
    expect(pick('user-pools-a.json', ['user-pools-x.json', 'user-poolsx.json'])).toEqual(['user-pools-x.json']);
    expect(pick('user-pools-a.json', ['user-pa.json', 'user-zz.json'])).toEqual(['user-pa.json', 'user-zz.json']);
  });

  it('breaks a prefix tie by the number of shared name tokens', () => {
    expect(pick('thing-user-pools.json', ['date-identity-pools.json', 'date-user-pools.json'])).toEqual(['date-user-pools.json']);
  });

  it('returns every candidate still tied, in the given order', () => {
    expect(pick('order.json', ['b-date-type.json', 'a-date-type.json'])).toEqual(['b-date-type.json', 'a-date-type.json']);
  });

  it('looks at file names only, not folders', () => {
    expect(pick('user/thing.json', ['identity/date.json', 'user/date.json'])).toEqual(['identity/date.json', 'user/date.json']);
  });
});
