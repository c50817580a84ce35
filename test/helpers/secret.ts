import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * A project folder and, beside it (outside every root), secret files holding a token
 * no run may ever repeat: a JSON one and one that is not JSON at all (an account list).
 */
export interface PlantedSecret {
  project: string;
  token: string;
  /** Absolute paths of the secret files. */
  json: string;
  text: string;
}

export async function plantSecret(dir: string): Promise<PlantedSecret> {
  const token = `SECRET-${Math.random().toString(36).slice(2)}-TOKEN`;
  const project = join(dir, 'project');
  const json = join(dir, 'private', 'secret.json');
  const text = join(dir, 'private', 'passwd');
  await mkdir(join(project, 'schemas'), { recursive: true });
  await mkdir(dirname(json), { recursive: true });
  await writeFile(json, JSON.stringify({ title: token, type: 'object', properties: { [token]: { const: token } } }));
  await writeFile(text, `root:${token}:0:0:root:/root:/bin/bash\n`);
  return { project, token, json, text };
}

/** The token appears in none of `texts` and in no file under `dir` except the secrets themselves. */
export async function expectSecretNowhere(secret: PlantedSecret, dir: string, texts: string[]): Promise<void> {
  for (const text of texts) expect(text).not.toContain(secret.token);
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (path === secret.json || path === secret.text) continue;
    expect({ path, leaked: (await readFile(path, 'utf8')).includes(secret.token) }).toEqual({ path, leaked: false });
  }
}

/** `/a/b/c.json` as a percent-encoded path climbing from any folder to it: `..%2F…%2Fa%2Fb%2Fc.json`. */
export function encodedClimbTo(absolutePath: string, levels = 30, separator = '%2F'): string {
  return `..${separator}`.repeat(levels) + absolutePath.replace(/^\//, '').split('/').map(encodeURIComponent).join(separator);
}
