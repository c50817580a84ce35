// The reference benchmark's synthetic corpus (bench/lib/synthetic-corpus.js) is only worth
// timing if schema-gen generates it cleanly: every ref resolves (to a sibling's title, to
// a components document, or to a `$defs` entry), renamed copies do not clash, the copy
// for the other tools refers only to files that exist, and the unknown keyword of the
// big-file variant gives exactly one warning per definition. No timings here.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '../../src/index.js';
import { recordNetworkAttempts } from '../helpers/no-network.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { withTempDir } from '../helpers/temp-dir.js';

const WRITER = join(REPO_ROOT, 'bench', 'lib', 'write-synthetic-corpus.js');
const write = (dir: string, ...args: string[]) => JSON.parse(execFileSync(process.execPath, [WRITER, dir, ...args], { encoding: 'utf8' })) as Record<string, unknown>;
const filesIn = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((f) => join(dir, f));

/** Every `$ref` string in a JSON value. */
function refsOf(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsOf(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') found.push(v);
      else refsOf(v, found);
    }
  }
  return found;
}

describe('the synthetic Cognito-style corpus', () => {
  it('generates without errors or network: one type per file and per OpenAPI-only name, every component ref resolved', async () => {
    await withTempDir(async (dir) => {
      const facts = write(dir, '1');
      const inputs = filesIn(join(dir, 'json-schema'));
      expect(inputs).toHaveLength(facts.inputCount as number);
      let report: Awaited<ReturnType<typeof generate>> | undefined;
      const attempts = await recordNetworkAttempts(async () => {
        report = await generate({ inputs: [join(dir, 'json-schema')], components: filesIn(join(dir, 'openapi')), outDir: join(dir, 'out'), cache: false });
      });
      expect(attempts).toEqual([]);
      expect(report!.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')).toEqual([]);
      expect(report!.status).toBe('written');
      // 530 files, and the 3 names that only the OpenAPI documents define.
      expect(report!.typeCount).toBe(inputs.length + 3);
      // The 4 titles both families use are told apart by the family rule.
      expect(report!.renamedClashes).toHaveLength(8);
      const componentRefs = inputs.flatMap((file) => refsOf(JSON.parse(readFileSync(file, 'utf8'))));
      expect(componentRefs).toHaveLength(facts.refs as number);
      expect(componentRefs.every((ref) => ref.startsWith('#/components/schemas/'))).toBe(true);
      // The schema the benchmark edits exists, and the validator it imports is exported by the index.
      expect(existsSync(join(dir, (facts.edit as { file: string }).file))).toBe(true);
      expect(readFileSync(join(dir, 'out', 'index.js'), 'utf8')).toContain(`validate${(facts.probe as { name: string }).name}`);
    });
  });

  it('renamed copies are self-consistent: 2 copies give twice the types and no clash across copies', async () => {
    await withTempDir(async (dir) => {
      write(dir, '2');
      const report = await generate({ inputs: [join(dir, 'json-schema')], components: filesIn(join(dir, 'openapi')), outDir: join(dir, 'out'), typesOnly: true, cache: false });
      expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(report.typeCount).toBe(2 * 533);
      expect(report.renamedClashes).toHaveLength(2 * 8);
      expect(readdirSync(join(dir, 'out', 'types')).filter((f) => f.endsWith('.d.ts'))).toHaveLength(2 * 533);
    });
  });

  it('the copy for tools that follow only file refs refers to files that exist, and adds the OpenAPI-only names as files', async () => {
    await withTempDir(async (dir) => {
      write(dir, '1');
      const plain = filesIn(join(dir, 'plain'));
      expect(plain).toHaveLength(readdirSync(join(dir, 'json-schema')).length + 3);
      for (const file of plain) {
        const schema = JSON.parse(readFileSync(file, 'utf8')) as { $id?: string };
        expect(schema.$id).toBeUndefined();
        for (const ref of refsOf(schema)) expect(existsSync(join(dir, 'plain', ref))).toBe(true);
      }
    });
  });

  it('the single-file variant: every definition a type, one unknown-keyword warning per definition, nothing else', async () => {
    await withTempDir(async (dir) => {
      const facts = write(dir, '--defs', '60', '--unknown-keyword');
      const report = await generate({ inputs: [join(dir, 'catalogue.json')], outDir: join(dir, 'out'), cache: false });
      const problems = report.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
      expect(problems.filter((d) => d.code !== 'unknown-keyword')).toEqual([]);
      expect(problems).toHaveLength(60);
      expect(report.typeCount).toBe(61); // the root and its 60 `$defs`
      expect(readFileSync(join(dir, 'out', 'index.js'), 'utf8')).toContain(`validate${(facts.probe as { name: string }).name}`);
    });
  });

  it('the embedded-resources variant: every definition a resource of its own, referred to by its URI, and a type; no warning', async () => {
    await withTempDir(async (dir) => {
      write(dir, '--defs', '60', '--embedded');
      const schema = JSON.parse(readFileSync(join(dir, 'catalogue.json'), 'utf8')) as { $defs: Record<string, { $id?: string }> };
      const ids = Object.values(schema.$defs).map((d) => d.$id);
      expect(new Set(ids).size).toBe(60);
      expect(ids.every((id) => id?.startsWith('https://'))).toBe(true);
      expect(refsOf(schema).length).toBeGreaterThan(0);
      expect(refsOf(schema).every((ref) => ids.includes(ref))).toBe(true);
      const report = await generate({ inputs: [join(dir, 'catalogue.json')], outDir: join(dir, 'out'), cache: false });
      expect(report.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning')).toEqual([]);
      expect(report.typeCount).toBe(61);
    });
  });
});
