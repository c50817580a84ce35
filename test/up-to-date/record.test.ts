import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { runRecordOf, textHash } from '../../src/up-to-date/record.js';
import { withTempDir } from '../helpers/temp-dir.js';

describe('the record of a run', () => {
  it('hashes what the run loaded as it saw it, other files as they are now, by path relative to the output folder', () =>
    withTempDir(async (dir) => {
      await writeFile(join(dir, 'notes.json'), '{"not": "a schema"}\r\n');
      const record = runRecordOf(
        {
          settings: `sha256:${'0'.repeat(64)}`,
          loaded: new Map([
            [join(dir, 'schemas', 'a.json'), { text: '{"title": "A"}\n' }],
            // Line ends do not count, for loaded documents as for other files.
            [join(dir, 'schemas', 'b.json'), { text: '{"title": "B"}\r\n' }],
          ]),
          alsoRead: [join(dir, 'notes.json')],
        },
        join(dir, 'out'),
        DEFAULT_LIMITS,
      );
      expect(record?.read).toEqual({
        '../schemas/a.json': textHash('{"title": "A"}\n'),
        '../schemas/b.json': textHash('{"title": "B"}\n'),
        '../notes.json': textHash('{"not": "a schema"}\n'),
      });
    }));

  it('is none when a file the run read cannot be read again (the next run does all the work)', () =>
    withTempDir(async (dir) => {
      const record = runRecordOf({ settings: `sha256:${'0'.repeat(64)}`, loaded: new Map(), alsoRead: [join(dir, 'gone.json')] }, join(dir, 'out'), DEFAULT_LIMITS);
      expect(record).toBeUndefined();
    }));
});
