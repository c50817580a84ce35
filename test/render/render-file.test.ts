import { join } from 'node:path';
import { buildOutput } from '../../src/index.js';
import { writeSchemas, writeTemplateSet } from '../helpers/template-set.js';
import { withTempDir } from '../helpers/temp-dir.js';

// Text as careless templates write it: CRLF and lone CR line ends, runs of blank lines
// (empty and spaces-only), blank lines first, and no final newline.
const messy = '\r\n\r\n\r\nfirst\r\n\r\n\r\n\r\nsecond\rthird\n\n  \n\t\n\nfourth';
const tidy = '\nfirst\n\nsecond\nthird\n\nfourth\n';

describe('the text of every template', () => {
  it.each([
    ['a mustache template', 'messy.mustache', messy],
    ['an ES-module template', 'messy.mjs', `export default () => ${JSON.stringify(messy)};\n`],
  ])('%s: LF line ends, at most one blank line in a row, one final newline', (_, template, text) =>
    withTempDir(async (dir) => {
      await writeSchemas(dir, { 'a.json': { title: 'A', type: 'string' } });
      await writeTemplateSet(join(dir, 'tpl'), { files: { schema: { template, each: 'schema', path: '{{name}}.txt' }, run: { template, each: 'run', path: 'run.txt' } } }, { [template]: text });
      const built = await buildOutput({ cwd: dir, templatesDir: 'tpl', typesOnly: true });
      expect(built.diagnostics).toEqual([]);
      expect(built.files.map((f) => [f.path, f.content])).toEqual([
        ['A.txt', tidy],
        ['run.txt', tidy],
      ]);
    }),
  );
});
