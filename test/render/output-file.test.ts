import { keptUnread } from '../../src/render/output-file.js';

describe('a file kept unread', () => {
  it('reads its text only when asked, once, through the given reader', () => {
    const reads: string[] = [];
    const file = keptUnread('types/A.d.ts', 'ab12', (path, sha256) => {
      reads.push(`${path} ${sha256}`);
      return Buffer.from('export type A = string;\n');
    });
    expect(file.onDisk).toEqual({ sha256: 'ab12' });
    expect(reads).toEqual([]);
    expect(file.content).toBe('export type A = string;\n');
    expect(file.content).toBe('export type A = string;\n');
    expect(reads).toEqual(['types/A.d.ts ab12']);
  });

  it('passes on what the reader throws when the bytes are gone', () => {
    const file = keptUnread('types/A.d.ts', 'ab12', () => {
      throw new Error('changed during the run');
    });
    expect(() => file.content).toThrow('changed during the run');
  });
});
