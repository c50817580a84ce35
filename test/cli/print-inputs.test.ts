import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCliCaptured } from '../helpers/cli.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { snapshotTree } from '../helpers/tree-snapshot.js';

describe('--print-inputs', () => {
  it('lists every file a run reads, one per line, sorted, relative to the working folder; it writes nothing', async () => {
    await withTempDir(async (dir) => {
      const write = async (path: string, value: unknown) => {
        await mkdir(join(dir, path, '..'), { recursive: true });
        await writeFile(join(dir, path), typeof value === 'string' ? value : JSON.stringify(value));
      };
      await write('schemas/order.json', {
        title: 'Order',
        properties: { line: { $ref: 'parts/line.json' }, status: { $ref: '#/components/schemas/Status' }, vendor: { $ref: 'https://example.com/v/vendor.json' } },
      });
      // Reached only through a ref: read, so listed.
      await write('schemas/parts/line.json', { title: 'Line', type: 'string' });
      await write('api/openapi.json', { openapi: '3.0.0', components: { schemas: { Status: { type: 'string' } } } });
      await write('vendor/vendor.json', { title: 'Vendor', type: 'string' });
      await write('tpl/banner.mustache', '// {{source}}\n');
      await write('schema-gen.config.json', { inputs: ['schemas/order.json'], components: ['api/openapi.json'], templates: 'tpl', uriMap: { 'https://example.com/v/': 'vendor' } });
      await mkdir(join(dir, 'tools'));
      // Where a run would keep its validator cache and run record: they must stay absent too.
      await mkdir(join(dir, 'node_modules'));
      const before = snapshotTree(dir);
      const run = await runCliCaptured(['--print-inputs'], join(dir, 'tools'));
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(
        ['../api/openapi.json', '../schema-gen.config.json', '../schemas/order.json', '../schemas/parts/line.json', '../tpl/banner.mustache', '../vendor/vendor.json', ''].join('\n'),
      );
      expect(run.stderr).toBe('');
      // Nothing written: no output folder, no cache, no other file.
      expect(snapshotTree(dir)).toEqual(before);
      expect(existsSync(join(dir, 'generated'))).toBe(false);
    });
  });

  it('with several targets, the union of what each reads', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'a'));
      await mkdir(join(dir, 'b'));
      await writeFile(join(dir, 'a', 'x.json'), '{"title": "X", "type": "string"}');
      await writeFile(join(dir, 'b', 'y.json'), '{"title": "Y", "type": "string"}');
      await writeFile(join(dir, 'schema-gen.config.json'), JSON.stringify({ targets: { a: { inputs: ['a'], out: 'out/a' }, b: { inputs: ['b'], out: 'out/b' } } }));
      const run = await runCliCaptured(['--print-inputs'], dir);
      expect(run.stdout).toBe('a/x.json\nb/y.json\nschema-gen.config.json\n');
      expect((await runCliCaptured(['--print-inputs', '--target', 'b'], dir)).stdout).toBe('b/y.json\nschema-gen.config.json\n');
    });
  });
});
