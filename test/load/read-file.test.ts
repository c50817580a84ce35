import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readRegularFile } from '../../src/load/read-file.js';
import { withTempDir } from '../helpers/temp-dir.js';

describe('reading one file', () => {
  it('reads a regular file as UTF-8, without a BOM', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'a.json'), '\ufeff{"title": "Ä"}');
      expect(readRegularFile(join(dir, 'a.json'), 1024)).toEqual({ ok: true, text: '{"title": "Ä"}' });
    }));

  it('a file of exactly the cap is read; one byte more is refused', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'at.json'), 'x'.repeat(100));
      await writeFile(join(dir, 'over.json'), 'x'.repeat(101));
      expect(readRegularFile(join(dir, 'at.json'), 100)).toEqual({ ok: true, text: 'x'.repeat(100) });
      expect(readRegularFile(join(dir, 'over.json'), 100)).toEqual({ ok: false, kind: 'refused', reason: 'is larger than 100 bytes (the maxFileBytes limit)' });
    }));

  it('refuses folders, FIFOs and devices before opening them (a FIFO would block, a device may never end)', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'folder.json'));
      expect(spawnSync('mkfifo', [join(dir, 'pipe.json')]).status).toBe(0);
      expect(readRegularFile(join(dir, 'folder.json'), 1024)).toEqual({ ok: false, kind: 'refused', reason: 'is not a regular file (a folder)' });
      expect(readRegularFile(join(dir, 'pipe.json'), 1024)).toEqual({ ok: false, kind: 'refused', reason: 'is not a regular file (a FIFO)' });
      expect(readRegularFile('/dev/zero', 1024)).toEqual({ ok: false, kind: 'refused', reason: 'is not a regular file (a device)' });
    }));

  it('a missing file is missing, not an error of its own (the ref or input that named it says so)', () => {
    expect(readRegularFile('/nonexistent/schema.json', 1024)).toEqual({ ok: false, kind: 'missing' });
  });
});
