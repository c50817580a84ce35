import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths.js';
import { withTempDir } from '../helpers/temp-dir.js';

/** Run scripts/check-imports.js over `root`: its exit code and what it printed. */
function checkImports(root?: string): { code: number; output: string } {
  try {
    const output = execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'check-imports.js'), ...(root ? [root] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, output };
  } catch (error) {
    const failed = error as { status: number; stderr: string };
    return { code: failed.status, output: failed.stderr };
  }
}

async function files(root: string, contents: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(contents)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
}

describe('the import check (npm run lint)', () => {
  it('passes on src/', () => {
    expect(checkImports()).toEqual({ code: 0, output: '' });
  });

  it('finds a cycle of imports that load modules, and ignores one of types alone (erased at run time)', async () => {
    await withTempDir(async (root) => {
      await files(root, {
        'load/a.ts': "import { b } from './b.js';\nexport const a = b;\n",
        'load/b.ts': "import { c } from './c.js';\nexport const b = c;\n",
        'load/c.ts': "import { a } from './a.js';\nexport const c = () => a;\n",
        'model/x.ts': "import type { Y } from './y.js';\nexport interface X { y?: Y }\n",
        'model/y.ts': "import { type X } from './x.js';\nexport interface Y { x?: X }\n",
      });
      const run = checkImports(root);
      expect(run.code).toBe(1);
      expect(run.output).toBe('import cycle: load/a.ts → load/b.ts → load/c.ts → load/a.ts\ncheck-imports: 1 problem(s)\n');
    });
  });

  it('finds an import the layering does not allow: the write stage reaching into load', async () => {
    await withTempDir(async (root) => {
      await files(root, {
        'load/glob.ts': 'export const globBase = (p: string) => p;\n',
        'write/out.ts': "import { globBase } from '../load/glob.js';\nexport const x = globBase('a');\n",
        'paths/p.ts': 'export const p = 1;\n',
        'write/ok.ts': "import { p } from '../paths/p.js';\nexport const y = p;\n",
      });
      const run = checkImports(root);
      expect(run.code).toBe(1);
      expect(run.output).toContain('write/out.ts imports load/glob.ts: src/write may not import from src/load (allowed: schema, diagnostics, paths, hash, limits.ts, render)');
      expect(run.output).toContain('check-imports: 1 problem(s)');
    });
  });
});
