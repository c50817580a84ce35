import dns from 'node:dns';
import net from 'node:net';

/**
 * Run `work` while any attempt to open a socket, look up a host or fetch is recorded
 * (and refused). Returns what was attempted: a timing-free proof of "no network".
 */
export async function recordNetworkAttempts(work: () => Promise<unknown>): Promise<string[]> {
  const attempts: string[] = [];
  const connect = net.Socket.prototype.connect;
  const lookup = dns.lookup;
  const fetch = globalThis.fetch;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    attempts.push(`socket ${JSON.stringify(args[0])}`);
    throw new Error('network access in a test that must stay offline');
  } as typeof connect;
  (dns as { lookup: unknown }).lookup = (host: string) => {
    attempts.push(`dns ${host}`);
    throw new Error('DNS lookup in a test that must stay offline');
  };
  globalThis.fetch = (async (input: unknown) => {
    attempts.push(`fetch ${String(input)}`);
    throw new Error('fetch in a test that must stay offline');
  }) as typeof fetch;
  try {
    await work();
  } finally {
    net.Socket.prototype.connect = connect;
    (dns as { lookup: unknown }).lookup = lookup;
    globalThis.fetch = fetch;
  }
  return attempts;
}
