// Run by import-probe.ts in a child `node` process: import every generated module, call
// every validator on data that holds code, and report what changed in this process.
// Usage: node probe-child.mjs <output folder> <probe.json>; prints one JSON line.
import dns from 'node:dns';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [outDir, probeFile] = process.argv.slice(2);
const probe = JSON.parse(readFileSync(probeFile, 'utf8'));
const network = [];

// Network: every way out is recorded and refused (patched before the snapshot, so the patches are not changes).
const refuse = (what) =>
  function (...args) {
    network.push(`${what} ${String(args[0]?.host ?? args[0]?.href ?? args[0])}`);
    throw new Error(`network access (${what}) from generated code`);
  };
net.Socket.prototype.connect = refuse('socket');
net.connect = net.createConnection = refuse('net.connect');
tls.connect = refuse('tls.connect');
dns.lookup = refuse('dns.lookup');
dns.promises.lookup = refuse('dns.promises.lookup');
http.request = http.get = refuse('http');
https.request = https.get = refuse('https');
globalThis.fetch = refuse('fetch');

// What counts as "a global changed": an own property (string or symbol key) of these
// objects added, removed, or given another value, getter, setter or attribute.
const watched = {
  globalThis,
  process,
  'process.env': process.env,
  Object,
  'Object.prototype': Object.prototype,
  Array,
  'Array.prototype': Array.prototype,
  Function,
  'Function.prototype': Function.prototype,
  String,
  'String.prototype': String.prototype,
  'Number.prototype': Number.prototype,
  'Boolean.prototype': Boolean.prototype,
  'RegExp.prototype': RegExp.prototype,
  RegExp,
  'Promise.prototype': Promise.prototype,
  Promise,
  'Error.prototype': Error.prototype,
  Error,
  'Symbol.prototype': Symbol.prototype,
  'Date.prototype': Date.prototype,
  'Map.prototype': Map.prototype,
  'Set.prototype': Set.prototype,
  JSON,
  Math,
  Reflect,
  'Iterator.prototype': Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())),
};

function snapshot() {
  const shot = new Map();
  for (const [name, object] of Object.entries(watched)) {
    const props = new Map();
    for (const key of Reflect.ownKeys(object)) props.set(key, Object.getOwnPropertyDescriptor(object, key));
    shot.set(name, { props, proto: Object.getPrototypeOf(object), extensible: Object.isExtensible(object) });
  }
  return shot;
}

function differences(before, after) {
  const changes = [];
  for (const [name, { props, proto, extensible }] of before) {
    const now = after.get(name);
    if (now.proto !== proto) changes.push(`${name}: prototype replaced`);
    if (now.extensible !== extensible) changes.push(`${name}: extensibility changed`);
    for (const key of new Set([...props.keys(), ...now.props.keys()])) {
      const a = props.get(key);
      const b = now.props.get(key);
      const label = `${name}.${String(key)}`;
      if (!a) changes.push(`${label} added`);
      else if (!b) changes.push(`${label} removed`);
      else if (['value', 'get', 'set', 'writable', 'enumerable', 'configurable'].some((f) => !Object.is(a[f], b[f]))) changes.push(`${label} changed`);
    }
  }
  return changes;
}

const moduleFiles = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.js')) moduleFiles.push(path);
  }
};
walk(outDir);

const before = snapshot();
const importErrors = [];
const validators = new Set();
for (const file of moduleFiles) {
  try {
    const exports = await import(pathToFileURL(file).href);
    for (const [name, value] of Object.entries(exports)) if (name.startsWith('validate') && typeof value === 'function') validators.add(value);
  } catch (error) {
    importErrors.push(`${String(error?.message ?? error).split('\n')[0]}\n  in ${file}`);
  }
}
const afterImport = snapshot();
// Data that is code: a validator that evaluates data (issue 8 item 1) runs it.
const code = 'globalThis.__fuzzPwned = 1';
const data = [code, [code], Object.fromEntries(probe.keys.map((k) => [k, code])), null, 0, {}, []];
let calls = 0;
for (const validate of validators) {
  for (const d of data) {
    try {
      validate(JSON.parse(JSON.stringify(d)));
      calls++;
    } catch {
      // A validator that throws is the differential test's business; here only side effects count.
    }
  }
}
const afterCalls = snapshot();
process.stdout.write(
  `${JSON.stringify({ modules: moduleFiles.length, validators: validators.size, calls, importErrors, network, changedByImport: differences(before, afterImport), changedByValidation: differences(afterImport, afterCalls) })}\n`,
);
