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
      // Nothing on disk can vouch for a fetched document: the manifest holds no record of the run, so every run fetches again.
      expect(JSON.parse(await readFile(join(dir, 'generated', '.schema-gen-manifest.json'), 'utf8'))).not.toHaveProperty('run');
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

describe('remote documents are size-capped', () => {
  /** Streams `{"title": "Endless", "description": "xxxx…` forever (or declares a huge length), counting what it sent. */
  async function serveEndless(): Promise<{ base: string; sent: () => number; closed: Promise<void>; server: Server }> {
    let sent = 0;
    let markClosed: () => void = () => undefined;
    const closed = new Promise<void>((done) => (markClosed = done));
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const server = createServer((req, res) => {
      if (req.url === '/declared.json') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(3 * 1024 ** 3) });
        res.write('{"title": "Huge", "description": "');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"title": "Endless", "description": "');
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) sent += chunk.length;
        if (!res.destroyed) sent += chunk.length;
      };
      res.on('drain', pump);
      res.on('close', () => markClosed());
      pump();
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent: () => sent, closed, server };
  }

  let endless: Awaited<ReturnType<typeof serveEndless>>;
  beforeAll(async () => {
    endless = await serveEndless();
  });
  afterAll(() => {
    endless.server.closeAllConnections();
    return new Promise<void>((done) => endless.server.close(() => done()));
  });

  it('an endless body is abandoned at maxRemoteBytes: an error, and the download stops', async () => {
    await withTempDir(async (dir) => {
      await writeReferrer(dir, `${endless.base}/endless.json`);
      const report = await generate({ cwd: dir, allowRemote: true, remoteTimeoutMs: 600_000, limits: { maxRemoteBytes: 1024 * 1024 } });
      expect(report.status).toBe('failed');
      expect(report.diagnostics).toContainEqual(
        expect.objectContaining({ code: 'fetch-failed', message: `cannot fetch ${endless.base}/endless.json: the document is larger than 1 MiB (the maxRemoteBytes limit)` }),
      );
      // The client hung up: the server saw the connection close after sending a bounded amount
      // (the cap, plus what socket buffers held), not an endless stream.
      await endless.closed;
      expect(endless.sent()).toBeLessThan(64 * 1024 * 1024);
    });
  });

  it('a declared length over the cap is refused before the body is read', async () => {
    await withTempDir(async (dir) => {
      await writeReferrer(dir, `${endless.base}/declared.json`);
      const report = await generate({ cwd: dir, allowRemote: true, remoteTimeoutMs: 600_000 });
      expect(report.diagnostics).toContainEqual(
        expect.objectContaining({ code: 'fetch-failed', message: `cannot fetch ${endless.base}/declared.json: the document is larger than 16 MiB (the maxRemoteBytes limit)` }),
      );
    });
  });
});
