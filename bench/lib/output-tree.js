// An output folder as one file: a JSON header `[[relative path, byte length], …]` and the
// bytes of every file after it. The I/O floor child reads it with one read, so that the
// floor pays for writing the files schema-gen writes, not for reading them one by one.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

function filesUnder(root, dir = root) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(root, path) : entry.isFile() ? [relative(root, path)] : [];
  });
}

/** Pack every file under `folder` into `packFile`; returns `{ files, bytes }`. */
export function packTree(folder, packFile) {
  const paths = filesUnder(folder).sort();
  const contents = paths.map((path) => readFileSync(join(folder, path)));
  const header = Buffer.from(JSON.stringify(paths.map((path, i) => [path, contents[i].length])));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  writeFileSync(packFile, Buffer.concat([length, header, ...contents]));
  return { files: paths.length, bytes: contents.reduce((n, b) => n + b.length, 0) };
}

/** Write every file of `packFile` under `folder` (which must not exist yet). */
export function unpackTree(packFile, folder) {
  const pack = readFileSync(packFile);
  const headerLength = pack.readUInt32LE(0);
  const entries = JSON.parse(pack.subarray(4, 4 + headerLength).toString('utf8'));
  const folders = new Set(entries.map(([path]) => dirname(join(folder, path))));
  for (const dir of folders) mkdirSync(dir, { recursive: true });
  let offset = 4 + headerLength;
  for (const [path, length] of entries) {
    writeFileSync(join(folder, path), pack.subarray(offset, offset + length));
    offset += length;
  }
  return entries.length;
}
