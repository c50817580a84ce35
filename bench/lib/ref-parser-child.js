// One @apidevtools/json-schema-ref-parser scenario, in its own process (spawned by
// bench/resolve.js, which also kills it if it outlives its time limit):
//   node ref-parser-child.js <dereference|bundle> <file | folder> <runs> <timeoutMs>
// (a folder: one call per .json file in it, in sequence, as one timed run)
// Every way to the network (DNS, fetch, http(s), sockets) is replaced, before the
// library loads, by a stub that records the attempt and fails at once. Each call gets
// `timeoutMs`; one warm-up call, then `runs` timed calls. Prints one JSON line.
import { readdirSync, statSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const [method, file, runs = '3', timeoutMs = '20000'] = process.argv.slice(2);
const attempts = [];
const refuse = (what) => {
  attempts.push(what);
  return Object.assign(new Error(`network disabled by the benchmark (${what})`), { code: 'ENETUNREACH' });
};
const dns = require('node:dns');
dns.lookup = (host, options, callback) => (typeof options === 'function' ? options : callback)(refuse(`dns ${host}`));
dns.promises.lookup = async (host) => {
  throw refuse(`dns ${host}`);
};
for (const name of ['http', 'https']) {
  const mod = require(`node:${name}`);
  mod.request = mod.get = (target) => {
    throw refuse(`${name} ${typeof target === 'string' ? target : (target?.href ?? target?.host)}`);
  };
}
const net = require('node:net');
net.Socket.prototype.connect = function (options) {
  this.destroy(refuse(`connect ${options?.host ?? options}`));
  return this;
};
globalThis.fetch = async (url) => {
  throw refuse(`fetch ${url}`);
};
syncBuiltinESMExports(); // so `import('node:dns/promises')` sees the stubs too

const files = statSync(file).isDirectory()
  ? readdirSync(file)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(file, f))
  : [file];
const { $RefParser, getJsonSchemaRefParserDefaultOptions } = await import('@apidevtools/json-schema-ref-parser');

async function once() {
  const before = attempts.length;
  const start = performance.now();
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result within ${timeoutMs} ms (aborted)`)), Number(timeoutMs));
  });
  let outcome;
  try {
    let chars = 0;
    for (const one of files) chars += JSON.stringify(await Promise.race([new $RefParser()[method](one), limit])).length;
    outcome = `ok${files.length > 1 ? ` (${files.length} calls)` : ''}: ${chars.toLocaleString('en-US')} chars of JSON`;
  } catch (error) {
    outcome = `${error.name}: ${error.message.split('\n')[0]}`;
  } finally {
    clearTimeout(timer);
  }
  return { ms: performance.now() - start, outcome, attempts: attempts.slice(before) };
}

const first = await once(); // warm-up; a timeout here ends the scenario
const results = first.outcome.includes('(aborted)') ? [first] : [];
while (results.length < Number(runs)) results.push(await once());
const times = results.map((r) => r.ms).sort((a, b) => a - b);
console.log(
  JSON.stringify({
    times,
    outcome: results[0].outcome,
    attemptsPerCall: results[0].attempts.length,
    sampleAttempt: results[0].attempts[0] ?? null,
    defaultHttpTimeoutMs: getJsonSchemaRefParserDefaultOptions().resolve.http.timeout,
  }),
);
process.exit(0); // a pending request must not keep the process alive
