import { basename } from 'node:path';
import { loadDocuments } from '../../src/load/index.js';
import { resolveDocuments, locationKey, type ResolvedGraph } from '../../src/resolve/index.js';
import { getAtPointer, parsePointer } from '../../src/schema/pointer.js';
import { CORPUS_SCHEMAS, describeCorpus, IDENTITY_POOLS_OPENAPI, USER_POOLS_OPENAPI } from '../helpers/corpus.js';

async function resolveCorpus(components: string[]): Promise<ResolvedGraph> {
  const loaded = await loadDocuments({ inputs: [CORPUS_SCHEMAS], components, cwd: process.cwd() });
  expect(loaded.diagnostics).toEqual([]);
  return resolveDocuments(loaded.documents, { roots: loaded.roots, allowRemote: false, mappedPrefixes: [] });
}

const componentRefSites = (graph: ResolvedGraph) => graph.registry.refSites.filter((s) => s.location.doc.role === 'input' && s.ref.startsWith('#/components/schemas/'));

describeCorpus('resolving the Cognito corpus (531 files)', () => {
  let graph: ResolvedGraph;
  beforeAll(async () => {
    graph = await resolveCorpus([USER_POOLS_OPENAPI, IDENTITY_POOLS_OPENAPI]);
  });

  it('resolves all 993 component refs: 987 to sibling files, 6 to the OpenAPI documents', () => {
    expect(graph.diagnostics).toEqual([]);
    const sites = componentRefSites(graph);
    expect(sites).toHaveLength(993);
    const via = sites.map((s) => graph.refs.get(locationKey(s.location))?.via);
    expect(via.filter((v) => v === 'sibling-title')).toHaveLength(987);
    expect(via.filter((v) => v === 'components-document')).toHaveLength(6);
  });

  it('each family finds its own DateType', () => {
    const creationDates = componentRefSites(graph).filter((s) => s.location.pointer.endsWith('/CreationDate/allOf/0'));
    const families = new Set<string>();
    for (const site of creationDates) {
      const target = graph.refs.get(locationKey(site.location))!.target;
      const family = basename(site.location.doc.absolutePath).startsWith('user-pools-') ? 'user-pools-' : 'identity-pools-';
      families.add(family);
      expect(basename(target.doc.absolutePath)).toBe(`${family}date-type-schema.json`);
    }
    expect(families).toEqual(new Set(['user-pools-', 'identity-pools-']));
  });

  it('takes PreventUserExistenceErrorTypes, RiskExceptionConfigurationType and ErrorCode from the OpenAPI documents', () => {
    const fromOpenApi = componentRefSites(graph)
      .map((s) => graph.refs.get(locationKey(s.location))!)
      .filter((r) => r.via === 'components-document')
      .map((r) => `${basename(r.target.doc.absolutePath)}#${r.target.pointer}`);
    expect(new Set(fromOpenApi)).toEqual(
      new Set([
        'amazon-cognito-user-pools-openapi.yml#/components/schemas/PreventUserExistenceErrorTypes',
        'amazon-cognito-user-pools-openapi.yml#/components/schemas/RiskExceptionConfigurationType',
        'amazon-cognito-identity-pools-openapi.yml#/components/schemas/ErrorCode',
      ]),
    );
    for (const ref of graph.refs.values()) {
      expect(getAtPointer(ref.target.doc.json, parsePointer(ref.target.pointer)!)).toBeDefined();
    }
  });

  it('without --components, fails on exactly the 6 refs that need it, each with file and line', async () => {
    const bare = await resolveCorpus([]);
    expect(bare.diagnostics).toHaveLength(6);
    for (const d of bare.diagnostics) {
      expect(d.code).toBe('unresolved-ref');
      expect(d.file).toMatch(/json-schema\/(user|identity)-pools-.*-schema\.json$/);
      expect(d.line).toBeGreaterThan(1);
      expect(d.pointer).toMatch(/\/\$ref$/);
      expect(d.hint).toContain('--components');
    }
    const names = bare.diagnostics.map((d) => /titled "(\w+)"/.exec(d.message)?.[1]).sort();
    expect(names).toEqual([
      'ErrorCode',
      'PreventUserExistenceErrorTypes',
      'PreventUserExistenceErrorTypes',
      'PreventUserExistenceErrorTypes',
      'RiskExceptionConfigurationType',
      'RiskExceptionConfigurationType',
    ]);
  });
});
