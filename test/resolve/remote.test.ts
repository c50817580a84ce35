import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { generate } from '../../src/index.js';
import { withTempDir } from '../helpers/temp-dir.js';

/** A schema server on loopback only, counting the requests it answers. */
async function serveSchemas(schemas: Record<string, unknown>): Promise<{ base: string; requests: string[]; server: Server }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = schemas[req.url ?? ''];
    if (body === 'hang') return; // never answers: the client must time out
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(body ? JSON.stringify(body) : '');
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server };
}

async function writeReferrer(dir: string, ref: string): Promise<void> {
  await mkdir(join(dir, 'schemas'));
  await writeFile(join(dir, 'schemas', 'order.json'), JSON.stringify({ title: 'Order', type: 'object', properties: { money: { $ref: ref } } }, null, 2));
}

describe('remote refs', () => {
  let served: Awaited<ReturnType<typeof serveSchemas>>;
  beforeAll(async () => {
    served = await serveSchemas({ '/money.json': { title: 'Money', type: 'object', required: ['amount'], properties: { amount: { type: 'number' } } }, '/slow.json': 'hang' });
  });
  afterAll(() => new Promise<void>((done) => served.server.close(() => done())));

  it('are refused by default, with a hint, and nothing is fetched', async () => {
    await withTempDir(async (dir) => {
      await writeReferrer(dir, `${served.base}/money.json`);
      const before = served.requests.length;
      const report = await generate({ cwd: dir });
      expect(report.status).toBe('failed');
      expect(report.diagnostics).toEqual([
        expect.objectContaining({ code: 'refused-ref', file: 'schemas/order.json', pointer: '/properties/money/$ref', line: 6, hint: expect.stringContaining('--allow-remote') }),
      ]);
      expect(served.requests.length).toBe(before);
    });
  });

  it('with allowRemote are fetched once, reported, and generated like local schemas', async () => {
    await withTempDir(async (dir) => {
      await writeReferrer(dir, `${served.base}/money.json`);
      const report = await generate({ cwd: dir, allowRemote: true });
      expect(report.status).toBe('written');
      expect(report.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'remote-fetched', message: `fetched ${served.base}/money.json (--allow-remote)` })]);
      expect(await readFile(join(dir, 'generated', 'types', 'Order.d.ts'), 'utf8')).toContain('money?: Money;');
      expect(await readFile(join(dir, 'generated', 'types', 'Money.d.ts'), 'utf8')).toContain('amount: number;');
    });
  });

  it('with allowRemote report a document the server does not have', async () => {
    await withTempDir(async (dir) => {
      await writeReferrer(dir, `${served.base}/missing.json`);
      const report = await generate({ cwd: dir, allowRemote: true });
      expect(report.status).toBe('failed');
      expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'fetch-failed', message: `cannot fetch ${served.base}/missing.json: HTTP 404` }));
    });
  });

  it('with allowRemote give up after the timeout with a clear error', async () => {
    await withTempDir(async (dir) => {
      await writeReferrer(dir, `${served.base}/slow.json`);
      const report = await generate({ cwd: dir, allowRemote: true, remoteTimeoutMs: 200 });
      expect(report.status).toBe('failed');
      expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'fetch-failed', message: `cannot fetch ${served.base}/slow.json: no answer within 200 ms` }));
      expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'unresolved-ref', file: 'schemas/order.json' }));
    });
  });
});

describe('uriMap', () => {
  it('serves URL prefixes from a local folder, keeping the URL as the base for relative refs, with no network', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'vendor', 'common'), { recursive: true });
      await writeFile(join(dir, 'vendor', 'common', 'money.json'), JSON.stringify({ title: 'Money', type: 'object', properties: { currency: { $ref: 'currency.json' } } }));
      await writeFile(join(dir, 'vendor', 'common', 'currency.json'), JSON.stringify({ title: 'Currency', enum: ['EUR', 'USD'] }));
      await writeReferrer(dir, 'https://schemas.example.com/common/money.json');
      const report = await generate({ cwd: dir, uriMap: { 'https://schemas.example.com/': 'vendor' } });
      expect(report.diagnostics).toEqual([]);
      expect(await readFile(join(dir, 'generated', 'types', 'Money.d.ts'), 'utf8')).toContain('currency?: Currency;');
      expect(await readFile(join(dir, 'generated', 'types', 'Currency.d.ts'), 'utf8')).toContain('export type Currency = "EUR" | "USD";');
    });
  });
});
