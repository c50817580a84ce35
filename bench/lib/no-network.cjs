// Preloaded (`node --require`) into every process the reference benchmark starts, so that
// nothing it runs can reach the network: every DNS lookup, socket connection (http, https
// and fetch all open one) and fetch fails at once, and each attempt is appended to the
// file named by BENCH_NETWORK_LOG, which the benchmark counts and reports. CommonJS, and
// only modules Node has loaded anyway, so that it costs a few milliseconds per process
// (the benchmark measures an empty `node` with it, as the baseline every row pays).
/* eslint-disable @typescript-eslint/no-require-imports -- a preload for `node --require` is CommonJS: require() is how it imports */
'use strict';
const { appendFileSync } = require('node:fs');
const dns = require('node:dns');
const net = require('node:net');
const { syncBuiltinESMExports } = require('node:module');

const refuse = (what) => {
  if (process.env.BENCH_NETWORK_LOG) appendFileSync(process.env.BENCH_NETWORK_LOG, `${process.pid} ${what}\n`);
  return Object.assign(new Error(`network disabled by the benchmark (${what})`), { code: 'ENETUNREACH' });
};
dns.lookup = (host, options, callback) => (typeof options === 'function' ? options : callback)(refuse(`dns ${host}`));
dns.promises.lookup = async (host) => {
  throw refuse(`dns ${host}`);
};
net.Socket.prototype.connect = function connect(options) {
  const target = typeof options === 'object' && options !== null ? (options.host ?? options.path ?? options.port) : options;
  process.nextTick(() => this.destroy(refuse(`connect ${target}`)));
  return this;
};
globalThis.fetch = async (url) => {
  throw refuse(`fetch ${url}`);
};
syncBuiltinESMExports(); // so that `import { lookup } from 'node:dns'` sees the stubs too

// Where /usr/bin/time is missing, the benchmark asks each process for its own resource
// usage at exit instead (user and system CPU in µs, peak resident set size in KiB).
if (process.env.BENCH_RUSAGE_FILE) {
  const { writeFileSync } = require('node:fs');
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(process.env.BENCH_RUSAGE_FILE, `resourceUsage ${usage.userCPUTime} ${usage.systemCPUTime} ${usage.maxRSS}\n`);
  });
}
